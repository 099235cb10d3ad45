namespace OpenPcn.Cohorts.Spec.Harness;

/// <summary>
/// The engines the spec tests run on, shared by every case of a test class: the in-memory engine, and (once the SQL
/// compiler is present) one throwaway database per provider that each case's tables are loaded into.
/// </summary>
public sealed class SpecDatabases : IAsyncDisposable
{
    private readonly InMemorySpecEngine _inMemory = new();

    public Task<ISpecEngine> EngineAsync(string name) => name switch
    {
        SpecEngines.InMemory => Task.FromResult<ISpecEngine>(_inMemory),
        _ => throw new ArgumentException($"There is no spec engine {name}.", nameof(name)),
    };

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

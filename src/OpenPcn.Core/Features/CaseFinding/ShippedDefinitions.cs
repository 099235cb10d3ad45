using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>
/// The codelists and built-in definitions shipped with OpenPCN, loaded once per process (they are immutable).
/// </summary>
public sealed class ShippedDefinitions
{
    private readonly Lazy<(IReadOnlyDictionary<string, Codelist> Codelists, IReadOnlyList<CohortDefinition> Definitions)> loaded =
        new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The built-in definitions, in catalogue order.</summary>
    public IReadOnlyList<CohortDefinition> BuiltIns => loaded.Value.Definitions;

    /// <summary>The shipped codelists, by id.</summary>
    public IReadOnlyCollection<Codelist> Codelists => [.. loaded.Value.Codelists.Values];

    /// <summary>A shipped codelist by id, or null.</summary>
    public Codelist? Codelist(string id) => loaded.Value.Codelists.GetValueOrDefault(id);

    /// <summary>A built-in definition by name, or null.</summary>
    public CohortDefinition? BuiltIn(string name) => BuiltIns.FirstOrDefault(d => d.Name == name);

    private static (IReadOnlyDictionary<string, Codelist>, IReadOnlyList<CohortDefinition>) Load() =>
        (new Dictionary<string, Codelist>(StringComparer.Ordinal), []);
}

using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Engines.Sql;
using OpenPcn.Cohorts.Model;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Cohorts.Spec.Harness;

/// <summary>
/// The engines the spec cases run on, shared by every spec test: the in-memory engine, and the SQL engine on one
/// throwaway SQLite and one PostgreSQL database, started on first use. Each set of tables is loaded once, into a
/// network of its own, and found again by its key.
/// </summary>
public sealed class SpecDatabases : IAsyncDisposable
{
    private readonly InMemorySpecEngine _inMemory = new();
    private readonly Dictionary<string, SqlSpecEngine> _sql = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<ISpecEngine> EngineAsync(string name)
    {
        if (name == SpecEngines.InMemory)
        {
            return _inMemory;
        }

        await _gate.WaitAsync();
        try
        {
            if (!_sql.TryGetValue(name, out var engine))
            {
                var provider = name switch
                {
                    SpecEngines.Sqlite => DatabaseProvider.Sqlite,
                    SpecEngines.Postgres => DatabaseProvider.Postgres,
                    _ => throw new ArgumentException($"There is no spec engine {name}.", nameof(name)),
                };
                engine = new SqlSpecEngine(name, await TestDatabase.CreateAsync(provider));
                _sql[name] = engine;
            }

            return engine;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var engine in _sql.Values)
        {
            await engine.DisposeAsync();
        }

        _gate.Dispose();
    }
}

/// <summary>The SQL engine over one test database; each distinct set of tables is loaded once into its own network.</summary>
internal sealed class SqlSpecEngine(string name, TestDatabase database) : ISpecEngine, IAsyncDisposable
{
    private readonly Dictionary<string, int> _networks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _lastNetwork;

    public string Name => name;

    public SqlDialect Dialect => database.Provider == DatabaseProvider.Sqlite ? SqlDialect.Sqlite : SqlDialect.Postgres;

    public async Task<CohortResult> RunAsync(TextTables tables, string tablesKey, CohortQuery query, DateOnly indexDate)
    {
        var pcnId = await NetworkAsync(tables, tablesKey);
        await using System.Data.Common.DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        return await new SqlCohortEngine(connection, Dialect, pcnId).RunAsync(query, indexDate);
    }

    public async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        _gate.Dispose();
    }

    private async Task<int> NetworkAsync(TextTables tables, string key)
    {
        await _gate.WaitAsync();
        try
        {
            if (_networks.TryGetValue(key, out var known))
            {
                return known;
            }

            var number = ++_lastNetwork;
            var pcnId = await database.CreateNetworkAsync($"U{number.ToString("00000", CultureInfo.InvariantCulture)}", $"Spec {number}", "QWO");
            await using (var scope = database.SystemScope())
            {
                await new SpecRecordLoader(scope.ServiceProvider.GetRequiredService<PcnDbContext>(), pcnId).LoadAsync(tables);
            }

            _networks[key] = pcnId;
            return pcnId;
        }
        finally
        {
            _gate.Release();
        }
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Engines.Sql;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;

namespace OpenPcn.Cohorts.Spec.Sql;

/// <summary>A migrated test database with two networks, seeded with <see cref="RecordSeeder"/>, and the SQL engine over it.</summary>
internal sealed class SqlEngineDatabase : IAsyncDisposable
{
    public const string Practice = "A81001";
    public static readonly DateOnly IndexDate = new(2026, 11, 23);

    private readonly TestDatabase _database;

    private SqlEngineDatabase(TestDatabase database, int pcnId, int otherPcnId)
    {
        _database = database;
        PcnId = pcnId;
        OtherPcnId = otherPcnId;
    }

    public int PcnId { get; }

    public int OtherPcnId { get; }

    public SqlDialect Dialect => _database.Provider == DatabaseProvider.Sqlite ? SqlDialect.Sqlite : SqlDialect.Postgres;

    public static async Task<SqlEngineDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var pcn = await database.CreateNetworkAsync("U12345", "PCN", "QWO", (Practice, 5000));
        var other = await database.CreateNetworkAsync("U54321", "Other PCN", "QWO", ("B82002", 5000));
        return new SqlEngineDatabase(database, pcn, other);
    }

    /// <summary>Seeds records of this network (or of the other one).</summary>
    public async Task SeedAsync(Func<RecordSeeder, Task> seed, bool otherNetwork = false)
    {
        await using var scope = _database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        await seed(new RecordSeeder(db, otherNetwork ? OtherPcnId : PcnId));
    }

    /// <summary>A new, closed connection to the database.</summary>
    public DbConnection Connection() => _database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(_database.ConnectionString)
        : new NpgsqlConnection(_database.ConnectionString);

    /// <summary>Runs <paramref name="query"/> on this network with a closed connection the engine opens itself.</summary>
    public async Task<CohortResult> RunAsync(CohortQuery query, int? pcnId = null)
    {
        await using var connection = Connection();
        return await new SqlCohortEngine(connection, Dialect, pcnId ?? PcnId).RunAsync(query, IndexDate);
    }

    /// <summary>The value of <paramref name="value"/> for each patient where <paramref name="population"/> is true (all by default).</summary>
    public async Task<Dictionary<long, object?>> ValuesAsync(Expr value, BoolExpr? population = null)
    {
        var query = new CohortQuery((population ?? true).Series, [new QueryColumn("value", value.Series)]);
        var result = await RunAsync(query);
        return result.Rows.ToDictionary(r => r.PatientId, r => r.Values[0]);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}

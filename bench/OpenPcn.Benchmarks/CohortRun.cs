using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Definitions;
using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Engines.InMemory;
using OpenPcn.Cohorts.Engines.Sql;
using OpenPcn.Cohorts.Language;

namespace OpenPcn.Benchmarks;

/// <summary>
/// Scale run for issue 4: every built-in definition over the cached generated networks (<see cref="CohortData"/>),
/// on SQLite and PostgreSQL at each size, with per-definition medians; in the same run the baselines — three
/// definitions written by hand as one SQL query each (same patients required) and the in-memory engine.
/// <c>cohorts [--sizes 50000,500000] [--runs 3] [--sqlite-sizes 50000,500000] [--postgres-sizes 50000,500000 (or "" for none)]</c>.
/// </summary>
internal static class CohortRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Value(args, "--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 3;
        var sqliteSizes = CohortPrepare.Sizes(["--sizes", Value(args, "--sqlite-sizes") ?? "50000,500000"], []);
        var postgresSizes = CohortPrepare.Sizes(["--sizes", Value(args, "--postgres-sizes") ?? "50000,500000"], []);
        var codelists = CodelistLibrary.LoadShipped();
        var definitions = BuiltInDefinitions.Create(codelists);
        var report = new CohortReport(definitions.Select(d => d.Name).ToList());

        foreach (var size in sqliteSizes)
        {
            var dataDir = await CohortData.SqliteAsync(size);
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "openpcn.db")};Mode=ReadOnly;Cache=Private");
            await connection.OpenAsync();
            await MeasureAsync(report, $"SQLite {size / 1000}k", connection, SqlDialect.Sqlite, definitions, codelists, runs, postgres: false);
            if (size <= 100_000)
            {
                await MeasureInMemoryAsync(report, $"in-memory {size / 1000}k", connection, definitions, runs);
            }
        }

        if (postgresSizes.Length > 0)
        {
            await using var cluster = await CohortData.StartClusterAsync();
            foreach (var size in postgresSizes)
            {
                await using var connection = new NpgsqlConnection(await CohortData.PostgresAsync(cluster, size));
                await connection.OpenAsync();
                await MeasureAsync(report, $"PostgreSQL {size / 1000}k", connection, SqlDialect.Postgres, definitions, codelists, runs, postgres: true);
            }
        }

        report.Print(runs);
        return 0;
    }

    /// <summary><c>cohorts-sql NAME [--postgres]</c>: prints the SQL the engine runs for a built-in (to read or EXPLAIN).</summary>
    public static int PrintSql(string[] args)
    {
        var definition = BuiltInDefinitions.Find(CodelistLibrary.LoadShipped(), args[0]) ?? throw new ArgumentException($"No built-in {args[0]}.");
        var dialect = args.Contains("--postgres") ? SqlDialect.Postgres : SqlDialect.Sqlite;
        Console.WriteLine(new SqlCohortEngine(new SqliteConnection(), dialect, 0).Compile(definition.Query, CohortData.AsOf));
        return 0;
    }

    private static async Task MeasureAsync(CohortReport report, string engine, DbConnection connection, SqlDialect dialect,
        IReadOnlyList<CohortDefinition> definitions, CodelistLibrary codelists, int runs, bool postgres)
    {
        var pcnId = await PcnIdAsync(connection);
        var sql = new SqlCohortEngine(connection, dialect, pcnId);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var (seconds, count) = await MedianAsync(runs, async () => (await sql.RunAsync(definition.Query, CohortData.AsOf)).Rows.Count);
            report.Add(engine, definition.Name, seconds, count);
            counts[definition.Name] = count;
            Console.Error.WriteLine($"{engine} {definition.Name}: {seconds * 1000:N0} ms, {count:N0} patients");
        }

        foreach (var (name, text) in HandWrittenSql.Queries(codelists, CohortData.AsOf, postgres))
        {
            var engineIds = (await sql.RunAsync(definitions.Single(d => d.Name == name).Query, CohortData.AsOf)).Rows.Select(row => row.PatientId).ToList();
            var handIds = await RunRawAsync(connection, text, pcnId);
            if (!engineIds.SequenceEqual(handIds))
            {
                throw new InvalidOperationException($"The hand-written {name} found {handIds.Count} patients, the engine {engineIds.Count}: the baseline is not the same question.");
            }

            // The engine has memory-mapped the SQLite file on this connection, so the hand-written query reads it the
            // same way and the ratio compares the SQL alone.
            var (seconds, count) = await MedianAsync(runs, async () => (await RunRawAsync(connection, text, pcnId)).Count);

            report.AddBaseline(engine, name, seconds, count);
        }
    }

    private static async Task MeasureInMemoryAsync(CohortReport report, string engine, DbConnection connection, IReadOnlyList<CohortDefinition> definitions, int runs)
    {
        var watch = Stopwatch.StartNew();
        var tables = await RecordTablesLoader.LoadAsync(connection, SqlDialect.Sqlite, await PcnIdAsync(connection));
        report.AddLoad(engine, watch.Elapsed.TotalSeconds, GC.GetTotalMemory(forceFullCollection: true) / 1_048_576.0);
        var memory = new InMemoryEngine(tables);
        foreach (var definition in definitions)
        {
            var (seconds, count) = await MedianAsync(runs, async () => (await memory.RunAsync(definition.Query, CohortData.AsOf)).Rows.Count);
            report.Add(engine, definition.Name, seconds, count);
        }
    }

    private static async Task<(double Seconds, int Count)> MedianAsync(int runs, Func<Task<int>> run)
    {
        var count = await run(); // warm-up: plans, page cache, JIT
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            count = await run();
            times.Add(watch.Elapsed.TotalSeconds);
        }

        times.Sort();
        return (times[times.Count / 2], count);
    }

    private static async Task<List<long>> RunRawAsync(DbConnection connection, string sql, int pcnId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@pcn";
        parameter.Value = pcnId;
        command.Parameters.Add(parameter);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 1; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }

            ids.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return ids;
    }

    private static async Task<int> PcnIdAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(\"PcnId\") FROM \"Patients\"";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

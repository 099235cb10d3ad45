using OpenPcn.Fhir.Synthetic;
using OpenPcn.TestSupport;

namespace OpenPcn.Benchmarks;

/// <summary>
/// The generated networks the cohort benchmarks run on, kept between runs because loading 500,000 patients takes
/// minutes: a SQLite data folder per size under <c>OPENPCN_BENCH_CACHE</c> (default <c>~/.cache/openpcn-bench</c>) and one
/// persistent PostgreSQL cluster with a database per size (<see cref="PostgresDirectory"/>). Each is generated with seed 1 as of
/// 2026-11-23 over 6 practices and imported as <c>openpcn import</c> would; a marker file records completion.
/// </summary>
internal static class CohortData
{
    public static readonly DateOnly AsOf = new(2026, 11, 23);

    public static string CacheRoot { get; } = Environment.GetEnvironmentVariable("OPENPCN_BENCH_CACHE")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "openpcn-bench");

    /// <summary>
    /// The PostgreSQL cluster's folder: outside the home folder, which the <c>postgres</c> user that runs the server
    /// (when the benchmark runs as root) cannot enter.
    /// </summary>
    public static string PostgresDirectory { get; } = Environment.GetEnvironmentVariable("OPENPCN_BENCH_PG_DIR") ?? "/var/tmp/openpcn-bench-postgres";

    public static Task<PostgresCluster> StartClusterAsync() => PostgresCluster.StartPersistentAsync(PostgresDirectory);

    /// <summary>The SQLite data folder holding <paramref name="size"/> generated patients (created on first use).</summary>
    public static async Task<string> SqliteAsync(int size)
    {
        var dataDir = Path.Combine(CacheRoot, $"sqlite-{size}");
        var marker = Path.Combine(dataDir, "complete");
        if (File.Exists(marker))
        {
            return dataDir;
        }

        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }

        Directory.CreateDirectory(dataDir);
        await LoadAsync(size, ["--provider", "Sqlite", "--data-dir", dataDir]);
        await File.WriteAllTextAsync(marker, $"{size}\n");
        return dataDir;
    }

    /// <summary>The connection string of the database holding <paramref name="size"/> generated patients.</summary>
    public static async Task<string> PostgresAsync(PostgresCluster cluster, int size)
    {
        var name = $"pop{size}";
        var marker = Path.Combine(CacheRoot, $"postgres-{size}.complete");
        if (!File.Exists(marker))
        {
            await cluster.DropDatabaseAsync(name);
            await cluster.EnsureDatabaseAsync(name);
            await LoadAsync(size, ["--provider", "Postgres", "--connection", cluster.ConnectionString(name)]);
            await using (var conn = new Npgsql.NpgsqlConnection(cluster.ConnectionString(name)))
            {
                await conn.OpenAsync();
                await using var analyse = new Npgsql.NpgsqlCommand("ANALYZE", conn);
                await analyse.ExecuteNonQueryAsync();
            }

            await File.WriteAllTextAsync(marker, $"{size}\n");
        }

        return cluster.ConnectionString(name);
    }

    private static async Task LoadAsync(int size, string[] database)
    {
        var folder = Directory.CreateTempSubdirectory($"openpcn-cohorts-{size}-").FullName;
        try
        {
            Console.Error.WriteLine($"Generating {size:N0} patients for the cohort benchmarks (once; cached in {CacheRoot}) …");
            await PopulationGenerator.WriteAsync(new GeneratorOptions(size, 6, 1, AsOf), folder);
            var result = await PopulationRun.ImportInChildAsync(folder, database);
            Console.Error.WriteLine($"Imported {result.Resources:N0} resources in {result.Seconds:N0} s ({database[1]}).");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

using System.Globalization;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Benchmarks;

/// <summary>
/// Import of each shipped national file into an empty directory (a fresh, migrated database every iteration), and the
/// baseline measured in the same run: reading the same file's fields with CsvHelper and nothing else (the ceiling).
/// </summary>
[MemoryDiagnoser]
// One invocation per iteration for both methods (the import needs a fresh database each time), so that
// BenchmarkDotNet puts them in one job and reports the import's ratio to the parse-only baseline.
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class DirectoryImportBenchmarks
{
    private string _path = string.Empty;
    private TestDatabase? _db;

    /// <summary>map = gp-reg-pat-prac-map.csv (6,202 rows), list = gp-reg-pat-prac-all.csv (6,658), epraccur = epraccur.csv (15,536).</summary>
    [Params("map", "list", "epraccur")]
    public string File { get; set; } = string.Empty;

    [Params(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)]
    public DatabaseProvider Provider { get; set; }

    [GlobalSetup]
    public void FindFile() => _path = Path.Combine(StartupRun.FindRepositoryRoot(), "data", "directory", File switch
    {
        "map" => "gp-reg-pat-prac-map.csv",
        "list" => "gp-reg-pat-prac-all.csv",
        _ => "epraccur.csv",
    });

    [IterationSetup(Target = nameof(Import))]
    public void NewDatabase() => _db = TestDatabase.CreateAsync(Provider).GetAwaiter().GetResult();

    [IterationCleanup(Target = nameof(Import))]
    public void DropDatabase() => _db!.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "Parse only (CsvHelper)")]
    public int ParseOnly()
    {
        using var reader = new StreamReader(_path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var fields = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.Parser.Count; i++)
            {
                fields += csv.GetField(i)!.Length > 0 ? 1 : 0;
            }
        }

        return fields;
    }

    [Benchmark(Description = "Import into an empty directory")]
    public async Task<int> Import()
    {
        await using var scope = _db!.SystemScope();
        var report = await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportFileAsync(_path);
        return report.Status == ImportStatus.Failed ? throw new InvalidOperationException(report.Failure) : report.Inserted;
    }
}

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
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class DirectoryImportBenchmarks
{
    private string _path = string.Empty;
    private TestDatabase? _db;

    [Params("gp-reg-pat-prac-map.csv", "gp-reg-pat-prac-all.csv", "epraccur.csv")]
    public string File { get; set; } = string.Empty;

    [Params(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)]
    public DatabaseProvider Provider { get; set; }

    [GlobalSetup]
    public void FindFile() => _path = Path.Combine(StartupRun.FindRepositoryRoot(), "data", "directory", File);

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

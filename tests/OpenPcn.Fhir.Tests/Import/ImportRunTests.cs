using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Import;
using OpenPcn.TestSupport;
using static OpenPcn.Fhir.Tests.Import.ImportTestData;

namespace OpenPcn.Fhir.Tests.Import;

public sealed class ImportRunTests
{
    [Fact]
    public async Task ImportAsync_RejectedPatientsAndIdsHoldingNhsNumbers_QuarantinedWithoutTheId()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var lines = SmallExport().Concat(
        [
            Patient(NhsNumber(40), NhsNumber(40), "Z99999"),           // id is the NHS number; not a member practice
            Patient("bad-nhs", "1234567890"),
            Condition(NhsNumber(41), "nobody"),
            Condition($"cond-{NhsNumber(42)}-1", "nobody"),
            Condition("orphan", "nobody"),
        ]);

        await ImportAsync(database, new FhirImportRequest(WriteNdJson(TempFolder(), "q.ndjson", lines)));

        var quarantined = await WithDbAsync(database, db => db.QuarantinedResources.IgnoreQueryFilters().OrderBy(q => q.Seq).ToListAsync());
        Assert.Equal(5, quarantined.Count);
        Assert.Equal([null, null, null, null, "orphan"], quarantined.Select(q => q.LogicalId));
        Assert.Null(ImportWriter.QuarantineId("Condition", "https://ehr.example/fhir/Condition/" + NhsNumber(43)));
        Assert.Equal("obs-2024-01-10", ImportWriter.QuarantineId("Observation", "obs-2024-01-10"));
    }

    [Fact]
    public async Task ImportAsync_QueuedRunWhoseInputCannotBeListed_MarkedFailed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ImportAsync(database, new FhirImportRequest(WriteNdJson(TempFolder(), "a.ndjson", SmallExport())));
        var pcnId = await PcnIdAsync(database);
        var folder = TempFolder();
        await File.WriteAllBytesAsync(Path.Combine(folder, "corrupt.zip"), [1, 2, 3, 4, 5, 6, 7, 8]);
        var corrupt = await QueueAsync(database, pcnId);
        var missing = await QueueAsync(database, pcnId);

        var summary = await ImportAsync(database, new FhirImportRequest(Path.Combine(folder, "corrupt.zip"), pcnId, ImportId: corrupt));
        await Assert.ThrowsAsync<FileNotFoundException>(() =>
            ImportAsync(database, new FhirImportRequest(Path.Combine(folder, "absent.ndjson"), pcnId, ImportId: missing)));

        Assert.Equal(RecordImportStatus.Failed, summary.Status);
        Assert.Equal(corrupt, summary.ImportId);
        var runs = await WithDbAsync(database, db => db.RecordImports.IgnoreQueryFilters().Where(r => r.ImportId == corrupt || r.ImportId == missing).ToListAsync());
        Assert.All(runs, r =>
        {
            Assert.Equal(RecordImportStatus.Failed, r.Status);
            Assert.False(string.IsNullOrEmpty(r.Error));
            Assert.NotNull(r.FinishedAt);
        });
    }

    [Fact]
    public async Task ImportAsync_BulkLoadIntoEmptyTables_DropsIndexesDuringTheRunAndEndsWithAll()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var seen = new List<int>();

        var summary = await ImportWithThresholdAsync(database, WriteNdJson(TempFolder(), "a.ndjson", SmallExport()), seen);

        Assert.Equal(RecordImportStatus.Completed, summary.Status);
        var all = await SecondaryIndexNamesAsync(database);
        Assert.Contains(0, seen);
        Assert.Equal(all.Count, await CountIndexesAsync(database, all));
    }

    [Fact]
    public async Task ImportAsync_SmallTopUpIntoPopulatedNetwork_LeavesEveryIndexInPlace()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = TempFolder();
        await ImportAsync(database, new FhirImportRequest(WriteNdJson(folder, "a.ndjson", SmallExport())));
        var all = await SecondaryIndexNamesAsync(database);
        var seen = new List<int>();

        var summary = await ImportWithThresholdAsync(database, WriteNdJson(folder, "b.ndjson", [Condition("top-up", "p1", "38341003")]), seen);

        Assert.Equal(1, summary.Accepted);
        Assert.NotEmpty(seen);
        Assert.All(seen, count => Assert.Equal(all.Count, count));
        Assert.Equal(all.Count, await CountIndexesAsync(database, all));
    }

    /// <summary>Imports with the bulk-load threshold at zero, counting the secondary indexes at every progress report.</summary>
    private static async Task<FhirImportSummary> ImportWithThresholdAsync(TestDatabase database, string path, List<int> seen)
    {
        var names = await SecondaryIndexNamesAsync(database);
        await using var scope = database.SystemScope();
        var service = ActivatorUtilities.CreateInstance<FhirImportService>(scope.ServiceProvider);
        service.BulkLoadThreshold = 0;
        return await service.ImportAsync(new FhirImportRequest(path), new Inline(_ => seen.Add(CountIndexesAsync(database, names).GetAwaiter().GetResult())));
    }

    private static Task<List<string>> SecondaryIndexNamesAsync(TestDatabase database) =>
        WithDbAsync(database, db => Task.FromResult(new[] { typeof(ClinicalEvent), typeof(MedicationRecord) }
            .SelectMany(t => db.Model.FindEntityType(t)!.GetIndexes().Where(i => !i.IsUnique).Select(i => i.GetDatabaseName()!)).ToList()));

    private static async Task<int> CountIndexesAsync(TestDatabase database, List<string> names)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index'";
        var present = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            present.Add(reader.GetString(0));
        }

        return names.Count(present.Contains);
    }

    private static async Task<Guid> QueueAsync(TestDatabase database, int pcnId)
    {
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var run = RecordImportQueueing.Queued(pcnId, "upload", "test", database.Clock.GetUtcNow());
        db.RecordImports.Add(run);
        await db.SaveChangesAsync();
        return run.ImportId;
    }

    private sealed class Inline(Action<FhirImportProgress> report) : IProgress<FhirImportProgress>
    {
        public void Report(FhirImportProgress value) => report(value);
    }
}

using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Import;
using OpenPcn.TestSupport;
using static OpenPcn.Fhir.Tests.Import.ImportTestData;

namespace OpenPcn.Fhir.Tests.Import;

public sealed class NdJsonImportTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_EmptyDatabaseWithNetworkOrganisations_CreatesCompleteNetworkAndRecords(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var path = WriteNdJson(TempFolder(), "export.ndjson", SmallExport());

        var summary = await ImportAsync(database, new FhirImportRequest(path));

        Assert.Equal(RecordImportStatus.Completed, summary.Status);
        Assert.Equal(0, summary.Rejected);
        Assert.Equal(15, summary.Accepted);
        var pcnId = await PcnIdAsync(database);
        Assert.Equal(pcnId, summary.PcnId);
        var (practices, listSizes, patients, events, medicines, registrations, run, audit) = await WithDbAsync(database, async db => (
            await db.Practices.IgnoreQueryFilters().Include(p => p.Memberships).Where(p => p.PcnId == pcnId).ToListAsync(),
            await db.ListSizes.IgnoreQueryFilters().CountAsync(l => l.PcnId == pcnId),
            await db.Patients.IgnoreQueryFilters().CountAsync(),
            await db.ClinicalEvents.IgnoreQueryFilters().ToListAsync(),
            await db.MedicationRecords.IgnoreQueryFilters().ToListAsync(),
            await db.Registrations.IgnoreQueryFilters().CountAsync(),
            await db.RecordImports.IgnoreQueryFilters().SingleAsync(),
            await db.AuditEvents.IgnoreQueryFilters().CountAsync(a => a.Action == "population.import")));
        Assert.Equal([PracticeA, PracticeB], practices.Select(p => p.PracticeCode.Value).Order());
        Assert.All(practices, p => Assert.Single(p.Memberships));
        Assert.Equal(2, listSizes);
        Assert.Equal(3, patients);
        Assert.Equal(3, registrations);
        Assert.Equal(3 + 3 + 2, events.Count);
        Assert.Contains(events, e => e.Code == "72313002" && e.Value == 142m && e.Seq == 0);
        Assert.Contains(events, e => e.Code == "1091811000000102" && e.Value == 88m && e.Seq == 1);
        Assert.Equal([MedicationKind.Issue, MedicationKind.RepeatTemplate], medicines.Select(m => m.Kind).Order());
        Assert.All(medicines, m => Assert.Equal(CodeSystems.Dmd, m.CodeSystem));
        Assert.Equal(RecordImportStatus.Completed, run.Status);
        Assert.Equal(15, run.Accepted);
        Assert.Contains("\"Observation\":{\"read\":4,\"accepted\":4", run.CountsByType, StringComparison.Ordinal);
        Assert.Equal(1, audit);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_SameDataTwice_SecondRunSkipsEverythingAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var path = WriteNdJson(TempFolder(), "export.ndjson", SmallExport());
        var first = await ImportAsync(database, new FhirImportRequest(path));
        var pcnId = await PcnIdAsync(database);
        var before = await SnapshotAsync(database, pcnId);

        var second = await ImportAsync(database, new FhirImportRequest(path));

        Assert.Equal(first.Read, second.Read);
        Assert.Equal(0, second.Accepted);
        Assert.Equal(second.Read, second.Skipped);
        Assert.Equal(before, await SnapshotAsync(database, pcnId));
    }

    [Fact]
    public async Task ImportAsync_Sqlite_LeavesPlannerStatisticsForCaseFinding()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var path = WriteNdJson(TempFolder(), "export.ndjson", SmallExport());

        await ImportAsync(database, new FhirImportRequest(path));

        var analysed = await WithDbAsync(database, db => db.Database
            .SqlQueryRaw<string>("SELECT tbl AS \"Value\" FROM sqlite_stat1").ToListAsync());
        Assert.Contains("ClinicalEvents", analysed);
        Assert.Contains("MedicationRecords", analysed);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_ChangedResource_ReplacesItsRowsOnly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = TempFolder();
        await ImportAsync(database, new FhirImportRequest(WriteNdJson(folder, "a.ndjson", SmallExport())));
        var changed = SmallExport().Select(l => l.Contains("\"id\":\"o1\"", StringComparison.Ordinal) ? Observation("o1", "p1", 77m) : l);

        var summary = await ImportAsync(database, new FhirImportRequest(WriteNdJson(folder, "a.ndjson", changed)));

        Assert.Equal(1, summary.Accepted);
        var values = await WithDbAsync(database, db => db.ClinicalEvents.IgnoreQueryFilters().Where(e => e.Code == "999791000000106")
            .Select(e => e.Value).ToListAsync());
        Assert.Equal([42m, 43m, 77m], values.Order());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_TwoPatientResourcesWithOneNhsNumber_StoresOnePatient(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var lines = SmallExport().Append(Patient("p1-copy", NhsNumber(1))).Append(Condition("c-copy", "p1-copy"));

        var summary = await ImportAsync(database, new FhirImportRequest(WriteNdJson(TempFolder(), "a.ndjson", lines)));

        Assert.Equal(0, summary.Rejected);
        var (patients, copyPatient, p1Patient) = await WithDbAsync(database, async db => (
            await db.Patients.IgnoreQueryFilters().CountAsync(),
            await db.SourceResources.IgnoreQueryFilters().Where(s => s.LogicalId == "p1-copy").Select(s => s.PatientId).SingleAsync(),
            await db.SourceResources.IgnoreQueryFilters().Where(s => s.LogicalId == "p1").Select(s => s.PatientId).SingleAsync()));
        Assert.Equal(3, patients);
        Assert.Equal(p1Patient, copyPatient);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_BulkExportFolder_ReadsOrganisationsAndPatientsFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = TempFolder();
        var all = SmallExport().ToList();
        WriteNdJson(folder, "Condition.ndjson", all.Where(l => l.Contains("\"Condition\"", StringComparison.Ordinal)));
        WriteNdJson(folder, "Observation.ndjson", all.Where(l => l.Contains("\"Observation\"", StringComparison.Ordinal)));
        WriteNdJson(folder, "MedicationRequest.ndjson", all.Where(l => l.Contains("\"MedicationRequest\"", StringComparison.Ordinal)));
        WriteNdJson(folder, "Patient.ndjson", all.Where(l => l.Contains("\"resourceType\":\"Patient\"", StringComparison.Ordinal)));
        WriteNdJson(folder, "zz-orgs.ndjson", all.Where(l => l.Contains("\"Organization\"", StringComparison.Ordinal)));

        var summary = await ImportAsync(database, new FhirImportRequest(folder));

        Assert.Equal(RecordImportStatus.Completed, summary.Status);
        Assert.Equal(0, summary.Rejected);
        Assert.Equal(15, summary.Accepted);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_ExistingNetwork_AddsNewPracticeAndLeavesExistingAlone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var pcnId = await database.CreateNetworkAsync(TestPcnCode, "Existing PCN", "QWO", (PracticeA, 5000));

        var summary = await ImportAsync(database, new FhirImportRequest(WriteNdJson(TempFolder(), "a.ndjson", SmallExport())), scopePcnId: pcnId);

        Assert.Equal(0, summary.Rejected);
        var practices = await WithDbAsync(database, db => db.Practices.IgnoreQueryFilters().Include(p => p.ListSizes).Where(p => p.PcnId == pcnId).ToListAsync());
        Assert.Equal(2, practices.Count);
        var existing = practices.Single(p => p.PracticeCode.Value == PracticeA);
        Assert.Equal("Practice A81001", existing.Name);
        Assert.Equal(5000, Assert.Single(existing.ListSizes).Registered);
        Assert.Equal(7000, Assert.Single(practices.Single(p => p.PracticeCode.Value == PracticeB).ListSizes).Registered);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_IntoNetworkA_NeverTouchesNetworkB(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var pcnB = await database.CreateNetworkAsync("U99999", "Network B", "QWO", ("B82001", 4000));
        var pathB = WriteNdJson(TempFolder(), "b.ndjson", [PcnOrganisation("U99999"), Patient("p1", NhsNumber(1), "B82001"), Condition("c1", "p1")]);
        await ImportAsync(database, new FhirImportRequest(pathB), scopePcnId: pcnB);
        var beforeB = await SnapshotAsync(database, pcnB);
        var pcnA = await database.CreateNetworkAsync(TestPcnCode, "Network A", "QWO", (PracticeA, 5000));

        var summary = await ImportAsync(database, new FhirImportRequest(WriteNdJson(TempFolder(), "a.ndjson", SmallExport().Prepend(PcnOrganisation("U99999")))), scopePcnId: pcnA);

        Assert.Equal(RecordImportStatus.Completed, summary.Status);
        Assert.Equal(pcnA, summary.PcnId);
        Assert.Equal(1, summary.Rejected);
        Assert.Equal(beforeB, await SnapshotAsync(database, pcnB));
        Assert.NotEmpty(await SnapshotAsync(database, pcnA));
        await Assert.ThrowsAsync<TenancyViolationException>(() => ImportAsync(database, new FhirImportRequest(pathB, PcnId: pcnB), scopePcnId: pcnA));
        await using var practiceScope = database.PcnScope(pcnA, Practice(PracticeA));
        var service = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<FhirImportService>(practiceScope.ServiceProvider);
        await Assert.ThrowsAsync<TenancyViolationException>(() => service.ImportAsync(new FhirImportRequest(pathB)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_CancelledMidwayThenRunAgain_EndsLikeOneCleanRun(DatabaseProvider provider)
    {
        var lines = new List<string> { PcnOrganisation(), PracticeOrganisation(PracticeA) };
        for (var i = 0; i < 300; i++)
        {
            lines.Add(Patient($"p{i}", NhsNumber(i)));
            for (var j = 0; j < 100; j++)
            {
                lines.Add(Observation($"o{i}-{j}", $"p{i}", j));
            }
        }

        var path = WriteNdJson(TempFolder(), "big.ndjson", lines);
        await using var clean = await TestDatabase.CreateAsync(provider);
        await ImportAsync(clean, new FhirImportRequest(path));
        var expected = await SnapshotAsync(clean, await PcnIdAsync(clean));

        await using var database = await TestDatabase.CreateAsync(provider);
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.Read >= ImportWriter.ChunkSize)
            {
                cts.Cancel();
            }
        });
        var cancelled = await ImportAsync(database, new FhirImportRequest(path), ct: cts.Token, progress: progress);
        var resumed = await ImportAsync(database, new FhirImportRequest(path));

        Assert.Equal(RecordImportStatus.Cancelled, cancelled.Status);
        Assert.InRange(cancelled.Read, 1, lines.Count - 1);
        Assert.Equal(RecordImportStatus.Completed, resumed.Status);
        Assert.True(resumed.Skipped > 0);
        Assert.Equal(expected, await SnapshotAsync(database, await PcnIdAsync(database)));
        var statuses = await WithDbAsync(database, db => db.RecordImports.IgnoreQueryFilters().Select(r => r.Status).ToListAsync());
        Assert.Equal([RecordImportStatus.Completed, RecordImportStatus.Cancelled], statuses.Order());
    }

    [Fact]
    public async Task InterruptAbandonedAsync_RunLeftRunning_BecomesInterrupted()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var pcnId = await database.CreateNetworkAsync(TestPcnCode, "PCN", "QWO", (PracticeA, 5000));
        await WithDbAsync(database, async db =>
        {
            var run = new RecordImport(pcnId, Guid.NewGuid(), "x.ndjson", "test", database.Clock.GetUtcNow());
            run.Start(database.Clock.GetUtcNow());
            db.RecordImports.Add(run);
            return await db.SaveChangesAsync();
        });

        await using var scope = database.SystemScope();
        var marked = await Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<RecordImportService>(scope.ServiceProvider).InterruptAbandonedAsync();

        Assert.Equal(1, marked);
        Assert.Equal(RecordImportStatus.Interrupted, await WithDbAsync(database, db => db.RecordImports.IgnoreQueryFilters().Select(r => r.Status).SingleAsync()));
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool, too late to cancel on time).</summary>
    private sealed class SyncProgress(Action<FhirImportProgress> report) : IProgress<FhirImportProgress>
    {
        public void Report(FhirImportProgress value) => report(value);
    }
}

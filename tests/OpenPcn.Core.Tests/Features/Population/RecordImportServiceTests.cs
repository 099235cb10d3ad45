using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Population;

[Trait("Category", "Integration")]
public sealed class RecordImportServiceTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Queue_ThenFailure_LeavesAFailedRunWithItsErrorAndWhoStartedIt(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await PopulationTestData.SeedAsync(db);

        await using var scope = db.PcnScope(a, actor: "manager-1");
        var imports = scope.ServiceProvider.GetRequiredService<RecordImportService>();
        var queued = await imports.QueueAsync("export.zip");
        Assert.Equal((RecordImportStatus.Queued, "manager-1", "export.zip"), (queued.Status, queued.StartedBy, queued.Source));

        Assert.True(await imports.MarkUnfinishedAsync(queued.ImportId, RecordImportStatus.Failed, "The import stopped: boom"));
        var run = (await imports.GetAsync(queued.ImportId))!.Run;
        Assert.Equal((RecordImportStatus.Failed, "The import stopped: boom"), (run.Status, run.Error));
        Assert.NotNull(run.FinishedAt);

        // A finished run keeps its outcome.
        Assert.False(await imports.MarkUnfinishedAsync(queued.ImportId, RecordImportStatus.Interrupted, "later"));
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PcnDbContext>().AuditEvents.CountAsync(e => e.Action == RecordImportService.QueuedAction));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task InterruptAbandoned_QueuedBefore_SparesRunsQueuedSinceAndFinishedRuns(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await PopulationTestData.SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var imports = scope.ServiceProvider.GetRequiredService<RecordImportService>();
        var old = await imports.QueueAsync("left-by-the-last-process.ndjson");
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        var workerStarted = db.Clock.GetUtcNow();
        db.Clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = await imports.QueueAsync("uploaded-while-starting.ndjson");

        await using var system = db.SystemScope();
        var marked = await system.ServiceProvider.GetRequiredService<RecordImportService>().InterruptAbandonedAsync(workerStarted);

        Assert.Equal(1, marked);
        Assert.Equal(RecordImportStatus.Interrupted, (await imports.GetAsync(old.ImportId))!.Run.Status);
        Assert.Equal(RecordImportStatus.Queued, (await imports.GetAsync(fresh.ImportId))!.Run.Status);
        Assert.Equal(RecordImportStatus.Completed, (await imports.ListAsync()).Single(r => r.Source == "bulk.ndjson").Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Get_SeededRun_ParsesCountsByTypeAndPagesTheQuarantine(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await PopulationTestData.SeedAsync(db);

        await using var scope = db.PcnScope(a);
        var imports = scope.ServiceProvider.GetRequiredService<RecordImportService>();
        var run = Assert.Single(await imports.ListAsync());
        var detail = (await imports.GetAsync(run.ImportId))!;

        Assert.Equal([new ResourceTypeRow("Observation", 7, 7, 0, 0), new ResourceTypeRow("Patient", 4, 3, 0, 1)], detail.ByType);
        Assert.Equal(2, detail.Quarantine.Total);
        Assert.Equal("Invalid NHS number (Modulus 11 check failed)", detail.Quarantine.Items[0].Reason);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WriteQuarantineCsv_DefusesFormulasAndIsAudited_AndAnotherNetworksRunIsNotFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, b) = await PopulationTestData.SeedAsync(db);
        Guid bRun;
        await using (var asB = db.PcnScope(b))
        {
            bRun = Assert.Single(await asB.ServiceProvider.GetRequiredService<RecordImportService>().ListAsync()).ImportId;
        }

        await using var scope = db.PcnScope(a, actor: "manager-1");
        var imports = scope.ServiceProvider.GetRequiredService<RecordImportService>();
        var run = Assert.Single(await imports.ListAsync());
        await using var text = new StringWriter(CultureInfo.InvariantCulture);

        Assert.True(await imports.WriteQuarantineCsvAsync(run.ImportId, text));
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("File,Location,Resource type,Logical id,Reason", lines[0].TrimEnd('\r'));
        Assert.Contains("'=HYPERLINK", lines[2], StringComparison.Ordinal);
        var audit = await scope.ServiceProvider.GetRequiredService<PcnDbContext>().AuditEvents.AsNoTracking()
            .SingleAsync(e => e.Action == RecordImportService.QuarantineExportedAction);
        Assert.Equal(("manager-1", run.ImportId.ToString()), (audit.UserId, audit.Subject));

        Assert.Null(await imports.GetAsync(bRun));
        Assert.False(await imports.WriteQuarantineCsvAsync(bRun, TextWriter.Null));
    }

    [Theory]
    [InlineData("{}", 0)]
    [InlineData("not json", 0)]
    [InlineData("[1,2]", 0)]
    [InlineData("""{"Condition":{"Read":3,"Accepted":2,"Skipped":1,"Rejected":0}}""", 1)]
    [Trait("Category", "Unit")]
    public void ParseCounts_AnyText_NeverThrows(string json, int rows) =>
        Assert.Equal(rows, RecordImportService.ParseCounts(json).Count);
}

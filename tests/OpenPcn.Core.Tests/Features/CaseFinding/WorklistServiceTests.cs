using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using static OpenPcn.Core.Tests.Features.CaseFinding.CaseFindingTestData;

namespace OpenPcn.Core.Tests.Features.CaseFinding;

[Trait("Category", "Integration")]
public sealed class WorklistServiceTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_FirstTime_CreatesAWorklistOfQualifyingPatientsWithReasonsAndFacts(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);

        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
        var run = await service.RunAsync(Register);

        Assert.Equal((2, 2, 0), (run.Worklist.Qualifying, run.Worklist.Added, run.Worklist.NoLongerQualifying));
        Assert.Equal((TestDatabase.Today, (PracticeCode?)null, "test"), (run.Worklist.LastIndexDate, run.Worklist.Practice, run.Worklist.LastRunBy));
        var rows = await service.GetRowsAsync(run.Worklist.WorklistId, new WorklistFilter());
        Assert.Equal([1L, 2L], rows.Items.Select(r => r.PatientId));
        var first = rows.Items[0];
        Assert.Equal("latest HYP_COD 38341003 on 2015-06-01; no later HYPRES_COD", first.Reason);
        Assert.Equal(Nhs1, first.NhsNumber.Value);
        Assert.Equal((76, WorklistStatus.ToDo, TestDatabase.Today), (first.Age, first.Status, first.FirstFound));
        Assert.Contains(new WorklistFact("diagnosis_date", "2015-06-01"), first.Facts);
        Assert.Equal("Practice P82002", rows.Items[1].PracticeName);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_Again_KeepsStatusesAndAssignmentsAddsNewAndMarksThoseNoLongerQualifying(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        Guid id;
        await using (var scope = db.PcnScope(a, actor: "clinician-1"))
        {
            var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
            id = (await service.RunAsync(Register)).Worklist.WorklistId;
            Assert.Equal(1, await service.SetStatusAsync(id, [1], WorklistStatus.Contacted, "letter sent"));
            Assert.Equal(1, await service.AssignAsync(id, [1], "P82001"));
        }

        // Patient 2's hypertension is resolved; patient 3 is newly diagnosed.
        await AddEventAsync(db, a, 2, HypertensionResolved, new DateOnly(2026, 11, 1));
        await AddEventAsync(db, a, 3, Hypertension, new DateOnly(2026, 11, 2));
        await using (var scope = db.PcnScope(a))
        {
            var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
            var rerun = await service.RunAsync(Register);
            Assert.Equal(id, rerun.Worklist.WorklistId);
            Assert.Equal((2, 1, 1), (rerun.Worklist.Qualifying, rerun.Worklist.Added, rerun.Worklist.NoLongerQualifying));
            var all = (await service.GetRowsAsync(id, new WorklistFilter(StillQualifies: null))).Items.ToDictionary(r => r.PatientId);
            Assert.Equal((WorklistStatus.Contacted, "P82001", "clinician-1", true), (all[1].Status, all[1].AssignedTo, all[1].StatusChangedBy, all[1].StillQualifies));
            Assert.Equal((false, (DateOnly?)TestDatabase.Today), (all[2].StillQualifies, all[2].StoppedQualifyingOn));
            Assert.Equal((WorklistStatus.ToDo, true), (all[3].Status, all[3].StillQualifies));
            // Still qualifying only (the default), by practice then status: to do before contacted.
            Assert.Equal([3L, 1L], (await service.GetRowsAsync(id, new WorklistFilter())).Items.Select(r => r.PatientId));
        }

        // A new diagnosis after the resolution puts patient 2 back on the list.
        await AddEventAsync(db, a, 2, Hypertension, new DateOnly(2026, 11, 20));
        await using (var scope = db.PcnScope(a))
        {
            var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
            var again = await service.RunAsync(Register);
            Assert.Equal((3, 0, 0), (again.Worklist.Qualifying, again.Worklist.Added, again.Worklist.NoLongerQualifying));
            var row2 = (await service.GetRowsAsync(id, new WorklistFilter())).Items.Single(r => r.PatientId == 2);
            Assert.Equal((true, (DateOnly?)null), (row2.StillQualifies, row2.StoppedQualifyingOn));
            Assert.Equal("latest HYP_COD 38341003 on 2026-11-20; no later HYPRES_COD", row2.Reason);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SetStatus_ChangesRecordHistoryAndSummaryCountsPercentDone(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a, actor: "clinician-1");
        var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
        var id = (await service.RunAsync(Register)).Worklist.WorklistId;

        await service.SetStatusAsync(id, [1], WorklistStatus.Booked);
        db.Clock.Advance(TimeSpan.FromHours(1));
        await service.SetStatusAsync(id, [1, 2], WorklistStatus.Done, "reviewed");
        Assert.Equal(0, await service.SetStatusAsync(id, [1], WorklistStatus.Done));

        var history = await service.HistoryAsync(id, 1);
        Assert.Equal([(WorklistStatus.Booked, WorklistStatus.Done, "reviewed"), (WorklistStatus.ToDo, WorklistStatus.Booked, (string?)null)],
            history.Select(h => (h.From, h.To, h.Note)));
        Assert.All(history, h => Assert.Equal("clinician-1", h.By));
        var summary = await service.SummaryAsync(id);
        Assert.Equal(["P82001", "P82002"], summary.Select(p => p.Practice.Value));
        Assert.All(summary, p => Assert.Equal((1, 1, 100.0), (p.Qualifying, p.Done, p.PercentDone)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Summary_SomeDone_PercentIsClosedOverStillQualifying(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await AddEventAsync(db, a, 3, Hypertension, new DateOnly(2026, 1, 1));
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
        var id = (await service.RunAsync(Register)).Worklist.WorklistId;
        await service.SetStatusAsync(id, [3], WorklistStatus.Declined);

        var p82001 = (await service.SummaryAsync(id)).Single(p => p.Practice.Value == "P82001");

        Assert.Equal((2, 1, 1, 50.0), (p82001.Qualifying, p82001.ToDo, p82001.Declined, p82001.PercentDone));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Assign_NotAUserOrPracticeOfTheNetwork_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
        var id = (await service.RunAsync(Register)).Worklist.WorklistId;

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => service.AssignAsync(id, [1], "P82003"));
        Assert.Contains("assignee", error.Errors.Keys);
        Assert.Equal(1, await service.AssignAsync(id, [1], "P82002"));
        var rows = await service.GetRowsAsync(id, new WorklistFilter(AssignedTo: "P82002"));
        Assert.Equal([1L], rows.Items.Select(r => r.PatientId));
        Assert.Equal([2L], (await service.GetRowsAsync(id, new WorklistFilter(AssignedTo: WorklistFilter.Unassigned))).Items.Select(r => r.PatientId));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_ForOnePractice_HoldsOnlyThatPracticesPatientsAndIsASeparateWorklist(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<WorklistService>();

        var network = await service.RunAsync(Register);
        var practice = await service.RunAsync(Register, PracticeCode.Parse("P82002"));

        Assert.NotEqual(network.Worklist.WorklistId, practice.Worklist.WorklistId);
        Assert.Equal([2L], (await service.GetRowsAsync(practice.Worklist.WorklistId, new WorklistFilter())).Items.Select(r => r.PatientId));
        Assert.Equal(2, (await service.ListAsync()).Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_AsAPracticeManager_RunsForTheirOwnPracticeOnlyAndSeesOnlyItsRows(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        Guid networkId;
        await using (var scope = db.PcnScope(a))
        {
            networkId = (await scope.ServiceProvider.GetRequiredService<WorklistService>().RunAsync(Register)).Worklist.WorklistId;
        }

        await using var manager = db.PcnScope(a, PracticeCode.Parse("P82002"));
        var service = manager.ServiceProvider.GetRequiredService<WorklistService>();
        var own = await service.RunAsync(Register);
        await Assert.ThrowsAsync<NotFoundException>(() => service.RunAsync(Register, PracticeCode.Parse("P82001")));

        Assert.Equal(PracticeCode.Parse("P82002"), own.Worklist.Practice);
        Assert.Equal([2L], (await service.GetRowsAsync(own.Worklist.WorklistId, new WorklistFilter())).Items.Select(r => r.PatientId));
        // The network's worklist is visible, but only this practice's rows of it.
        Assert.Equal([2L], (await service.GetRowsAsync(networkId, new WorklistFilter())).Items.Select(r => r.PatientId));
        Assert.Equal(["P82002"], (await service.SummaryAsync(networkId)).Select(p => p.Practice.Value));
        await Assert.ThrowsAsync<NotFoundException>(() => service.SetStatusAsync(networkId, [1], WorklistStatus.Done));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Worklists_OfAnotherNetwork_AreNeverVisibleOrChangeable(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, b) = await SeedAsync(db);
        Guid id;
        await using (var scope = db.PcnScope(a))
        {
            id = (await scope.ServiceProvider.GetRequiredService<WorklistService>().RunAsync(Register)).Worklist.WorklistId;
        }

        await using var other = db.PcnScope(b);
        var service = other.ServiceProvider.GetRequiredService<WorklistService>();
        Assert.Empty(await service.ListAsync());
        Assert.Null(await service.GetAsync(id));
        await Assert.ThrowsAsync<NotFoundException>(() => service.GetRowsAsync(id, new WorklistFilter()));
        await Assert.ThrowsAsync<NotFoundException>(() => service.SetStatusAsync(id, [1], WorklistStatus.Done));
        await Assert.ThrowsAsync<NotFoundException>(() => service.ExportAsync(id, new WorklistFilter(), WorklistExportFormat.Csv));

        // B's own run finds only B's patient.
        var own = await service.RunAsync(Register);
        Assert.Equal([9L], (await service.GetRowsAsync(own.Worklist.WorklistId, new WorklistFilter())).Items.Select(r => r.PatientId));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_UnknownDefinition_IsNotFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);

        await Assert.ThrowsAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<WorklistService>().RunAsync("no-such-thing"));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PcnDbContext>().Set<Worklist>().CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_TwoWorklistsOfOneDefinitionExist_UsesTheOldest(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        var older = Guid.CreateVersion7(DateTimeOffset.UnixEpoch.AddYears(50));
        var newer = Guid.CreateVersion7(DateTimeOffset.UnixEpoch.AddYears(51));
        await using (var scope = db.PcnScope(a))
        {
            var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
            context.Add(new Worklist(a, newer, Register, "Hypertension register", "Registers", null));
            context.Add(new Worklist(a, older, Register, "Hypertension register", "Registers", null));
            await context.SaveChangesAsync();
        }

        await using var run = db.PcnScope(a);
        var service = run.ServiceProvider.GetRequiredService<WorklistService>();
        var result = await service.RunAsync(Register);

        Assert.Equal(older, result.Worklist.WorklistId);
        Assert.Equal(older, (await service.FindAsync(Register))?.WorklistId);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_TwoAtTheSameMoment_CreateOneWorklist(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);

        async Task<Guid> RunOnce()
        {
            await using var scope = db.PcnScope(a);
            return (await scope.ServiceProvider.GetRequiredService<WorklistService>().RunAsync(Register)).Worklist.WorklistId;
        }

        var ids = await Task.WhenAll(RunOnce(), RunOnce(), RunOnce());

        Assert.Single(ids.Distinct());
        await using var check = db.PcnScope(a);
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<PcnDbContext>().Set<Worklist>().CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_ClosedRowQualifiesAgain_GoesBackToToDoWithAStatusChange(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        Guid id;
        await using (var scope = db.PcnScope(a, actor: "clinician-1"))
        {
            var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
            id = (await service.RunAsync(Register)).Worklist.WorklistId;
            await service.SetStatusAsync(id, [1], WorklistStatus.Contacted);
            await service.SetStatusAsync(id, [2], WorklistStatus.Done);
        }

        await AddEventAsync(db, a, 1, HypertensionResolved, new DateOnly(2026, 11, 1));
        await AddEventAsync(db, a, 2, HypertensionResolved, new DateOnly(2026, 11, 1));
        await using (var scope = db.PcnScope(a))
        {
            await scope.ServiceProvider.GetRequiredService<WorklistService>().RunAsync(Register);
        }

        await AddEventAsync(db, a, 1, Hypertension, new DateOnly(2026, 11, 20));
        await AddEventAsync(db, a, 2, Hypertension, new DateOnly(2026, 11, 20));
        await using (var scope = db.PcnScope(a))
        {
            var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
            await service.RunAsync(Register);

            var rows = (await service.GetRowsAsync(id, new WorklistFilter())).Items.ToDictionary(r => r.PatientId);
            Assert.Equal((WorklistStatus.Contacted, WorklistStatus.ToDo), (rows[1].Status, rows[2].Status));
            Assert.Contains((WorklistStatus.Done, WorklistStatus.ToDo, (string?)"Qualifies again"),
                (await service.HistoryAsync(id, 2)).Select(h => (h.From, h.To, h.Note)));
            Assert.Single(await service.HistoryAsync(id, 1));
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_ImpossibleIndexDate_IsRefusedOnIndexDate(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<WorklistService>();

        var early = await Assert.ThrowsAsync<RuleViolationException>(() => service.RunAsync(Register, indexDate: DateOnly.MinValue));
        var late = await Assert.ThrowsAsync<RuleViolationException>(() => service.StratifyAsync(Register, indexDate: DateOnly.MaxValue));

        Assert.Equal(["indexDate"], early.Errors.Keys);
        Assert.Equal(["indexDate"], late.Errors.Keys);
        Assert.Empty(await service.ListAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_ForAPracticeOutsideTheNetwork_IsRefusedOnPractice(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<WorklistService>();

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => service.RunAsync(Register, PracticeCode.Parse("P82003")));

        Assert.Equal(["practice"], error.Errors.Keys);
        Assert.Empty(await service.ListAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GetRows_HugePageNumber_IsAnEmptyLastPage(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
        var id = (await service.RunAsync(Register)).Worklist.WorklistId;

        var rows = await service.GetRowsAsync(id, new WorklistFilter(Page: int.MaxValue, PageSize: WorklistService.MaxPageSize));

        Assert.Empty(rows.Items);
        Assert.Equal((WorklistService.MaxPage, 2), (rows.Page, rows.Total));
    }

    [Fact]
    public async Task Run_SaveRefusedByTheDatabase_IsAConflictNotAnUnhandledError()
    {
        // PostgreSQL refuses a name longer than its column (SQLite does not check lengths): any failed save will do.
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a, actor: new string('x', 300));
        var service = scope.ServiceProvider.GetRequiredService<WorklistService>();

        var error = await Assert.ThrowsAsync<ConflictException>(() => service.RunAsync(Register));

        Assert.Contains(Register, error.Message, StringComparison.Ordinal);
    }
}

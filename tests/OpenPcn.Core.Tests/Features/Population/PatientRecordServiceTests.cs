using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Population;

[Trait("Category", "Integration")]
public sealed class PatientRecordServiceTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GetRecord_SeededPatient_ReadsProblemsObservationsMedicinesAndCareHome(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await PopulationTestData.SeedAsync(db);

        await using var scope = db.PcnScope(a, actor: "clinician-1");
        var record = await scope.ServiceProvider.GetRequiredService<PatientRecordService>().GetRecordAsync(1, "Record page");

        Assert.NotNull(record);
        Assert.Equal(PopulationTestData.Nhs1, record.Demographics.NhsNumber.Value);
        Assert.Equal(76, record.Demographics.Age);
        Assert.Equal((byte)3, record.Demographics.DeprivationDecile);
        Assert.Equal(["Hypertension", "Asthma"], record.Problems.Select(p => p.Display));
        Assert.True(record.Problems[0].Active);
        Assert.False(record.Problems[1].Active);
        Assert.Equal(new DateOnly(2000, 1, 1), record.Problems[1].Resolved);

        // The latest blood pressure as one pair; the latest HbA1c only.
        var bp = Assert.Single(record.LatestObservations, o => o.Display == "Blood pressure");
        Assert.Equal(("132/84", new DateOnly(2026, 10, 2)), (bp.Text, bp.Date));
        var hba1c = Assert.Single(record.LatestObservations, o => o.Code == "999791000000106");
        Assert.Equal("48", hba1c.Text);
        Assert.Equal(2, record.LatestObservations.Count);

        // Amlodipine once (repeat and issue), amoxicillin issued in the last 6 months; not the stopped ramipril or old paracetamol.
        Assert.Equal(["Amlodipine 5mg tablets", "Amoxicillin 500mg capsules"], record.CurrentMedicines.Select(m => m.Display));

        Assert.Equal("Nursing home", record.CareHome?.Kind);
        var referral = Assert.Single(record.RecentReferrals);
        Assert.True(referral.Urgent);
        Assert.Equal("Advance care plan", Assert.Single(record.CarePlans).Display);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GetRecord_Viewed_WritesAnAuditEventWithWhoWhenAndPatientIdButNoNhsNumber(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await PopulationTestData.SeedAsync(db);

        await using (var scope = db.PcnScope(a, actor: "clinician-1"))
        {
            await scope.ServiceProvider.GetRequiredService<PatientRecordService>().GetRecordAsync(1, "Record page");
        }

        await using var check = db.SystemScope();
        var events = await check.ServiceProvider.GetRequiredService<PcnDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == PatientRecordService.ViewedAction).ToListAsync();
        var viewed = Assert.Single(events);
        Assert.Equal(("clinician-1", "1", "Record page", a), (viewed.UserId, viewed.Subject, viewed.Detail, viewed.PcnId));
        Assert.Equal(db.Clock.GetUtcNow(), viewed.OccurredAt);
        Assert.DoesNotContain(PopulationTestData.Nhs1, viewed.Subject + viewed.Detail, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GetRecord_AnotherNetworksPatient_IsNullAndNotAudited(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await PopulationTestData.SeedAsync(db);

        await using var scope = db.PcnScope(a);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<PatientRecordService>().GetRecordAsync(9, "Record page"));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PcnDbContext>().AuditEvents.CountAsync(e => e.Action == PatientRecordService.ViewedAction));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Search_ByNhsNumberPracticeAndAge_FindsOnlyTheNetworksMatchesAndAuditsWithoutTheNumber(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await PopulationTestData.SeedAsync(db);

        await using var scope = db.PcnScope(a, actor: "clinician-1");
        var records = scope.ServiceProvider.GetRequiredService<PatientRecordService>();

        var byNumber = await records.SearchAsync(new PatientSearch(NhsNumber: PopulationTestData.Nhs2[..3] + " " + PopulationTestData.Nhs2[3..]));
        Assert.Equal(2, Assert.Single(byNumber.Items).PatientId);
        Assert.Empty((await records.SearchAsync(new PatientSearch(NhsNumber: PopulationTestData.NhsB))).Items);
        Assert.Equal([1L, 3L], (await records.SearchAsync(new PatientSearch(Practice: PracticeCode.Parse("P82001")))).Items.Select(p => p.PatientId).Order());
        Assert.Equal([2L], (await records.SearchAsync(new PatientSearch(AgeBand: AgeBand.Under18))).Items.Select(p => p.PatientId));
        Assert.Equal([1L], (await records.SearchAsync(new PatientSearch(AgeBand: AgeBand.From65To79))).Items.Select(p => p.PatientId));
        var all = await records.SearchAsync(new PatientSearch(PageSize: 2));
        Assert.Equal((3, 2, 2), (all.Total, all.Items.Count, all.Pages));

        await Assert.ThrowsAsync<RuleViolationException>(() => records.SearchAsync(new PatientSearch(NhsNumber: "1234567890")));
        var audit = await scope.ServiceProvider.GetRequiredService<PcnDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == PatientRecordService.SearchedAction).ToListAsync();
        Assert.Equal(6, audit.Count);
        Assert.All(audit, e => Assert.DoesNotContain(PopulationTestData.Nhs2, e.Detail ?? string.Empty, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Search_AsPracticeScopedUser_SeesOnlyTheirPractice(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await PopulationTestData.SeedAsync(db);

        await using var scope = db.PcnScope(a, PracticeCode.Parse("P82002"));
        var found = await scope.ServiceProvider.GetRequiredService<PatientRecordService>().SearchAsync(new PatientSearch());
        Assert.Equal([2L], found.Items.Select(p => p.PatientId));
    }
}

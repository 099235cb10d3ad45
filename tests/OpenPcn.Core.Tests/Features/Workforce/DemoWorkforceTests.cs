using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Workforce;

[Trait("Category", "Integration")]
public sealed class DemoWorkforceTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DemoSeed_GivesARealisticWorkforce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var seed = db.SystemScope())
        {
            await seed.ServiceProvider.GetRequiredService<DemoNetwork>().SeedAsync();
        }

        await using var scope = db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var pcnId = (await context.Pcns.SingleAsync(p => p.IsDemo)).PcnId;
        var staff = await context.Set<StaffMember>().Include(s => s.Contracts).ThenInclude(c => c.Deployments).Where(s => s.PcnId == pcnId).ToListAsync();
        var contracts = staff.SelectMany(s => s.Contracts).ToList();
        // Today is 23 Nov 2026 (the test clock), so the financial year is 2026/27 from 1 April 2026.
        var yearStart = new DateOnly(2026, 4, 1);

        Assert.Equal(20, staff.Count);
        Assert.Equal(3, contracts.Count(c => !c.IsArrs));
        Assert.Equal(new DateOnly(2026, 7, 15), Assert.Single(contracts, c => c.Start >= yearStart).Start);
        Assert.Equal(new DateOnly(2026, 9, 20), Assert.Single(contracts, c => c.End is not null).End);
        var shared = Assert.Single(contracts, c => c.Deployments.Count == 3);
        Assert.Equal(EmployerKind.LeadProvider, shared.EmployerKind);
        Assert.All(contracts.Where(c => c != shared), c => Assert.InRange(c.Deployments.Count, 1, 2));
        Assert.Single(contracts, c => c.IsArrs && !c.AdditionalityConfirmed);
        Assert.Contains(contracts, c => c.Wte is >= 0.4m and <= 0.8m);
        Assert.All(contracts.Where(c => c.IsArrs), c => Assert.NotNull(NetworkRates.ShippedRates.Role(c.Role)));
        // Daniel Osei, band 8a: 60,504 + NI (60,504 − 5,000) × 15% = 8,325.60 + pension 60,504 × 14.46% = 8,748.88
        // = £77,578.48 a year, over the clinical pharmacist's £65,838 maximum.
        var capped = Assert.Single(staff, s => s.Name.StartsWith("Daniel Osei", StringComparison.Ordinal)).Contracts.Single();
        Assert.Equal(Money.FromPounds(77_578.48m), capped.Terms.AnnualCost);
        Assert.True(capped.Terms.AnnualCost > NetworkRates.ShippedRates.MaximumOn("clinical-pharmacist", ArrsRegion.National, yearStart)!.PerWtePerYear!.Value);
        var technician = staff.Single(s => s.Name.StartsWith("Leah Morgan", StringComparison.Ordinal)).Contracts.Single();
        Assert.Equal("Hannah Price (fictional)", staff.Single(s => s.StaffMemberId == technician.SupervisorStaffMemberId).Name);
        var posts = await context.Set<PlannedPost>().Where(p => p.PcnId == pcnId).ToListAsync();
        Assert.Equal([PlannedPostStage.Vacancy, PlannedPostStage.Advertised, PlannedPostStage.Offered], posts.Select(p => p.Stage).Order());

        // Idempotent: seeding the workforce again adds nothing.
        await new DemoWorkforce(context).SeedAsync(pcnId, new DateOnly(2026, 11, 23));
        Assert.Equal(20, await context.Set<StaffMember>().CountAsync(s => s.PcnId == pcnId));
    }
}

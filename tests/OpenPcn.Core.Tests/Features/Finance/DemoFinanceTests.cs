using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using static OpenPcn.Core.Tests.Features.Finance.FinanceTestData;

namespace OpenPcn.Core.Tests.Features.Finance;

[Trait("Category", "Integration")]
public sealed class DemoFinanceTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Seed_Twice_AddsOnceAYearOfPaymentsWithOneShortMonthAndExactDistributions(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, b) = await SeedAsync(db);
        for (var i = 0; i < 2; i++)
        {
            await using var seeding = db.SystemScope();
            await new DemoFinance(seeding.ServiceProvider.GetRequiredService<PcnDbContext>(), seeding.ServiceProvider.GetRequiredService<TenantScope>())
                .SeedAsync(a, TestDatabase.Today);
            Assert.True(seeding.ServiceProvider.GetRequiredService<TenantScope>().IsSystem);
        }

        await using var scope = db.PcnScope(a);
        var ledger = scope.ServiceProvider.GetRequiredService<PaymentLedger>();
        // Today 23 Nov 2026: payments for Nov 2025 … Oct 2026; the fourth month from the end (Jul 2026) is short.
        var variances = (await ledger.VariancesAsync(Year)).Concat(await ledger.VariancesAsync(new FinancialYear(2025))).ToList();
        var received = variances.Where(v => v.Received != Money.Zero).ToList();
        Assert.Equal(new DateOnly(2025, 11, 1), received.Min(v => v.Month));
        Assert.Equal(October, received.Max(v => v.Month));
        var shortMonth = Assert.Single(variances, v => v.Difference != Money.Zero && v.Month >= new DateOnly(2025, 11, 1) && v.Month <= October);
        Assert.Equal((FundingStream.EnhancedAccess, new DateOnly(2026, 7, 1), -DemoFinance.Shortfall), (shortMonth.Stream, shortMonth.Month, shortMonth.Difference));
        Assert.Equal(5, (await scope.ServiceProvider.GetRequiredService<FinanceInputService>().RulesAsync()).Count);

        foreach (var d in await scope.ServiceProvider.GetRequiredService<DistributionService>().ForMonthAsync(October))
        {
            Assert.Equal(d.Amount, d.TopSlice + d.Distributed);
        }

        await using var other = db.PcnScope(b);
        Assert.Empty(await other.ServiceProvider.GetRequiredService<PaymentLedger>().ListAsync(Year));
        Assert.False(await other.ServiceProvider.GetRequiredService<PcnDbContext>().Set<DistributionRule>().AnyAsync());
    }
}

using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using static OpenPcn.Core.Tests.Features.Finance.FinanceTestData;

namespace OpenPcn.Core.Tests.Features.Finance;

[Trait("Category", "Integration")]
public sealed class EntitlementServiceTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ForYear_WorkedExample_MatchesHandComputedCellsWithMarchRemainder(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var inputs = scope.ServiceProvider.GetRequiredService<FinanceInputService>();
        await inputs.SetBedsAsync(October, 40);
        await inputs.SetIifPointsAsync(Year, 150.5m);

        var e = await scope.ServiceProvider.GetRequiredService<EntitlementService>().ForYearAsync(Year);

        // Census 1 Jan 2026: 20,000 registered, 20,200 adjusted. 2026/27 rates: core registered £2.218 (unchecked),
        // CD contribution £0.000, core adjusted £0.698 (unchecked), EA £7.674 (unchecked), CASP and CAIP £0, CHP £120, IIF £198.
        // Core: 20,000 × 2.218 + 20,000 × 0 + 20,200 × 0.698 = 44,360.00 + 14,099.60 = £58,459.60 a year;
        // ÷ 12 = 4,871.633… → £4,871.63 a month; March = 58,459.60 − 11 × 4,871.63 (53,587.93) = £4,871.67.
        var april = Year.Start;
        var march = Year.Months[11];
        Assert.Equal(Money.FromPounds(4_871.63m), e.Cell(FundingStream.CoreFunding, april));
        Assert.Equal(Money.FromPounds(4_871.67m), e.Cell(FundingStream.CoreFunding, march));
        Assert.Equal(Money.FromPounds(58_459.60m), e.StreamTotal(FundingStream.CoreFunding));
        var coreApril = e.Cells.Single(c => c.Stream == FundingStream.CoreFunding && c.Month == april);
        Assert.True(coreApril.UsesUncheckedRate);
        Assert.Contains("20,000 × £2.218 (unchecked)", coreApril.Workings, StringComparison.Ordinal);
        Assert.Contains("March takes the rest", e.Cells.Single(c => c.Stream == FundingStream.CoreFunding && c.Month == march).Workings, StringComparison.Ordinal);

        // EA: 20,200 × 7.674 = £155,014.80; ÷ 12 = £12,917.90 exactly, so March is £12,917.90 too.
        Assert.Equal(Money.FromPounds(12_917.90m), e.Cell(FundingStream.EnhancedAccess, march));
        Assert.Equal(Money.FromPounds(155_014.80m), e.StreamTotal(FundingStream.EnhancedAccess));

        // CASP and CAIP: £0 in 2026/27 (removed from the DES): no entitlement, said.
        Assert.Equal(Money.Zero, e.StreamTotal(FundingStream.Casp));
        Assert.Contains("No entitlement", e.Cells.First(c => c.Stream == FundingStream.Casp).Problem, StringComparison.Ordinal);

        // CHP: 40 beds × £120 ÷ 12 = £400.00 in October; no beds recorded in November = £0.
        Assert.Equal(Money.FromPounds(400m), e.Cell(FundingStream.CareHomePremium, October));
        Assert.Equal(Money.Zero, e.Cell(FundingStream.CareHomePremium, October.AddMonths(1)));

        // IIF: 150.5 × £198 = £29,799.00, once, in March.
        Assert.Equal(Money.FromPounds(29_799m), e.Cell(FundingStream.Iif, march));
        Assert.Equal(Money.Zero, e.Cell(FundingStream.Iif, October));
        Assert.Empty(e.Warnings);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ForYear_NetworkOverride_IsUsedInsteadOfTheShippedRate(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        await scope.ServiceProvider.GetRequiredService<NetworkRates>().OverrideAsync(null, null, "enhanced-access", Year.Start, 8m, "ICB letter");

        var e = await scope.ServiceProvider.GetRequiredService<EntitlementService>().ForYearAsync(Year);

        // 20,200 × £8.00 = £161,600.00; ÷ 12 = 13,466.666… → £13,466.67; March = 161,600 − 11 × 13,466.67 = £13,466.63.
        Assert.Equal(Money.FromPounds(13_466.67m), e.Cell(FundingStream.EnhancedAccess, October));
        Assert.Equal(Money.FromPounds(13_466.63m), e.Cell(FundingStream.EnhancedAccess, Year.Months[11]));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SetBeds_NegativeOrBadMonth_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var inputs = scope.ServiceProvider.GetRequiredService<FinanceInputService>();

        Assert.Contains("Beds", (await Assert.ThrowsAsync<RuleViolationException>(() => inputs.SetBedsAsync(October, -1))).Errors.Keys);
        Assert.Contains("Month", (await Assert.ThrowsAsync<RuleViolationException>(() => inputs.SetBedsAsync(new DateOnly(1999, 1, 1), 3))).Errors.Keys);
        Assert.Contains("Points", (await Assert.ThrowsAsync<RuleViolationException>(() => inputs.SetIifPointsAsync(Year, -2))).Errors.Keys);
        Assert.Contains("Units", (await Assert.ThrowsAsync<RuleViolationException>(() => inputs.SetActivityAsync(P1, "enhanced-access", October, -5))).Errors.Keys);
        Assert.Contains("Stream", (await Assert.ThrowsAsync<RuleViolationException>(() => inputs.SetActivityAsync(P1, "bonus", October, 5))).Errors.Keys);
    }
}

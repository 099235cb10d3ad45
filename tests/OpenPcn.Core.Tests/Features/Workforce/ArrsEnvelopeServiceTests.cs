using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Features.Workforce.Claims;
using OpenPcn.Core.Features.Workforce.Envelope;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using static OpenPcn.Core.Tests.Features.Workforce.ClaimsTestData;

namespace OpenPcn.Core.Tests.Features.Workforce;

/// <summary>
/// Network A in 2026/27 (see <see cref="ClaimsTestData"/>). Envelope: the shipped arrs-weighted rate in force on
/// 1 April 2026 is £22.894 (carried forward, unchecked) × weighted 12,240 + 9,180 = 21,420 = £490,389.48; a month
/// £490,389.48 ÷ 12 = £40,865.79, March the rest £490,389.48 − 11 × £40,865.79 = £40,865.79.
/// Forecast: Alice £5,000.00 every month = £60,000.00; Ben October £822.58, November to March £1,500.00 × 5 = £7,500.00.
/// Total £68,322.58; headroom £490,389.48 − £68,322.58 = £422,066.90. Committed (November to March, today being
/// 23 November 2026) = £5,000 × 5 + £1,500 × 5 = £32,500.00.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ArrsEnvelopeServiceTests
{
    private static readonly FinancialYear Year = new(2026);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Get_NoClaims_EnvelopeForecastCommittedAndHeadroom(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _, _, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);

        var e = await scope.ServiceProvider.GetRequiredService<ArrsEnvelopeService>().GetAsync(Year);

        Assert.Equal((21_420m, 49_038_948L), (e.WeightedPopulation, e.Envelope.Pence));
        Assert.Equal("£22.894 per weighted patient (unchecked) × 21,420 weighted patients on 1 Jan 2026 = £490,389.48.", e.Workings);
        Assert.Equal(Enumerable.Repeat(4_086_579L, 12), e.Months.Select(m => m.Envelope.Pence));
        Assert.Equal([500_000L, 500_000L, 500_000L, 500_000L, 500_000L, 500_000L, 582_258L, 650_000L, 650_000L, 650_000L, 650_000L, 650_000L],
            e.Months.Select(m => m.Forecast.Pence));
        Assert.Equal((0L, 6_832_258L, 3_250_000L, 42_206_690L), (e.Claimed.Pence, e.Forecast.Pence, e.Committed.Pence, e.Headroom.Pence));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Get_OctoberSubmitted_CountsWhatWasClaimedForOctober(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _, _, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var claims = scope.ServiceProvider.GetRequiredService<ArrsClaimService>();
        await claims.BuildAsync(October);
        await claims.SubmitAsync(October);

        var e = await scope.ServiceProvider.GetRequiredService<ArrsEnvelopeService>().GetAsync(Year);

        // October claimed £5,822.58 (as forecast); the rest forecast £68,322.58 − £5,822.58 = £62,500.00.
        var october = e.Months[6];
        Assert.Equal((true, 582_258L, 0L), (october.IsClaimed, october.Claimed.Pence, october.Forecast.Pence));
        Assert.Equal((582_258L, 6_250_000L, 42_206_690L), (e.Claimed.Pence, e.Forecast.Pence, e.Headroom.Pence));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Scenario_PlannedPostWteChangeUpliftAndEnd_RecalculatedAndNothingWritten(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _, alice, ben) = await SeedAsync(db);
        var before = await CountsAsync(db, a);
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<ArrsEnvelopeService>();

        // A planned pharmacist from 1 Jan 2027 at £60,000 a year: January to March 3 × £5,000.00 = +£15,000.00.
        var planned = new ScenarioChange(ScenarioChangeKind.AddPost, new DateOnly(2027, 1, 1), "clinical-pharmacist", ArrsRegion.National, 1m,
            Money.FromPounds(48_000m), Money.FromPounds(6_000m), Money.FromPounds(6_000m));
        var withPost = await service.GetAsync(Year, [planned]);
        Assert.Equal((4_750_000L, 40_706_690L), (withPost.Committed.Pence, withPost.Headroom.Pence));

        // Ben to 1 WTE from 1 Dec 2026: pay doubles to £36,000 (£3,000.00 a month; maximum £36,428 ÷ 12 = £3,035.67):
        // December to March +£1,500.00 × 4 = +£6,000.00. A 10% uplift for pharmacists from 1 March 2027: Alice's £66,000
        // (£5,500.00) is capped at £5,486.50 (+£486.50), the planned post likewise (+£486.50). Alice ends 31 January 2027:
        // February and March −£5,000.00 each, and her March uplift goes too (−£486.50).
        // January £5,000 (Alice) + £3,000 (Ben) + £5,000 (planned) = £13,000.00; February £3,000 + £5,000 = £8,000.00;
        // March £3,000 + £5,486.50 = £8,486.50. Headroom £407,066.90 − £6,000.00 − £486.50 + £10,000.00 = £410,580.40.
        var all = await service.GetAsync(Year,
        [
            planned,
            new ScenarioChange(ScenarioChangeKind.ChangeWte, new DateOnly(2026, 12, 1), Wte: 1m, ContractId: ben),
            new ScenarioChange(ScenarioChangeKind.PayUplift, new DateOnly(2027, 3, 1), Role: "clinical-pharmacist", Percent: 10m),
            new ScenarioChange(ScenarioChangeKind.EndContract, new DateOnly(2027, 1, 31), ContractId: alice),
        ]);
        Assert.Equal([1_300_000L, 800_000L, 848_650L], all.Months.Skip(9).Select(m => m.Forecast.Pence));
        Assert.Equal(41_058_040L, all.Headroom.Pence);

        Assert.Equal(before, await CountsAsync(db, a));
        Assert.Equal(0.5m, (await ContractAsync(db, a, ben)).Wte);
        Assert.Null((await ContractAsync(db, a, alice)).End);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Scenario_BadChanges_RefusedWithTheField(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, b, _, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<ArrsEnvelopeService>();

        var unknownRole = await Assert.ThrowsAsync<RuleViolationException>(() => service.GetAsync(Year,
            [new ScenarioChange(ScenarioChangeKind.AddPost, new DateOnly(2027, 1, 1), "astronaut", Wte: 1m)]));
        Assert.Contains("Role", unknownRole.Errors.Keys);
        var negativeWte = await Assert.ThrowsAsync<RuleViolationException>(() => service.GetAsync(Year,
            [new ScenarioChange(ScenarioChangeKind.AddPost, new DateOnly(2027, 1, 1), "clinical-pharmacist", Wte: -0.5m)]));
        Assert.Contains("Wte", negativeWte.Errors.Keys);
        var otherNetwork = await Assert.ThrowsAsync<RuleViolationException>(() => service.GetAsync(Year,
            [new ScenarioChange(ScenarioChangeKind.EndContract, new DateOnly(2027, 1, 1), ContractId: Guid.NewGuid())]));
        Assert.Contains("ContractId", otherNetwork.Errors.Keys);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void ScenarioChange_TextRoundTrip_SameChange()
    {
        var change = new ScenarioChange(ScenarioChangeKind.AddPost, new DateOnly(2027, 1, 1), "clinical-pharmacist", ArrsRegion.OuterLondon, 0.6m,
            Money.FromPounds(28_800.5m), Money.FromPounds(3_600m), Money.Zero);

        Assert.True(ScenarioChange.TryParse(change.ToText(), out var back));
        Assert.Equal(change, back);
        Assert.False(ScenarioChange.TryParse("Nonsense|2027-01-01", out _));
    }

    [Fact]
    public void SplitByMonth_March_TakesTheRemainder()
    {
        // £100.00 ÷ 12 = £8.333… → £8.33 × 11 = £91.63; March £8.37.
        var months = FinancialYear.SplitMonthly(new Money(10_000));

        Assert.Equal((833L, 837L, 10_000L), (months[0].Pence, months[11].Pence, Money.Sum(months).Pence));
    }

    private static async Task<(int Staff, int Contracts, int Claims, int Audit)> CountsAsync(TestDatabase db, int pcnId)
    {
        await using var scope = db.PcnScope(pcnId);
        var c = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        return (await c.Set<StaffMember>().CountAsync(), await c.Set<StaffContract>().CountAsync(), await c.Set<ArrsClaim>().CountAsync(), await c.AuditEvents.CountAsync());
    }

    private static async Task<StaffContract> ContractAsync(TestDatabase db, int pcnId, Guid contractId)
    {
        await using var scope = db.PcnScope(pcnId);
        return await scope.ServiceProvider.GetRequiredService<PcnDbContext>().Set<StaffContract>().AsNoTracking().SingleAsync(c => c.ContractId == contractId);
    }
}

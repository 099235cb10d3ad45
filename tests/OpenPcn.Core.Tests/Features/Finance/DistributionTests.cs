using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Features.Network;

namespace OpenPcn.Core.Tests.Features.Finance;

/// <summary>The distribution rule without a database: every rule kind sums exactly to the amount received.</summary>
public sealed class DistributionTests
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private static List<ShareInput> Practices(params (int Registered, decimal Weighted, decimal Units)[] lists) =>
        lists.Select((l, i) => new ShareInput(PracticeCode.Parse($"P8200{i + 1}"), $"Practice {i + 1}", l.Registered, l.Weighted, l.Units)).ToList();

    private static StreamDistribution Share(string amount, RuleKind kind, IReadOnlyList<ShareInput> practices, decimal topSlice = 0, string fixedEach = "0",
        ShareBasis basis = ShareBasis.Raw) =>
        DistributionService.Distribute(FundingStream.CoreFunding, October, Money.FromPounds(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)),
            new AppliedRule(kind, topSlice, Money.FromPounds(decimal.Parse(fixedEach, System.Globalization.CultureInfo.InvariantCulture)), basis, false), practices);

    private static void AssertSumsExactly(StreamDistribution d) => Assert.Equal(d.Amount, d.TopSlice + d.Distributed);

    [Fact]
    public void Distribute_RawListThreeEqualLists_LargestRemainderGivesThePennyToTheFirst()
    {
        // £1,000.00 ÷ 3 = 333.333…: each floor 333.33 (999.99), the 1p left goes to the first (ties to the earlier share).
        var d = Share("1000.00", RuleKind.RawList, Practices((3, 0, 0), (3, 0, 0), (3, 0, 0)));

        Assert.Equal(["£333.34", "£333.33", "£333.33"], d.Shares.Select(s => s.Total.ToString()));
        AssertSumsExactly(d);
        Assert.Contains("× 3/9 raw list = £333.34", d.Shares[0].Formula, StringComparison.Ordinal);
    }

    [Fact]
    public void Distribute_WeightedList_SharesByWeightedNotRaw()
    {
        // £1,000.00 by weighted 1,500 / 500 (raw lists equal): 750.00 / 250.00.
        var d = Share("1000.00", RuleKind.WeightedList, Practices((1000, 1500, 0), (1000, 500, 0)));

        Assert.Equal(["£750.00", "£250.00"], d.Shares.Select(s => s.Total.ToString()));
        AssertSumsExactly(d);
    }

    [Fact]
    public void Distribute_TopSlice_KeepsRoundedPercentageThenSharesTheRest()
    {
        // £100.05 × 12.5% = 12.50625 → £12.51 kept; £87.54 ÷ 3 = 29.18 each exactly.
        var d = Share("100.05", RuleKind.RawList, Practices((1, 0, 0), (1, 0, 0), (1, 0, 0)), topSlice: 12.5m);

        Assert.Equal(Money.FromPounds(12.51m), d.TopSlice);
        Assert.Equal(["£29.18", "£29.18", "£29.18"], d.Shares.Select(s => s.Total.ToString()));
        AssertSumsExactly(d);
    }

    [Fact]
    public void Distribute_FixedPlusWeightedShare_PaysFixedThenSharesTheRest()
    {
        // £2,000.00 with 10% top-slice → £200.00 kept, £1,800.00 left; 3 × £500.00 fixed → £300.00 shared by weighted 1/1/2:
        // 75.00 / 75.00 / 150.00 → totals 575.00 / 575.00 / 650.00; 200 + 1,800 = 2,000.
        var d = Share("2000.00", RuleKind.FixedPlusShare, Practices((10, 1, 0), (10, 1, 0), (10, 2, 0)), topSlice: 10, fixedEach: "500", basis: ShareBasis.Weighted);

        Assert.Equal(Money.FromPounds(200m), d.TopSlice);
        Assert.Equal(["£575.00", "£575.00", "£650.00"], d.Shares.Select(s => s.Total.ToString()));
        Assert.Equal(["£75.00", "£75.00", "£150.00"], d.Shares.Select(s => s.Share.ToString()));
        AssertSumsExactly(d);
    }

    [Fact]
    public void Distribute_FixedMoreThanReceived_SharesEquallyAndSaysSo()
    {
        // £1,000.00 cannot pay 3 × £500.00: £1,000.00 ÷ 3 → 333.34 / 333.33 / 333.33.
        var d = Share("1000.00", RuleKind.FixedPlusShare, Practices((10, 1, 0), (10, 1, 0), (10, 2, 0)), fixedEach: "500");

        Assert.Equal(["£333.34", "£333.33", "£333.33"], d.Shares.Select(s => s.Total.ToString()));
        Assert.Contains("shared equally", d.Problem, StringComparison.Ordinal);
        AssertSumsExactly(d);
    }

    [Fact]
    public void Distribute_Activity_SharesByUnitsDelivered()
    {
        // £1,000.00 by units 10/20/0: 333.333… / 666.666… / 0 → floors 333.33 / 666.66, the 1p to the larger fraction.
        var d = Share("1000.00", RuleKind.Activity, Practices((100, 0, 10), (100, 0, 20), (100, 0, 0)));

        Assert.Equal(["£333.33", "£666.67", "£0.00"], d.Shares.Select(s => s.Total.ToString()));
        AssertSumsExactly(d);
    }

    [Fact]
    public void Distribute_ActivityWithNoUnits_FallsBackToRawListAndSaysSo()
    {
        var d = Share("90.00", RuleKind.Activity, Practices((1, 0, 0), (2, 0, 0)));

        Assert.Equal(["£30.00", "£60.00"], d.Shares.Select(s => s.Total.ToString()));
        Assert.Contains("No activity", d.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Distribute_NegativeCorrection_SharesTheNegativeAmountExactly()
    {
        var d = Share("-10.00", RuleKind.RawList, Practices((1, 0, 0), (1, 0, 0), (1, 0, 0)));

        Assert.Equal(["-£3.34", "-£3.33", "-£3.33"], d.Shares.Select(s => s.Total.ToString()));
        AssertSumsExactly(d);
    }

    [Fact]
    public void SplitMonthly_AnnualNotDivisibleByTwelve_MarchTakesTheRest()
    {
        // £100.00 ÷ 12 = 8.333… → £8.33 a month; March = 100.00 − 11 × 8.33 = £8.37.
        var split = FinancialYear.SplitMonthly(Money.FromPounds(100m));

        Assert.Equal(Money.FromPounds(8.33m), split[0]);
        Assert.Equal(Money.FromPounds(8.37m), split[11]);
        Assert.Equal(Money.FromPounds(100m), Money.Sum(split));
    }

    [Fact]
    public void SplitMonthly_TinyAnnual_NoMonthNegativeAndTheYearSums()
    {
        // 6p ÷ 12 = 0.5p → 1p; the months take 1p while any is left: six months of 1p, then nothing, March 0p.
        var split = FinancialYear.SplitMonthly(new Money(6));

        Assert.All(split, m => Assert.True(m >= Money.Zero));
        Assert.Equal(new Money(6), Money.Sum(split));
        Assert.Equal([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0], split.Select(m => m.Pence));
    }

    [Fact]
    public void Parse_UnknownStream_IsRefusedWithTheKnownStreams()
    {
        var error = Assert.Throws<RuleViolationException>(() => FundingStreams.Parse("bonus"));

        Assert.Contains("core-funding", error.Errors["Stream"][0], StringComparison.Ordinal);
        Assert.Equal(FundingStream.EnhancedAccess, FundingStreams.Parse("enhanced-access"));
    }
}

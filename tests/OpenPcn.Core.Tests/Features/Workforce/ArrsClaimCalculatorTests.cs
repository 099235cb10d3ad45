using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Features.Workforce.Claims;

namespace OpenPcn.Core.Tests.Features.Workforce;

/// <summary>
/// Worked examples of the ARRS monthly claim rule, each computed by hand. The test rate book: clinical pharmacist,
/// national, £63,000 a WTE a year from 1 April 2024 and £65,838 from 1 October 2024 (the 1 Oct 2024 change); a role
/// "no-maximum" with no maximum at all.
/// </summary>
public sealed class ArrsClaimCalculatorTests
{
    private const string Pharmacist = "clinical-pharmacist";

    private static readonly RateBook Book = new(
        [new ArrsRole(Pharmacist, "Clinical pharmacist", "7-8a"), new ArrsRole("no-maximum", "A role with no maximum", "5")],
        [
            new ArrsMaximum(Pharmacist, ArrsRegion.National, new DateOnly(2024, 4, 1), Money.FromPounds(63_000m), true, "test"),
            new ArrsMaximum(Pharmacist, ArrsRegion.National, new DateOnly(2024, 10, 1), Money.FromPounds(65_838m), true, "test"),
        ],
        []);

    private static readonly DateOnly November2024 = new(2024, 11, 1);

    // £48,000 salary + £6,000 NI + £6,000 pension = £60,000 a year = £5,000.00 a month.
    private static ContractTerms Terms(decimal wte = 1m, decimal salary = 48_000m, decimal ni = 6_000m, decimal pension = 6_000m,
        DateOnly? start = null, DateOnly? end = null, string role = Pharmacist, ArrsRegion region = ArrsRegion.National) =>
        new(role, region, wte, Money.FromPounds(salary), Money.FromPounds(ni), Money.FromPounds(pension), start ?? new DateOnly(2024, 1, 1), end);

    [Fact]
    public void Calculate_FullMonth_ClaimsTheActualCostUnderTheMaximum()
    {
        // November 2024 (30 days), all 30 in post. Actual £60,000 ÷ 12 = £5,000.00.
        // Maximum £65,838 × 1 ÷ 12 = £5,486.50. Reimbursable = the lower = £5,000.00.
        var w = ArrsClaimCalculator.Calculate(Terms(), November2024, Book);

        Assert.Equal((30, 30), (w.DaysInMonth, w.DaysInPost));
        Assert.Equal((500_000L, 548_650L, 500_000L), (w.ActualCost.Pence, w.Maximum.Pence, w.Reimbursable.Pence));
        Assert.Null(w.Problem);
        Assert.False(w.UsesUncheckedRate);
        Assert.Equal("Actual: (£48,000.00 salary + £6,000.00 employer NI + £6,000.00 employer pension) ÷ 12 × 30/30 days in post = £5,000.00. "
            + "Maximum: £65,838.00 a year × 1 WTE ÷ 12 × 30/30 days = £5,486.50. Reimbursable: the lower, £5,000.00.", w.Explain());
    }

    [Fact]
    public void Calculate_StarterOnThe15thOfA30DayMonth_ProRataBy16Days()
    {
        // Starts 15 November 2024: in post 15th to 30th = 16 of 30 days.
        // Actual £5,000 × 16/30 = £2,666.666… → £2,666.67. Maximum £5,486.50 × 16/30 = £2,926.1333… → £2,926.13.
        // Reimbursable £2,666.67.
        var w = ArrsClaimCalculator.Calculate(Terms(start: new DateOnly(2024, 11, 15)), November2024, Book);

        Assert.Equal(16, w.DaysInPost);
        Assert.Equal((266_667L, 292_613L, 266_667L), (w.ActualCost.Pence, w.Maximum.Pence, w.Reimbursable.Pence));
    }

    [Fact]
    public void Calculate_LeaverOnThe10th_ProRataBy10Days()
    {
        // Last day 10 November 2024: 10 of 30 days. Actual £5,000 × 10/30 = £1,666.666… → £1,666.67.
        // Maximum £5,486.50 × 10/30 = £1,828.8333… → £1,828.83. Reimbursable £1,666.67.
        var w = ArrsClaimCalculator.Calculate(Terms(end: new DateOnly(2024, 11, 10)), November2024, Book);

        Assert.Equal(10, w.DaysInPost);
        Assert.Equal((166_667L, 182_883L, 166_667L), (w.ActualCost.Pence, w.Maximum.Pence, w.Reimbursable.Pence));
    }

    [Fact]
    public void Calculate_PartTimePost_MaximumScaledByWte()
    {
        // 0.6 WTE paid £28,800 + £3,600 + £3,600 = £36,000 a year: actual £3,000.00 a month.
        // Maximum £65,838 × 0.6 ÷ 12 = £3,291.90. Reimbursable £3,000.00.
        var w = ArrsClaimCalculator.Calculate(Terms(wte: 0.6m, salary: 28_800m, ni: 3_600m, pension: 3_600m), November2024, Book);

        Assert.Equal((300_000L, 329_190L, 300_000L), (w.ActualCost.Pence, w.Maximum.Pence, w.Reimbursable.Pence));
        Assert.Contains("× 0.6 WTE", w.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_PostOverTheRoleMaximum_CappedAtTheMaximum()
    {
        // £70,000 + £9,000 + £11,000 = £90,000 a year: actual £7,500.00. Maximum £5,486.50. Reimbursable capped £5,486.50.
        var w = ArrsClaimCalculator.Calculate(Terms(salary: 70_000m, ni: 9_000m, pension: 11_000m), November2024, Book);

        Assert.Equal((750_000L, 548_650L, 548_650L), (w.ActualCost.Pence, w.Maximum.Pence, w.Reimbursable.Pence));
    }

    [Fact]
    public void Calculate_StartedMidSeptember2024_SeptemberAtTheOldMaximumOctoberAtTheNew()
    {
        // £90,000 a year (£7,500 a month), starts 16 September 2024.
        var terms = Terms(salary: 70_000m, ni: 9_000m, pension: 11_000m, start: new DateOnly(2024, 9, 16));

        // September (30 days), 16th-30th = 15 days, wholly before 1 Oct: actual £7,500 × 15/30 = £3,750.00;
        // maximum £63,000 ÷ 12 × 15/30 = £2,625.00; reimbursable £2,625.00.
        var september = ArrsClaimCalculator.Calculate(terms, new DateOnly(2024, 9, 1), Book);
        Assert.Equal((15, 375_000L, 262_500L, 262_500L), (september.DaysInPost, september.ActualCost.Pence, september.Maximum.Pence, september.Reimbursable.Pence));
        Assert.Equal(63_000m, Assert.Single(september.Segments).Maximum.PerWtePerYear!.Value.Pounds);

        // October (31 days), wholly after: maximum £65,838 ÷ 12 = £5,486.50; reimbursable £5,486.50.
        var october = ArrsClaimCalculator.Calculate(terms, new DateOnly(2024, 10, 1), Book);
        Assert.Equal((31, 750_000L, 548_650L, 548_650L), (october.DaysInPost, october.ActualCost.Pence, october.Maximum.Pence, october.Reimbursable.Pence));
        Assert.Equal(65_838m, Assert.Single(october.Segments).Maximum.PerWtePerYear!.Value.Pounds);

        // August, wholly before the contract: nothing.
        var august = ArrsClaimCalculator.Calculate(terms, new DateOnly(2024, 8, 1), Book);
        Assert.Equal((0, 0L, 0L), (august.DaysInPost, august.ActualCost.Pence, august.Reimbursable.Pence));
        Assert.Empty(august.Segments);
    }

    [Fact]
    public void Calculate_RateChangeInsideTheMonth_SplitsTheMonthBetweenTheTwoMaxima()
    {
        // A book where the new maximum starts on 16 October 2024. October (31 days), £90,000 a year:
        // 1st-15th: £63,000 ÷ 12 × 15/31 = £2,540.3226…; 16th-31st: £65,838 ÷ 12 × 16/31 = £2,831.7419…;
        // maximum £5,372.0645… → £5,372.06; actual £7,500.00; reimbursable £5,372.06.
        var book = new RateBook(Book.Roles,
            [Book.Maxima[0], Book.Maxima[1] with { EffectiveFrom = new DateOnly(2024, 10, 16) }], []);
        var w = ArrsClaimCalculator.Calculate(Terms(salary: 70_000m, ni: 9_000m, pension: 11_000m), new DateOnly(2024, 10, 1), book);

        Assert.Equal([15, 16], w.Segments.Select(s => s.Days));
        Assert.Equal((750_000L, 537_206L, 537_206L), (w.ActualCost.Pence, w.Maximum.Pence, w.Reimbursable.Pence));
        Assert.Contains("£63,000.00 a year × 1 WTE ÷ 12 × 15/31 days + £65,838.00 a year × 1 WTE ÷ 12 × 16/31 days = £5,372.06", w.Explain(), StringComparison.Ordinal);
    }

    [Theory]
    // Shipped rates, clinical pharmacist from 1 Oct 2024: outer London £73,189 ÷ 12 = £6,099.0833… → £6,099.08;
    // inner London £76,313 ÷ 12 = £6,359.4166… → £6,359.42; national £65,838 ÷ 12 = £5,486.50. Cost £90,000 (£7,500 a month).
    [InlineData(ArrsRegion.OuterLondon, 609_908L)]
    [InlineData(ArrsRegion.InnerLondon, 635_942L)]
    [InlineData(ArrsRegion.National, 548_650L)]
    public void Calculate_LondonWeightingOnTheShippedRates_UsesTheRegionsMaximum(ArrsRegion region, long expectedPence)
    {
        var w = ArrsClaimCalculator.Calculate(Terms(salary: 70_000m, ni: 9_000m, pension: 11_000m, region: region), November2024, NetworkRates.ShippedRates);

        Assert.Equal((expectedPence, expectedPence), (w.Maximum.Pence, w.Reimbursable.Pence));
        Assert.False(w.UsesUncheckedRate);
    }

    [Fact]
    public void Calculate_UncheckedShippedMaximum_IsFlagged()
    {
        // First contact physiotherapist: £65,838 is an estimate (checked = no) in the shipped file.
        var w = ArrsClaimCalculator.Calculate(Terms(role: "first-contact-physiotherapist"), November2024, NetworkRates.ShippedRates);

        Assert.True(w.UsesUncheckedRate);
        Assert.Contains("(unchecked)", w.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_RoleWithNoMaximum_IsAProblemAndClaimsNothing()
    {
        // Actual is still worked (£5,000.00) so the cost is known, but nothing can be claimed.
        var w = ArrsClaimCalculator.Calculate(Terms(role: "no-maximum"), November2024, Book);

        Assert.Equal((500_000L, 0L), (w.ActualCost.Pence, w.Reimbursable.Pence));
        Assert.Equal("No maximum is known for A role with no maximum (national) on 1 Nov 2024: enter one in Rates before claiming.", w.Problem);
        Assert.EndsWith(w.Problem, w.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_AdditionalityNotConfirmed_IsAProblemAndClaimsNothing()
    {
        var w = ArrsClaimCalculator.Calculate(Terms(), November2024, Book, additionalityConfirmed: false);

        Assert.Equal((500_000L, 548_650L, 0L), (w.ActualCost.Pence, w.Maximum.Pence, w.Reimbursable.Pence));
        Assert.Equal("Additionality to the 31 March 2019 baseline is not confirmed, so nothing is claimed.", w.Problem);
    }

    [Fact]
    public void Calculate_HalfAPenny_RoundsAwayFromZero()
    {
        // £12,000.06 a year ÷ 12 = £1,000.005 exactly: half a penny rounds up (away from zero) to £1,000.01.
        var w = ArrsClaimCalculator.Calculate(Terms(salary: 12_000.06m, ni: 0m, pension: 0m), November2024, Book);

        Assert.Equal((100_001L, 100_001L), (w.ActualCost.Pence, w.Reimbursable.Pence));
    }

    [Fact]
    public void Calculate_HalfAPennyAfterAThirdOfAPenny_StillExactlyHalf()
    {
        // A leaver on 3 December 2024: £123,876.62 a year × 3 ÷ (12 × 31) = £999.005 exactly, so £999.01. A twelfth
        // first would be £10,323.0516666… (a third of a penny does not end), and only the multiply-first order keeps
        // the half penny exact.
        var w = ArrsClaimCalculator.Calculate(Terms(salary: 123_876.62m, ni: 0m, pension: 0m, end: new DateOnly(2024, 12, 3)), new DateOnly(2024, 12, 1), Book);

        Assert.Equal((3, 31), (w.DaysInPost, w.DaysInMonth));
        Assert.Equal(99_901L, w.ActualCost.Pence);
    }
}

using OpenPcn.Core.Common;

namespace OpenPcn.Core.Tests.Features.Workforce;

public sealed class MoneyTests
{
    [Fact]
    public void Allocate_ThreeEqualShares_SumExactlyWithThePennyToTheFirst()
    {
        // £100.00 ÷ 3 = 3,333.33… pence each: floors 3,333 × 3 = 9,999, one penny left, fractions tie → the earliest.
        var shares = new Money(10_000).Allocate([1m, 1m, 1m]);

        Assert.Equal([3_334L, 3_333L, 3_333L], shares.Select(s => s.Pence));
        Assert.Equal(10_000L, Money.Sum(shares).Pence);
    }

    [Fact]
    public void Allocate_Remainder_GoesToTheLargestFraction()
    {
        // 100p by 1:2 = 33.33p and 66.67p: floors 33 + 66 = 99; the penny left goes to the larger fraction (0.67).
        Assert.Equal([33L, 67L], new Money(100).Allocate([1m, 2m]).Select(s => s.Pence));
    }

    [Fact]
    public void Allocate_Negative_SharesCarryTheSignAndSumExactly()
    {
        // -£1.00 by 1:1:1 = -34p, -33p, -33p.
        var shares = new Money(-100).Allocate([1m, 1m, 1m]);

        Assert.Equal([-34L, -33L, -33L], shares.Select(s => s.Pence));
        Assert.Equal(-100L, Money.Sum(shares).Pence);
    }

    [Fact]
    public void Allocate_AllZeroWeights_Refused() =>
        Assert.Throws<RuleViolationException>(() => new Money(100).Allocate([0m, 0m]));

    [Theory]
    [InlineData("1234.56", 123_456L)]
    [InlineData("£1,234.56", 123_456L)]
    [InlineData("-12.5", -1_250L)]
    [InlineData(" 0 ", 0L)]
    public void TryParse_Valid_ReadsWholePence(string text, long pence)
    {
        Assert.True(Money.TryParse(text, out var money));
        Assert.Equal(pence, money.Pence);
    }

    [Theory]
    [InlineData("1.234")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Invalid_Refused(string? text) => Assert.False(Money.TryParse(text, out _));

    [Theory]
    [InlineData("0.005", 1L)]
    [InlineData("-0.005", -1L)]
    [InlineData("0.0049", 0L)]
    [InlineData("2.675", 268L)]
    public void Round_HalfAPenny_AwayFromZero(string pounds, long pence) =>
        Assert.Equal(pence, Money.Round(decimal.Parse(pounds, System.Globalization.CultureInfo.InvariantCulture)).Pence);

    [Fact]
    public void FromPounds_FractionOfAPenny_Refused() => Assert.Throws<RuleViolationException>(() => Money.FromPounds(1.234m));

    [Fact]
    public void ToString_Negative_SignBeforeThePound() => Assert.Equal("-£1,234.56", new Money(-123_456).ToString());
}

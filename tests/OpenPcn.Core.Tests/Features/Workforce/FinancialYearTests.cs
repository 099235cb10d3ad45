using System.Globalization;
using OpenPcn.Core.Common;

namespace OpenPcn.Core.Tests.Features.Workforce;

public sealed class FinancialYearTests
{
    [Fact]
    public void Parse_2024To25_StartEndCensusAndMonths()
    {
        var year = FinancialYear.Parse("2024/25", CultureInfo.InvariantCulture);

        Assert.Equal((new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31), new DateOnly(2024, 1, 1)), (year.Start, year.End, year.CensusDate));
        Assert.Equal(12, year.Months.Count);
        Assert.Equal((new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 1)), (year.Months[0], year.Months[11]));
        Assert.Equal("2024/25", year.ToString());
    }

    [Theory]
    [InlineData(2025, 3, 31, 2024)]
    [InlineData(2025, 4, 1, 2025)]
    [InlineData(2026, 10, 15, 2026)]
    public void Of_Date_TheYearContainingIt(int y, int m, int d, int start)
    {
        var year = FinancialYear.Of(new DateOnly(y, m, d));

        Assert.Equal(start, year.StartYear);
        Assert.True(year.Contains(new DateOnly(y, m, d)));
    }

    [Theory]
    [InlineData("2024-25", true)]
    [InlineData("2099/00", true)]
    [InlineData("2024/26", false)]
    [InlineData("24/25", false)]
    [InlineData("", false)]
    public void TryParse_Forms_AcceptsOnlyConsecutiveYears(string text, bool ok) =>
        Assert.Equal(ok, FinancialYear.TryParse(text, CultureInfo.InvariantCulture, out _));

    [Fact]
    public void New_OutOfRange_Refused() => Assert.Throws<RuleViolationException>(() => new FinancialYear(1999));
}

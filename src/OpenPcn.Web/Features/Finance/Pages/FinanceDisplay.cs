using System.Globalization;
using OpenPcn.Core.Common;

namespace OpenPcn.Web.Features.Finance.Pages;

/// <summary>Shared wording of the finance pages: months, years and the year chooser.</summary>
internal static class FinanceDisplay
{
    public static string Month(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string LongMonth(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public static string MonthCode(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The year asked for ("2026/27"), or the financial year of today.</summary>
    public static FinancialYear Year(string? text, DateOnly today) =>
        FinancialYear.TryParse(text, CultureInfo.InvariantCulture, out var year) ? year : FinancialYear.Of(today);

    /// <summary>Last year, this year and next year, for a chooser.</summary>
    public static IEnumerable<(string, string)> YearOptions(DateOnly today)
    {
        var now = FinancialYear.Of(today);
        return new[] { new FinancialYear(now.StartYear - 1), now, now.Next() }.Select(y => (y.ToString(), y.ToString()));
    }

    /// <summary>Pounds as a number for a chart (no £, no separators).</summary>
    public static decimal Chart(Money money) => money.Pounds;
}

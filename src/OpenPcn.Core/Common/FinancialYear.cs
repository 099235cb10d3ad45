using System.Globalization;

namespace OpenPcn.Core.Common;

/// <summary>
/// An NHS financial year, 1 April to 31 March, written "2024/25". Payments use the populations of the census date,
/// 1 January before the year starts.
/// </summary>
public readonly record struct FinancialYear : IParsable<FinancialYear>, IComparable<FinancialYear>
{
    public FinancialYear(int startYear)
    {
        if (startYear is < 2000 or > 2100)
        {
            throw new RuleViolationException("Year", string.Create(CultureInfo.InvariantCulture, $"{startYear} is not a financial year OpenPCN knows."));
        }

        StartYear = startYear;
    }

    /// <summary>The calendar year in which the financial year starts (2024 for 2024/25).</summary>
    public int StartYear { get; }

    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>1 January before the year starts.</summary>
    public DateOnly CensusDate => new(StartYear, 1, 1);

    /// <summary>The first day of each of the twelve months, April first.</summary>
    public IReadOnlyList<DateOnly> Months
    {
        get
        {
            var start = Start;
            return Enumerable.Range(0, 12).Select(start.AddMonths).ToList();
        }
    }

    /// <summary>
    /// An annual amount by month, April first: each month a twelfth rounded to the penny (never more than is left), and
    /// March the rest, so the twelve always sum to <paramref name="annual"/> exactly and none is negative.
    /// </summary>
    public static IReadOnlyList<Money> SplitMonthly(Money annual)
    {
        var twelfth = Money.Round(annual.Pounds / 12m);
        var months = new List<Money>(12);
        var left = annual;
        for (var i = 0; i < 11; i++)
        {
            var month = annual >= Money.Zero ? Money.Min(twelfth, left) : Money.Max(twelfth, left);
            months.Add(month);
            left -= month;
        }

        months.Add(left);
        return months;
    }

    public static FinancialYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public FinancialYear Next() => new(StartYear + 1);

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>"2024/25".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{(StartYear + 1) % 100:D2}");

    public static FinancialYear Parse(string s, IFormatProvider? provider) =>
        TryParse(s, provider, out var year) ? year : throw new FormatException($"'{s}' is not a financial year like 2024/25.");

    /// <summary>Reads "2024/25" (or "2024-25"); the second part must follow the first.</summary>
    public static bool TryParse(string? s, IFormatProvider? provider, out FinancialYear result)
    {
        result = default;
        var parts = (s ?? string.Empty).Trim().Split('/', '-');
        if (parts.Length != 2 || parts[0].Length != 4 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || (start + 1) % 100 != end || start is < 2000 or > 2100)
        {
            return false;
        }

        result = new FinancialYear(start);
        return true;
    }

    public static bool operator <(FinancialYear a, FinancialYear b) => a.StartYear < b.StartYear;

    public static bool operator >(FinancialYear a, FinancialYear b) => a.StartYear > b.StartYear;

    public static bool operator <=(FinancialYear a, FinancialYear b) => a.StartYear <= b.StartYear;

    public static bool operator >=(FinancialYear a, FinancialYear b) => a.StartYear >= b.StartYear;
}

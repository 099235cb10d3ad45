using System.Globalization;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;

namespace OpenPcn.Core.Features.Workforce.Claims;

/// <summary>A part of a month under one maximum: the days, the maximum in force and its exact amount for those days.</summary>
public sealed record MaximumSegment(DateOnly From, DateOnly To, int Days, ArrsMaximum Maximum, decimal ExactPounds);

/// <summary>
/// How one month's ARRS line was worked out, with every input, so a page or export can show the formula: the days in
/// post, the actual cost pro rata, each maximum in force (split where a rate changed in the month), and the lower of
/// the two. <see cref="Problem"/> says why nothing can be claimed (no maximum known, additionality not confirmed).
/// </summary>
public sealed record ClaimWorkings(
    ContractTerms Terms,
    DateOnly Month,
    int DaysInMonth,
    int DaysInPost,
    Money ActualCost,
    IReadOnlyList<MaximumSegment> Segments,
    Money Maximum,
    Money Reimbursable,
    string? Problem)
{
    /// <summary>Whether any maximum used is not checked against the DES.</summary>
    public bool UsesUncheckedRate => Segments.Any(s => !s.Maximum.Checked);

    /// <summary>The formula in words and figures, as shown beside the line.</summary>
    public string Explain()
    {
        var t = Terms;
        var inv = CultureInfo.InvariantCulture;
        var cost = string.Create(inv,
            $"Actual: ({t.AnnualSalary} salary + {t.AnnualEmployerNi} employer NI + {t.AnnualEmployerPension} employer pension) ÷ 12 × {DaysInPost}/{DaysInMonth} days in post = {ActualCost}.");
        var max = Segments.Count == 0
            ? "Maximum: none known."
            : "Maximum: " + string.Join(" + ", Segments.Select(s => string.Create(inv,
                $"{s.Maximum.PerWtePerYear} a year{(s.Maximum.Checked ? string.Empty : " (unchecked)")} × {t.Wte:0.####} WTE ÷ 12 × {s.Days}/{DaysInMonth} days"))) + string.Create(inv, $" = {Maximum}.");
        var result = Problem ?? string.Create(inv, $"Reimbursable: the lower, {Reimbursable}.");
        return $"{cost} {max} {result}";
    }
}

/// <summary>
/// The ARRS monthly claim rule: reimbursable = the lower of the actual cost (salary plus employer NI and pension, a
/// twelfth a month, pro rata by days in post in the month) and the role's maximum (per WTE per year × WTE ÷ 12, pro
/// rata by days in post, each day at the maximum in force on it, so a rate change such as 1 October 2024 splits the
/// month). Amounts are worked exactly and rounded to the penny once each, halves away from zero; since rounding
/// keeps order, the lower of the rounded amounts is the rounded lower amount.
/// </summary>
public static class ArrsClaimCalculator
{
    public static ClaimWorkings Calculate(ContractTerms terms, DateOnly month, RateBook rates, bool additionalityConfirmed = true)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var daysInMonth = last.Day;
        var from = terms.Start > first ? terms.Start : first;
        var to = terms.End is { } end && end < last ? end : last;
        var daysInPost = to >= from ? to.DayNumber - from.DayNumber + 1 : 0;
        // Multiply first and divide once, so an amount that is exactly half a penny stays exactly half a penny.
        var divisor = 12m * daysInMonth;
        var actualExact = terms.AnnualCost.Pounds * daysInPost / divisor;
        var maximumNumerator = 0m;

        var segments = new List<MaximumSegment>();
        string? problem = null;
        for (var day = from; day <= to;)
        {
            var maximum = rates.MaximumOn(terms.Role, terms.Region, day);
            if (maximum?.PerWtePerYear is not { } perYear)
            {
                problem = string.Create(CultureInfo.InvariantCulture,
                    $"No maximum is known for {rates.Role(terms.Role)?.Name ?? terms.Role} ({Describe(terms.Region)}) on {day:d MMM yyyy}: enter one in Rates before claiming.");
                break;
            }

            var next = rates.Maxima.Where(m => m.Role == terms.Role && m.Region == terms.Region && m.EffectiveFrom > day).Select(m => (DateOnly?)m.EffectiveFrom).Min();
            var segmentEnd = next is { } n && n.AddDays(-1) < to ? n.AddDays(-1) : to;
            var days = segmentEnd.DayNumber - day.DayNumber + 1;
            var numerator = perYear.Pounds * terms.Wte * days;
            maximumNumerator += numerator;
            segments.Add(new MaximumSegment(day, segmentEnd, days, maximum, numerator / divisor));
            day = segmentEnd.AddDays(1);
        }

        if (problem is null && !additionalityConfirmed)
        {
            problem = "Additionality to the 31 March 2019 baseline is not confirmed, so nothing is claimed.";
        }

        var maximumExact = maximumNumerator / divisor;
        var reimbursable = problem is null ? Money.Round(Math.Min(actualExact, maximumExact)) : Money.Zero;
        return new ClaimWorkings(terms, first, daysInMonth, daysInPost, Money.Round(actualExact), segments, Money.Round(maximumExact), reimbursable, problem);
    }

    public static string Describe(ArrsRegion region) => region switch
    {
        ArrsRegion.OuterLondon => "outer London",
        ArrsRegion.InnerLondon => "inner London",
        _ => "national",
    };
}

using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Language;

/// <summary>A calendar date.</summary>
public sealed class DateExpr(Series series) : Expr(series, CohortType.Date)
{
    /// <summary>A constant.</summary>
    public static implicit operator DateExpr(DateOnly value) => new(new Value(value, CohortType.Date));

    /// <summary>Earlier than.</summary>
    public static BoolExpr operator <(DateExpr left, DateExpr right) => Compare(BinaryOperator.LessThan, left, right);

    /// <summary>Later than.</summary>
    public static BoolExpr operator >(DateExpr left, DateExpr right) => Compare(BinaryOperator.GreaterThan, left, right);

    /// <summary>On or before.</summary>
    public static BoolExpr operator <=(DateExpr left, DateExpr right) => Compare(BinaryOperator.LessThanOrEqual, left, right);

    /// <summary>On or after.</summary>
    public static BoolExpr operator >=(DateExpr left, DateExpr right) => Compare(BinaryOperator.GreaterThanOrEqual, left, right);

    /// <summary>The same day.</summary>
    public BoolExpr Is(DateExpr other) => Compare(BinaryOperator.Equal, this, other);

    /// <summary>Before <paramref name="other"/> (not the same day).</summary>
    public BoolExpr IsBefore(DateExpr other) => this < other;

    /// <summary>After <paramref name="other"/> (not the same day).</summary>
    public BoolExpr IsAfter(DateExpr other) => this > other;

    /// <summary>On or before <paramref name="other"/>.</summary>
    public BoolExpr IsOnOrBefore(DateExpr other) => this <= other;

    /// <summary>On or after <paramref name="other"/>.</summary>
    public BoolExpr IsOnOrAfter(DateExpr other) => this >= other;

    /// <summary>Between two dates, both included.</summary>
    public BoolExpr IsBetween(DateExpr from, DateExpr to) => (this >= from) & (this <= to);

    /// <summary>This date moved by <paramref name="days"/> days.</summary>
    public DateExpr AddDays(IntExpr days) => new(new AddDays(Series, days.Series));

    /// <summary>This constant date (such as the index date) moved by calendar months.</summary>
    public DateExpr AddMonths(int months) => new(new AddMonths(Series, months));

    /// <summary>This constant date (such as the index date) moved by calendar years.</summary>
    public DateExpr AddYears(int years) => new(new AddMonths(Series, checked(years * 12)));

    /// <summary>1 April of the NHS financial year this constant date falls in.</summary>
    public DateExpr FinancialYearStart() => new(new FinancialYearStart(Series));

    /// <summary>Whole days from this date to <paramref name="later"/>.</summary>
    public IntExpr DaysUntil(DateExpr later) => new(new DaysBetween(Series, later.Series));

    /// <summary>Whole years from this date to <paramref name="later"/> (age, when this is a date of birth).</summary>
    public IntExpr YearsUntil(DateExpr later) => new(new YearsBetween(Series, later.Series));

    /// <summary>This value, or <paramref name="fallback"/> where it is null.</summary>
    public DateExpr Or(DateExpr fallback) => new(new Coalesce(Series, fallback.Series));
}

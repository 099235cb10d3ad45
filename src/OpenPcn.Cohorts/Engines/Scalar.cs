using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Engines;

/// <summary>
/// The meaning of each scalar operation on boxed values (<c>bool</c>, <c>long</c>, <c>double</c>,
/// <see cref="DateOnly"/>, <c>string</c>, null), as SQL computes it: nulls propagate, and/or are three-valued.
/// The in-memory engine and constant folding both use it, so there is one definition of each operation.
/// </summary>
public static class Scalar
{
    /// <summary>Applies a unary operator.</summary>
    public static object? Unary(UnaryOperator op, object? value) => op switch
    {
        UnaryOperator.Not => value is bool b ? !b : null,
        UnaryOperator.IsNull => value is null,
        _ => value is not null,
    };

    /// <summary>Applies a binary operator; <paramref name="type"/> is the result type (for add and subtract).</summary>
    public static object? Binary(BinaryOperator op, object? left, object? right, CohortType type)
    {
        switch (op)
        {
            case BinaryOperator.And:
                return left is false || right is false ? false : left is null || right is null ? null : true;
            case BinaryOperator.Or:
                return left is true || right is true ? true : left is null || right is null ? null : false;
        }

        if (left is null || right is null)
        {
            return null;
        }

        return op switch
        {
            // Boxed per branch: a conditional of long and double would make every sum a double.
            BinaryOperator.Add => type == CohortType.Integer ? (object)((long)left + (long)right) : ToDouble(left) + ToDouble(right),
            BinaryOperator.Subtract => type == CohortType.Integer ? (object)((long)left - (long)right) : ToDouble(left) - ToDouble(right),
            BinaryOperator.Equal => Compare(left, right) == 0,
            BinaryOperator.NotEqual => Compare(left, right) != 0,
            BinaryOperator.LessThan => Compare(left, right) < 0,
            BinaryOperator.LessThanOrEqual => Compare(left, right) <= 0,
            BinaryOperator.GreaterThan => Compare(left, right) > 0,
            _ => Compare(left, right) >= 0,
        };
    }

    /// <summary>Orders two non-null values of comparable types (numbers with numbers; text ordinally).</summary>
    public static int Compare(object left, object right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (long or double, long or double) => ToDouble(left).CompareTo(ToDouble(right)),
        (DateOnly a, DateOnly b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        (bool a, bool b) => a.CompareTo(b),
        _ => throw new InvalidOperationException($"Cannot compare {left.GetType().Name} with {right.GetType().Name}."),
    };

    /// <summary>A date moved by days.</summary>
    public static object? AddDays(object? date, object? days) =>
        date is DateOnly d && days is long n ? d.AddDays(checked((int)n)) : null;

    /// <summary>A date moved by calendar months (day clamped to the month's end).</summary>
    public static object? AddMonths(object? date, int months) => date is DateOnly d ? d.AddMonths(months) : null;

    /// <summary>1 April of the financial year of a date.</summary>
    public static object? FinancialYearStart(object? date) =>
        date is DateOnly d ? new DateOnly(d.Month >= 4 ? d.Year : d.Year - 1, 4, 1) : null;

    /// <summary>Whole days from one date to another.</summary>
    public static object? DaysBetween(object? from, object? to) =>
        from is DateOnly a && to is DateOnly b ? (long)(b.DayNumber - a.DayNumber) : null;

    /// <summary>Whole years from one date to another, as age is counted (month and day compared).</summary>
    public static object? YearsBetween(object? from, object? to)
    {
        if (from is not DateOnly a || to is not DateOnly b)
        {
            return null;
        }

        var years = b.Year - a.Year;
        if ((b.Month, b.Day).CompareTo((a.Month, a.Day)) < 0)
        {
            years--;
        }

        return (long)years;
    }

    /// <summary>A number as a double.</summary>
    public static double ToDouble(object value) => value switch
    {
        long l => l,
        double d => d,
        _ => throw new InvalidOperationException($"{value.GetType().Name} is not a number."),
    };
}

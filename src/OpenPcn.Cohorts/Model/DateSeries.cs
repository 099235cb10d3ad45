namespace OpenPcn.Cohorts.Model;

/// <summary>A date moved by a whole number of days (negative moves back).</summary>
public sealed record AddDays : Series
{
    /// <summary><paramref name="date"/> plus <paramref name="days"/> days.</summary>
    public AddDays(Series date, Series days)
    {
        Require(date.Type == CohortType.Date, $"AddDays needs a date, not {date.Type}.");
        Require(days.Type == CohortType.Integer, $"AddDays needs a whole number of days, not {days.Type}.");
        Domain = Domain.Combine(date.Domain, days.Domain);
        Date = date;
        Days = days;
    }

    /// <summary>The date.</summary>
    public Series Date { get; }

    /// <summary>The days to add.</summary>
    public Series Days { get; }

    /// <inheritdoc />
    public override CohortType Type => CohortType.Date;

    /// <inheritdoc />
    public override Domain Domain { get; }
}

/// <summary>
/// A constant date moved by whole calendar months (12 for a year), the day clamped to the month's end as .NET's
/// <see cref="DateOnly.AddMonths"/> does. Only constants (such as the index date) can be moved by months, because
/// databases disagree about month ends; so it is evaluated once before a query runs.
/// </summary>
public sealed record AddMonths : Series
{
    /// <summary><paramref name="date"/> plus <paramref name="months"/> calendar months.</summary>
    public AddMonths(Series date, int months)
    {
        Require(date.Type == CohortType.Date, $"AddMonths needs a date, not {date.Type}.");
        Require(date.Domain.Kind == DomainKind.Constant, "Only a constant date (such as the index date) can be moved by months; move patient or event dates by days.");
        Date = date;
        Months = months;
    }

    /// <summary>The date.</summary>
    public Series Date { get; }

    /// <summary>The months to add.</summary>
    public int Months { get; }

    /// <inheritdoc />
    public override CohortType Type => CohortType.Date;

    /// <inheritdoc />
    public override Domain Domain => Domain.Constant;
}

/// <summary>1 April of the NHS financial year a constant date falls in (evaluated before a query runs).</summary>
public sealed record FinancialYearStart : Series
{
    /// <summary>The start of the financial year of <paramref name="date"/>.</summary>
    public FinancialYearStart(Series date)
    {
        Require(date.Type == CohortType.Date, $"FinancialYearStart needs a date, not {date.Type}.");
        Require(date.Domain.Kind == DomainKind.Constant, "FinancialYearStart works on a constant date such as the index date.");
        Date = date;
    }

    /// <summary>The date.</summary>
    public Series Date { get; }

    /// <inheritdoc />
    public override CohortType Type => CohortType.Date;

    /// <inheritdoc />
    public override Domain Domain => Domain.Constant;
}

/// <summary>The whole days from one date to another (negative when <see cref="To"/> is earlier).</summary>
public sealed record DaysBetween : Series
{
    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public DaysBetween(Series from, Series to)
    {
        Require(from.Type == CohortType.Date && to.Type == CohortType.Date, $"DaysBetween needs two dates, not {from.Type} and {to.Type}.");
        Domain = Domain.Combine(from.Domain, to.Domain);
        From = from;
        To = to;
    }

    /// <summary>The earlier date.</summary>
    public Series From { get; }

    /// <summary>The later date.</summary>
    public Series To { get; }

    /// <inheritdoc />
    public override CohortType Type => CohortType.Integer;

    /// <inheritdoc />
    public override Domain Domain { get; }
}

/// <summary>
/// Whole years from one date to another, as age is counted: a birthday on 29 February is reached on 1 March in a
/// year without one. Age on a date is <c>YearsBetween(date_of_birth, date)</c>.
/// </summary>
public sealed record YearsBetween : Series
{
    /// <summary>Whole years from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public YearsBetween(Series from, Series to)
    {
        Require(from.Type == CohortType.Date && to.Type == CohortType.Date, $"YearsBetween needs two dates, not {from.Type} and {to.Type}.");
        Domain = Domain.Combine(from.Domain, to.Domain);
        From = from;
        To = to;
    }

    /// <summary>The earlier date (a date of birth).</summary>
    public Series From { get; }

    /// <summary>The later date.</summary>
    public Series To { get; }

    /// <inheritdoc />
    public override CohortType Type => CohortType.Integer;

    /// <inheritdoc />
    public override Domain Domain { get; }
}

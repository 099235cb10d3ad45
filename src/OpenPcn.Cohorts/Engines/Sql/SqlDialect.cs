using System.Globalization;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Engines.Sql;

/// <summary>
/// The few places where SQLite and PostgreSQL differ for <see cref="SqlCohortEngine"/>: literals, date arithmetic,
/// age, decimal casts and null ordering. Everything else is one compiler.
/// </summary>
public abstract class SqlDialect
{
    private protected SqlDialect()
    {
    }

    /// <summary>SQLite (dates as <c>yyyy-MM-dd</c> text, decimals as text, booleans as 0 and 1).</summary>
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    /// <summary>PostgreSQL (dates as <c>date</c>, decimals as <c>numeric</c>).</summary>
    public static SqlDialect Postgres { get; } = new PostgresDialect();

    /// <summary>The database's name, for messages.</summary>
    public abstract string Name { get; }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>A boolean constant.</summary>
    internal abstract string Boolean(bool value);

    /// <summary>A date constant.</summary>
    internal abstract string Date(DateOnly value);

    /// <summary>A decimal (double) constant.</summary>
    internal abstract string Decimal(double value);

    /// <summary>A typed null.</summary>
    internal abstract string Null(CohortType type);

    /// <summary>A stored decimal (TEXT in SQLite, numeric in PostgreSQL) as a double.</summary>
    internal abstract string DecimalColumn(string column);

    /// <summary>A stored small integer as a 64-bit integer.</summary>
    internal virtual string IntegerColumn(string column) => column;

    /// <summary>A date moved by a number of days.</summary>
    internal abstract string AddDays(string date, string days);

    /// <summary>A date moved by a constant number of days.</summary>
    internal virtual string AddDays(string date, long days) => AddDays(date, Integer(days));

    /// <summary>Whole days from one date to another.</summary>
    internal abstract string DaysBetween(string from, string to);

    /// <summary>Whole years from one date to another, as <see cref="Scalar.YearsBetween"/> counts them.</summary>
    internal abstract string YearsBetween(string from, string to);

    /// <summary>The sum of 64-bit integers as a 64-bit integer.</summary>
    internal virtual string IntegerSum(string value) => $"SUM({value})";

    /// <summary>
    /// The patient key as a derived table groups or partitions by it. SQLite's planner would otherwise read a
    /// codelist filter's rows through the (PcnId, PatientId, Date) index to save a sort, scanning every event of the
    /// network instead of the few the (PcnId, Code, Date) index finds; a unary plus hides that ordering from it.
    /// </summary>
    internal virtual string GroupKey(string patientKey) => patientKey;

    /// <summary>
    /// Whether the engine first asks which codes of the query's codelists the events tables hold and lists only those.
    /// SQLite's statistics give one average number of rows per code, so for a list of thousands of codes (the dm+d
    /// lists) it expects more rows than the table has and scans it, where the few codes present are a few index reads.
    /// </summary>
    internal virtual bool CutsCodelists => false;

    /// <summary>An ORDER BY term: ascending with nulls first, or descending with nulls last.</summary>
    internal virtual string OrderBy(string key, bool descending) => descending ? $"{key} DESC NULLS LAST" : $"{key} ASC NULLS FIRST";

    /// <summary>
    /// A WHERE term that reads a left-joined derived table. Written as it is by default; SQLite hides it in a CASE,
    /// because it otherwise turns the LEFT JOINs into inner joins and may then scan one derived table per row of another.
    /// </summary>
    internal virtual string JoinedCondition(string condition) => condition;

    /// <summary>A whole number constant.</summary>
    internal static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A text constant, quotes doubled.</summary>
    internal static string Text(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A double written so that it reads back exactly, always with a fraction or exponent.</summary>
    internal static string Real(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>A value read back from the database as the CLR value of <paramref name="type"/>.</summary>
    internal static object? Read(object? value, CohortType type) => value is null or DBNull ? null : type switch
    {
        CohortType.Boolean => value is bool b ? b : Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
        CohortType.Integer => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        CohortType.Decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        CohortType.Date => value switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"A date came back as {value.GetType().Name}."),
        },
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}

/// <summary>SQLite: dates are <c>yyyy-MM-dd</c> text, so they compare as text and move with <c>date()</c>.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public override string Name => "SQLite";

    internal override string GroupKey(string patientKey) => "+" + patientKey;

    internal override string Boolean(bool value) => value ? "1" : "0";

    internal override string Date(DateOnly value) => Text(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    internal override string Decimal(double value) => Real(value);

    internal override string Null(CohortType type) => "NULL";

    internal override string DecimalColumn(string column) => $"CAST({column} AS REAL)";

    internal override string AddDays(string date, string days) => $"date({date}, ({days}) || ' days')";

    internal override string AddDays(string date, long days) =>
        $"date({date}, '{(days >= 0 ? "+" : string.Empty)}{Integer(days)} days')";

    internal override string DaysBetween(string from, string to) => $"CAST(julianday({to}) - julianday({from}) AS INTEGER)";

    internal override string YearsBetween(string from, string to) =>
        $"(CAST(substr({to}, 1, 4) AS INTEGER) - CAST(substr({from}, 1, 4) AS INTEGER) - (substr({to}, 6, 5) < substr({from}, 6, 5)))";

    internal override string JoinedCondition(string condition) => $"(CASE WHEN {condition} THEN 1 ELSE 0 END) = 1";

    internal override bool CutsCodelists => true;

    // SQLite sorts nulls first ascending and last descending already; saying nothing works on every version.
    internal override string OrderBy(string key, bool descending) => descending ? $"{key} DESC" : key;
}

/// <summary>PostgreSQL: typed literals, date arithmetic in days, numeric cast to double precision.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public override string Name => "PostgreSQL";

    internal override string Boolean(bool value) => value ? "TRUE" : "FALSE";

    internal override string Date(DateOnly value) => $"DATE '{value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";

    internal override string Decimal(double value) => $"CAST({Real(value)} AS double precision)";

    internal override string Null(CohortType type) => type switch
    {
        CohortType.Boolean => "CAST(NULL AS boolean)",
        CohortType.Integer => "CAST(NULL AS bigint)",
        CohortType.Decimal => "CAST(NULL AS double precision)",
        CohortType.Date => "CAST(NULL AS date)",
        _ => "CAST(NULL AS text)",
    };

    internal override string DecimalColumn(string column) => $"CAST({column} AS double precision)";

    internal override string IntegerColumn(string column) => $"CAST({column} AS bigint)";

    internal override string AddDays(string date, string days) => $"({date} + CAST({days} AS integer))";

    internal override string AddDays(string date, long days) => $"({date} + {Integer(days)})";

    internal override string DaysBetween(string from, string to) => $"CAST({to} - {from} AS bigint)";

    internal override string YearsBetween(string from, string to) =>
        $"(CAST(EXTRACT(YEAR FROM {to}) AS bigint) - CAST(EXTRACT(YEAR FROM {from}) AS bigint)"
        + $" - CASE WHEN EXTRACT(MONTH FROM {to}) * 100 + EXTRACT(DAY FROM {to}) < EXTRACT(MONTH FROM {from}) * 100 + EXTRACT(DAY FROM {from}) THEN 1 ELSE 0 END)";

    internal override string IntegerSum(string value) => $"CAST(SUM({value}) AS bigint)";
}

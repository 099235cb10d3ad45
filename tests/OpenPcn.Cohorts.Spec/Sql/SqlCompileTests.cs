using System.Text.RegularExpressions;
using OpenPcn.Cohorts.Engines.Sql;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Spec.Sql;

/// <summary>The shape of the SQL the compiler writes (no database needed).</summary>
public sealed class SqlCompileTests
{
    private static readonly DateOnly IndexDate = new(2026, 11, 23);
    private static readonly Codelist Hypertension = new("HYP_COD", "1", ["38341003", "1201005"]);

    private static string Compile(SqlDialect dialect, BoolExpr population, params Expr[] columns) =>
        new SqlCohortEngine(null!, dialect, 1).Compile(
            new CohortQuery(population.Series, columns.Select((c, i) => new QueryColumn($"c{i}", c.Series)).ToList()),
            IndexDate);

    private static int Occurrences(string sql, string text) => Regex.Count(sql, Regex.Escape(text));

    public static TheoryData<string> Dialects => new("sqlite", "postgres");

    private static SqlDialect Dialect(string name) => name == "sqlite" ? SqlDialect.Sqlite : SqlDialect.Postgres;

    [Theory, MemberData(nameof(Dialects))]
    public void Compile_AggregatesOfOneFrame_ShareOneDerivedTable(string dialect)
    {
        var bp = Cohort.ClinicalEvents.Where(e => e.Code.Is("bp") & (e.Date <= Cohort.IndexDate));
        var sameBp = Cohort.ClinicalEvents.Where(e => e.Code.Is("bp") & (e.Date <= Cohort.IndexDate));

        var sql = Compile(Dialect(dialect), bp.Exists(), bp.Count(), sameBp.Maximum(e => e.Value), bp.Minimum(e => e.Date));

        Assert.Equal(1, Occurrences(sql, "GROUP BY"));
        Assert.Equal(1, Occurrences(sql, "LEFT JOIN agg0 ON"));
    }

    [Theory, MemberData(nameof(Dialects))]
    public void Compile_PickedRowUsedTwice_IsOneWindow(string dialect)
    {
        var latest = Cohort.ClinicalEvents.WithCode(Hypertension).Latest(e => e.Date);

        var sql = Compile(Dialect(dialect), latest.Value > 140, latest.Date, latest.Code, Cohort.ClinicalEvents.WithCode(Hypertension).Count());

        Assert.Equal(1, Occurrences(sql, "ROW_NUMBER()"));
        Assert.Equal(1, Occurrences(sql, "GROUP BY"));
    }

    [Theory, MemberData(nameof(Dialects))]
    public void Compile_EveryTable_IsScopedToTheNetwork(string dialect)
    {
        var latest = Cohort.ClinicalEvents.Where(e => e.Date > Cohort.Patients.DateOfBirth).Latest(e => e.Date);

        var sql = Compile(Dialect(dialect), latest.Value > 140, Cohort.Medications.Count(), Cohort.Registrations.Exists());

        // Every read of a table is scoped: event rows by e."PcnId", patients (the cohort and the report) by p."PcnId".
        Assert.Equal(Occurrences(sql, "FROM \""), Occurrences(sql, "e.\"PcnId\" = @pcn") + Occurrences(sql, "WHERE p.\"PcnId\" = @pcn"));
        Assert.Contains("p.\"PcnId\" = @pcn AND p.\"PatientId\" = e.\"PatientId\"", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE p.\"PcnId\" = @pcn", sql, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Dialects))]
    public void Compile_KindCompared_UsesStoredNumber(string dialect)
    {
        var sql = Compile(Dialect(dialect), Cohort.ClinicalEvents.Where(e => e.Kind.Is("observation")).Exists() & Cohort.Patients.Sex.IsNot("male"));

        Assert.Contains("(e.\"Kind\" = 2)", sql, StringComparison.Ordinal);
        Assert.Contains("(p.\"Sex\" <> 2)", sql, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Dialects))]
    public void Compile_TextWithQuotes_IsEscaped(string dialect)
    {
        var codelist = new Codelist("ODD", "1", ["a'; DROP TABLE \"Patients\"; --"]);

        var sql = Compile(Dialect(dialect), Cohort.ClinicalEvents.WithCode(codelist).Exists() | Cohort.Patients.Lsoa.Is("x'y"));

        Assert.Contains("'a''; DROP TABLE \"Patients\"; --'", sql, StringComparison.Ordinal);
        Assert.Contains("'x''y'", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_AggregateOfFrameUsingItsOwnAggregate_DoesNotJoinItself()
    {
        var bp = Cohort.ClinicalEvents.Where(e => e.Code.Is("bp"));

        var sql = Compile(SqlDialect.Postgres, true, bp.Sum(e => Cohort.If<IntExpr>(e.Value.Is(bp.Maximum(x => x.Value)), 1L, 0L)));

        Assert.Equal(2, Occurrences(sql, "GROUP BY"));
        Assert.True(sql.IndexOf("agg1 AS", StringComparison.Ordinal) < sql.IndexOf("agg0 AS", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_ConstantsFolded_IndexDateIsALiteral()
    {
        var sqlite = Compile(SqlDialect.Sqlite, Cohort.ClinicalEvents.Where(e => e.Date > Cohort.IndexDate.AddYears(-1)).Exists());
        var postgres = Compile(SqlDialect.Postgres, Cohort.ClinicalEvents.Where(e => e.Date > Cohort.IndexDate.AddYears(-1)).Exists());

        Assert.Contains("(e.\"Date\" > '2025-11-23')", sqlite, StringComparison.Ordinal);
        Assert.Contains("(e.\"Date\" > DATE '2025-11-23')", postgres, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SqliteTermReadingDerivedTable_InnerJoinsWhenTheTermNeedsItsRow()
    {
        var diagnosed = Cohort.ClinicalEvents.WithCode(Hypertension).Maximum(e => e.Date);
        var after = Cohort.ClinicalEvents.Where(e => e.Code.Is("bp") & (e.Date > diagnosed));

        // A count, not Exists: a top-level Exists compiles to a correlated EXISTS, not a derived table.
        var sql = Compile(SqlDialect.Sqlite, (after.Count() > 0) & (Cohort.Patients.DeprivationDecile < 3));
        var postgres = Compile(SqlDialect.Postgres, (after.Count() > 0) & (Cohort.Patients.DeprivationDecile < 3));

        Assert.Contains("AND ((e.\"Code\" = 'bp'))", sql, StringComparison.Ordinal);
        // date > max(...) is null without agg1's row, so the join is inner and the term plain (an index may serve it);
        // a count is 0 without agg0's row, so that join stays left and SQLite's term is hidden in a CASE.
        Assert.Contains("JOIN agg1 ON agg1.pid = e.\"PatientId\"", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("LEFT JOIN agg1", sql, StringComparison.Ordinal);
        Assert.Contains("AND ((e.\"Date\" > agg1.v0))", sql, StringComparison.Ordinal);
        Assert.Contains("LEFT JOIN agg0 ON agg0.pid = p.\"PatientId\"", sql, StringComparison.Ordinal);
        Assert.Contains("AND ((CASE WHEN (COALESCE(agg0.v0, 0) > 0.0) THEN 1 ELSE 0 END) = 1)", sql, StringComparison.Ordinal);
        Assert.Contains("AND ((p.\"DeprivationDecile\" < 3.0))", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("CASE WHEN (e.", postgres, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Dialects))]
    public void Compile_OnRegister_StartsFromTheDiagnosesAndReadsCodesThroughTheirIndex(string dialect)
    {
        var resolved = new Codelist("HYPRES_COD", "1", ["162659009"]);
        var reading = Cohort.ClinicalEvents.Where(e => e.Code.Is("bp")).Latest(e => e.Date);

        var sql = Compile(Dialect(dialect), Cohort.OnRegister(Hypertension, resolved, Cohort.IndexDate),
            Cohort.ClinicalEvents.WithCode(Hypertension).Latest(e => e.Date).Code, reading.Value);

        // "latest diagnosis is not null" fails without a diagnosis row, so the cohort joins the diagnoses (inner) and the
        // database can start from them rather than from every patient.
        Assert.Matches(@"\n  JOIN agg\d ON", sql);
        // The reported diagnosis code is picked from the codelist's rows for every patient (the code index finds them);
        // the reading picked from a code test without a codelist keeps to the cohort's patients.
        Assert.Equal(1, Occurrences(sql, "IN (SELECT pid FROM cohort))) ranked"));
    }

    [Theory, MemberData(nameof(Dialects))]
    public void Compile_ExistsOverPatients_IsCorrelatedExists(string dialect)
    {
        var registered = Cohort.Registrations.Where(r => r.EndDate.IsNull()).Exists();

        var sql = Compile(Dialect(dialect), registered);

        Assert.Contains("EXISTS (SELECT 1 FROM \"Registrations\" e", sql, StringComparison.Ordinal);
        Assert.Contains("(e.\"PatientId\" = p.\"PatientId\")", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("agg0", sql, StringComparison.Ordinal);
    }
}

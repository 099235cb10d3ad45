using System.Globalization;
using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Benchmarks;

/// <summary>
/// The baseline for the cohort engine: three built-in definitions written by hand as one SQL query each, the way a
/// developer who knows the schema would write them (GROUP BY per codelist, correlated subqueries for the latest row,
/// EXISTS for registration). They must return the same patients as the engine; the run checks that.
/// </summary>
internal static class HandWrittenSql
{
    public static IReadOnlyList<(string Name, string Sql)> Queries(CodelistLibrary codelists, DateOnly index, bool postgres)
    {
        var idx = Date(index);
        var sixMonthsAgo = Date(index.AddMonths(-6));
        string In(string id) => List(codelists.Get(id));
        var age = postgres
            ? $"(EXTRACT(YEAR FROM {idx}::date)::int - EXTRACT(YEAR FROM p.\"DateOfBirth\")::int - CASE WHEN to_char({idx}::date, 'MM-DD') < to_char(p.\"DateOfBirth\", 'MM-DD') THEN 1 ELSE 0 END)"
            : $"(CAST(strftime('%Y', {idx}) AS INTEGER) - CAST(strftime('%Y', p.\"DateOfBirth\") AS INTEGER) - (strftime('%m-%d', {idx}) < strftime('%m-%d', p.\"DateOfBirth\")))";
        var value = postgres ? "e.\"Value\"::double precision" : "CAST(e.\"Value\" AS REAL)";
        var registered = $"""
            (p."DateOfDeath" IS NULL OR p."DateOfDeath" > {idx})
              AND EXISTS (SELECT 1 FROM "Registrations" r WHERE r."PcnId" = @pcn AND r."PatientId" = p."PatientId"
                          AND (r."Start" IS NULL OR r."Start" <= {idx}) AND (r."End" IS NULL OR r."End" >= {idx}))
            """;
        var hypertension = $"""
            WITH diag AS (SELECT "PatientId", MAX("Date") AS d FROM "ClinicalEvents"
                          WHERE "PcnId" = @pcn AND "Code" IN {In("HYP_COD")} AND "Date" <= {idx} GROUP BY "PatientId"),
                 res AS (SELECT "PatientId", MAX("Date") AS d FROM "ClinicalEvents"
                         WHERE "PcnId" = @pcn AND "Code" IN {In("HYPRES_COD")} AND "Date" <= {idx} GROUP BY "PatientId")
            SELECT p."PatientId",
                   (SELECT e."Code" FROM "ClinicalEvents" e WHERE e."PcnId" = @pcn AND e."PatientId" = p."PatientId"
                      AND e."Code" IN {In("HYP_COD")} AND e."Date" <= {idx}
                    ORDER BY e."Date" DESC, e."SourceKey" DESC, e."Seq" DESC LIMIT 1) AS diagnosis_code,
                   diag.d AS diagnosis_date, {age} AS age
            FROM "Patients" p JOIN diag ON diag."PatientId" = p."PatientId" LEFT JOIN res ON res."PatientId" = p."PatientId"
            WHERE p."PcnId" = @pcn AND (res.d IS NULL OR diag.d > res.d) AND {registered}
            ORDER BY p."PatientId"
            """;
        var af = $"""
            WITH af AS (SELECT "PatientId", MAX("Date") AS d FROM "ClinicalEvents"
                        WHERE "PcnId" = @pcn AND "Code" IN {In("AFIB_COD")} AND "Date" <= {idx} GROUP BY "PatientId"),
                 issued AS (SELECT "PatientId", MAX("Date") AS last_issue, MAX(CASE WHEN "Date" >= {sixMonthsAgo} THEN 1 ELSE 0 END) AS recent
                            FROM "MedicationRecords" WHERE "PcnId" = @pcn AND "Kind" = 1 AND "Code" IN {In("ANTICOAGULANTS")}
                              AND "Date" <= {idx} GROUP BY "PatientId")
            SELECT p."PatientId", af.d AS af_date, issued.last_issue
            FROM "Patients" p JOIN af ON af."PatientId" = p."PatientId" LEFT JOIN issued ON issued."PatientId" = p."PatientId"
            WHERE p."PcnId" = @pcn AND COALESCE(issued.recent, 0) = 0 AND {registered}
            ORDER BY p."PatientId"
            """;
        var cholesterol = $"""
            WITH latest AS (SELECT "PatientId", "Value", "Date" FROM (
                              SELECT e."PatientId", {value} AS "Value", e."Date",
                                     ROW_NUMBER() OVER (PARTITION BY e."PatientId" ORDER BY e."Date" DESC, e."SourceKey" DESC, e."Seq" DESC) AS n
                              FROM "ClinicalEvents" e WHERE e."PcnId" = @pcn AND e."Code" IN {In("TOTAL_CHOLESTEROL")}
                                AND e."Value" IS NOT NULL AND e."Date" <= {idx}) ranked WHERE n = 1)
            SELECT p."PatientId", latest."Value" AS cholesterol, latest."Date" AS cholesterol_date
            FROM "Patients" p JOIN latest ON latest."PatientId" = p."PatientId"
            WHERE p."PcnId" = @pcn AND latest."Value" > 7.5 AND {age} >= 18 AND {registered}
            ORDER BY p."PatientId"
            """;
        return [("hypertension-register", hypertension), ("af-without-anticoagulant", af), ("possible-familial-hypercholesterolaemia", cholesterol)];
    }

    private static string Date(DateOnly date) => "'" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'";

    private static string List(Codelist codelist) =>
        "(" + string.Join(", ", codelist.Codes.Select(c => "'" + c.Replace("'", "''", StringComparison.Ordinal) + "'")) + ")";
}

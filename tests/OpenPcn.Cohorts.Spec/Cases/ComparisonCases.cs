using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class ComparisonCases
{
    private const string Deciles = """
        patients
        patient | deprivation_decile
        1       | 3
        2       | 5
        3       | 7
        4       |
        """;

    private const string Births = """
        patients
        patient | date_of_death
        1       | 1999-12-31
        2       | 2000-01-01
        3       | 2000-01-02
        4       |
        """;

    private const string Readings = """
        patients
        patient | sex
        1       | female
        2       | male
        3       | female

        clinical_events
        patient | code | date       | value
        1       | sys  | 2025-01-01 | 140
        2       | sys  | 2025-01-01 | 139.5
        """;

    public static SpecSection Section { get; } = new SpecSection(
            "comparisons",
            "Comparing values",
            "Numbers (whole and decimal together) and dates compare with `<`, `<=`, `>`, `>=`, `Is` and `IsNot`; text compares only for equality. Comparing with null gives null.")
        .Case("Less than", "", Deciles, Cohort.Patients.DeprivationDecile < 5, """
            patient | value
            1       | T
            2       | F
            3       | F
            4       |
            """)
        .Case("At most", "", Deciles, Cohort.Patients.DeprivationDecile <= 5, """
            patient | value
            1       | T
            2       | T
            3       | F
            4       |
            """)
        .Case("Greater than", "", Deciles, Cohort.Patients.DeprivationDecile > 5, """
            patient | value
            1       | F
            2       | F
            3       | T
            4       |
            """)
        .Case("At least", "", Deciles, Cohort.Patients.DeprivationDecile.AtLeast(5), """
            patient | value
            1       | F
            2       | T
            3       | T
            4       |
            """)
        .Case("Equal numbers", "", Deciles, Cohort.Patients.DeprivationDecile.Is(5), """
            patient | value
            1       | F
            2       | T
            3       | F
            4       |
            """)
        .Case("Different numbers", "", Deciles, Cohort.Patients.DeprivationDecile.IsNot(5), """
            patient | value
            1       | T
            2       | F
            3       | T
            4       |
            """)
        .Case("A whole number with a decimal", "", Deciles, Cohort.Patients.DeprivationDecile.GreaterThan(4.5) & Cohort.Patients.DeprivationDecile.LessThan(6.5), """
            patient | value
            1       | F
            2       | T
            3       | F
            4       |
            """)
        .Case("A decimal measurement", "", Readings, Cohort.ClinicalEvents.Latest(e => e.Date).Value >= 140, """
            patient | value
            1       | T
            2       | F
            3       |
            """)
        .Case("Before", "", Births, Cohort.Patients.DateOfDeath.IsBefore(new DateOnly(2000, 1, 1)), """
            patient | value
            1       | T
            2       | F
            3       | F
            4       |
            """)
        .Case("On or before", "", Births, Cohort.Patients.DateOfDeath.IsOnOrBefore(new DateOnly(2000, 1, 1)), """
            patient | value
            1       | T
            2       | T
            3       | F
            4       |
            """)
        .Case("After", "", Births, Cohort.Patients.DateOfDeath.IsAfter(new DateOnly(2000, 1, 1)), """
            patient | value
            1       | F
            2       | F
            3       | T
            4       |
            """)
        .Case("On or after", "", Births, Cohort.Patients.DateOfDeath.IsOnOrAfter(new DateOnly(2000, 1, 1)) & (Cohort.Patients.DateOfDeath >= new DateOnly(2000, 1, 1)), """
            patient | value
            1       | F
            2       | T
            3       | T
            4       |
            """)
        .Case("Same day", "", Births, Cohort.Patients.DateOfDeath.Is(new DateOnly(2000, 1, 1)), """
            patient | value
            1       | F
            2       | T
            3       | F
            4       |
            """)
        .Case("Between, both ends included", "", Births, Cohort.Patients.DateOfDeath.IsBetween(new DateOnly(2000, 1, 1), new DateOnly(2000, 1, 2)), """
            patient | value
            1       | F
            2       | T
            3       | T
            4       |
            """)
        .Case("Equal text", "", """
            patients
            patient | ethnic_category
            1       | A
            2       | B
            3       |
            """, Cohort.Patients.EthnicCategory.Is("A"), """
            patient | value
            1       | T
            2       | F
            3       |
            """)
        .Case("Different text", "", """
            patients
            patient | ethnic_category
            1       | A
            2       | B
            3       |
            """, Cohort.Patients.EthnicCategory.IsNot("A"), """
            patient | value
            1       | F
            2       | T
            3       |
            """);
}

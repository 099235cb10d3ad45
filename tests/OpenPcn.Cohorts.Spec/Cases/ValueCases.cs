using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class ValueCases
{
    private const string TwoPatients = """
        patients
        patient | lsoa
        1       | E01000001
        2       |
        """;

    public static SpecSection Section { get; } = new SpecSection(
            "values",
            "Constants, the index date and nulls",
            "Constants have a type: true/false, whole numbers, decimals, dates and text. The index date is the date the definition is run for. `IsNull()` and `IsNotNull()` are never null themselves.")
        .Case("A whole-number constant", "", TwoPatients, (IntExpr)42, """
            patient | value
            1       | 42
            2       | 42
            """)
        .Case("A decimal constant", "", TwoPatients, (DecimalExpr)7.5, """
            patient | value
            1       | 7.5
            2       | 7.5
            """)
        .Case("A text constant", "", TwoPatients, (TextExpr)"A81001", """
            patient | value
            1       | A81001
            2       | A81001
            """)
        .Case("A boolean constant", "", TwoPatients, (BoolExpr)false, """
            patient | value
            1       | F
            2       | F
            """)
        .Case("The index date", "The date the definition is run for.", TwoPatients, Cohort.IndexDate, """
            patient | value
            1       | 2025-06-30
            2       | 2025-06-30
            """)
        .Case("A typed null", "", TwoPatients, Cohort.Null<DateExpr>(), """
            patient | value
            1       |
            2       |
            """)
        .Case("A null constant in the model", "", TwoPatients, new Value(null, CohortType.Text), """
            patient | value
            1       |
            2       |
            """)
        .Case("Is null", "", TwoPatients, Cohort.Patients.Lsoa.IsNull(), """
            patient | value
            1       | F
            2       | T
            """)
        .Case("Is not null", "", TwoPatients, Cohort.Patients.Lsoa.IsNotNull(), """
            patient | value
            1       | T
            2       | F
            """)
        .Case("A column by name", "`Column(name)` reads a column by its name.", """
            patients
            patient | sex
            1       | male

            clinical_events
            patient | code | date
            1       | a    | 2024-01-01
            1       | b    | 2024-02-01
            """,
            Cohort.ClinicalEvents.Latest(e => e.Date).Column("code"),
            """
            patient | value
            1       | b
            """);
}

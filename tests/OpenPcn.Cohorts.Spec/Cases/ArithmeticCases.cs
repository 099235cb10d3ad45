using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class ArithmeticCases
{
    private const string Deciles = """
        patients
        patient | deprivation_decile
        1       | 3
        2       | 10
        3       |
        """;

    public static SpecSection Section { get; } = new SpecSection(
            "arithmetic",
            "Adding and subtracting numbers",
            "Whole numbers add to whole numbers; with a decimal on either side the result is a decimal. A null operand gives null.")
        .Case("Add whole numbers", "", Deciles, Cohort.Patients.DeprivationDecile + 1, """
            patient | value
            1       | 4
            2       | 11
            3       |
            """)
        .Case("Subtract whole numbers", "", Deciles, Cohort.Patients.DeprivationDecile.Subtract(10).Add(2), """
            patient | value
            1       | -5
            2       | 2
            3       |
            """)
        .Case("A whole number plus a decimal is a decimal", "", Deciles,
            new Binary(BinaryOperator.Add, Cohort.Patients.DeprivationDecile.Series, new Value(0.5, CohortType.Decimal)), """
            patient | value
            1       | 3.5
            2       | 10.5
            3       |
            """)
        .Case("Subtract decimals", "", """
            patients
            patient | sex
            1       | female
            2       | male

            clinical_events
            patient | code | date       | value
            1       | sys  | 2025-01-01 | 152.5
            """,
            new Binary(BinaryOperator.Subtract, Cohort.ClinicalEvents.Latest(e => e.Date).Value.Series, new Value(140.25, CohortType.Decimal)), """
            patient | value
            1       | 12.25
            2       |
            """);
}

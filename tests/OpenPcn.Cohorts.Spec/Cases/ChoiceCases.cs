using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class ChoiceCases
{
    private const string Deciles = """
        patients
        patient | deprivation_decile | ethnic_category
        1       | 1                  | A
        2       | 5                  |
        3       | 9                  | B
        4       |                    |
        """;

    public static SpecSection Section { get; } = new SpecSection(
            "choices",
            "Choosing values",
            "`Cohort.If(condition, then, otherwise)` is `then` where the condition is true, and `otherwise` where it is false or null (null when there is no otherwise); chain them for more branches. `Or(fallback)` on any value is the value, or the fallback where it is null.")
        .Case("If with an otherwise", "", Deciles, Cohort.If(Cohort.Patients.DeprivationDecile <= 2, (TextExpr)"most deprived", "other"), """
            patient | value
            1       | most deprived
            2       | other
            3       | other
            4       | other
            """)
        .Case("If without an otherwise", "", Deciles, Cohort.If(Cohort.Patients.DeprivationDecile <= 2, (IntExpr)1), """
            patient | value
            1       | 1
            2       |
            3       |
            4       |
            """)
        .Case("Chained branches", "Deprivation quintile from the decile.", Deciles,
            Cohort.If(Cohort.Patients.DeprivationDecile <= 2, (IntExpr)1, Cohort.If(Cohort.Patients.DeprivationDecile <= 4, (IntExpr)2, Cohort.If(Cohort.Patients.DeprivationDecile <= 6, (IntExpr)3, Cohort.If(Cohort.Patients.DeprivationDecile <= 8, (IntExpr)4, Cohort.If(Cohort.Patients.DeprivationDecile <= 10, (IntExpr)5))))), """
            patient | value
            1       | 1
            2       | 3
            3       | 5
            4       |
            """)
        .Case("A case in the model", "", Deciles, new Case(new Unary(UnaryOperator.IsNull, Cohort.Patients.DeprivationDecile.Series), new Value(true, CohortType.Boolean), null), """
            patient | value
            1       |
            2       |
            3       |
            4       | T
            """)
        .Case("Fallback for text", "", Deciles, Cohort.Patients.EthnicCategory.Or("Z"), """
            patient | value
            1       | A
            2       | Z
            3       | B
            4       | Z
            """)
        .Case("Fallback for numbers", "", Deciles, Cohort.Patients.DeprivationDecile.Or(0), """
            patient | value
            1       | 1
            2       | 5
            3       | 9
            4       | 0
            """)
        .Case("Fallback for decimals and dates", "", """
            patients
            patient | date_of_death
            1       | 2024-01-01
            2       |

            clinical_events
            patient | code | date       | value
            1       | sys  | 2025-01-01 | 120
            """, Cohort.If(Cohort.Patients.DateOfDeath.Or(Cohort.IndexDate).Is(Cohort.IndexDate), Cohort.ClinicalEvents.Maximum(e => e.Value).Or(-1.5), 99.5), """
            patient | value
            1       | 99.5
            2       | -1.5
            """)
        .Case("Fallback from another value", "", Deciles, new Coalesce(Cohort.Patients.EthnicCategory.Series, Cohort.If(Cohort.Patients.DeprivationDecile > 3, (TextExpr)"high").Series), """
            patient | value
            1       | A
            2       | high
            3       | B
            4       |
            """);
}

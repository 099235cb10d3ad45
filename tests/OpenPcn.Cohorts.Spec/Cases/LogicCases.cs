using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class LogicCases
{
    /// <summary>Every pair of true, false and null: decile at most 5 (a) and ethnic category A (b).</summary>
    private const string TruthTable = """
        patients
        patient | deprivation_decile | ethnic_category
        1       | 3                  | A
        2       | 3                  | B
        3       | 3                  |
        4       | 8                  | A
        5       | 8                  | B
        6       | 8                  |
        7       |                    | A
        8       |                    | B
        9       |                    |
        """;

    private static BoolExpr A => Cohort.Patients.DeprivationDecile <= 5;

    private static BoolExpr B => Cohort.Patients.EthnicCategory.Is("A");

    public static SpecSection Section { get; } = new SpecSection(
            "logic",
            "True, false and null",
            "And, or and not follow SQL's three-valued logic: false and null is false, true or null is true, and otherwise a null operand gives null. `&&` and `||` mean the same as `&` and `|` (both sides are always part of the query). In these cases `A` is `Cohort.Patients.DeprivationDecile <= 5` and `B` is `Cohort.Patients.EthnicCategory.Is(\"A\")`; both are null where the column is.")
        .Case("And", "", TruthTable, A & B, """
            patient | value
            1       | T
            2       | F
            3       |
            4       | F
            5       | F
            6       | F
            7       |
            8       | F
            9       |
            """)
        .Case("Or", "", TruthTable, A | B, """
            patient | value
            1       | T
            2       | T
            3       | T
            4       | T
            5       | F
            6       |
            7       | T
            8       |
            9       |
            """)
        .Case("Not", "Not null is null.", TruthTable, !A, """
            patient | value
            1       | F
            2       | F
            3       | F
            4       | T
            5       | T
            6       | T
            7       |
            8       |
            9       |
            """)
        .Case("Short-circuit operators mean the same", "", TruthTable, A && B || !A, """
            patient | value
            1       | T
            2       | F
            3       |
            4       | T
            5       | T
            6       | T
            7       |
            8       |
            9       |
            """)
        .Case("Methods for languages without operators", "", TruthTable, A.And(B.Not()).Or(B), """
            patient | value
            1       | T
            2       | T
            3       |
            4       | T
            5       | F
            6       |
            7       | T
            8       |
            9       |
            """)
        .Case("Null as false", "`OrFalse()` turns null into false.", TruthTable, (A & B).OrFalse(), """
            patient | value
            1       | T
            2       | F
            3       | F
            4       | F
            5       | F
            6       | F
            7       | F
            8       | F
            9       | F
            """);
}

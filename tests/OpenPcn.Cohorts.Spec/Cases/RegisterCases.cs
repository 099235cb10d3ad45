using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class RegisterCases
{
    private const string Records = """
        patients
        patient | sex
        1       | female
        2       | male
        3       | female
        4       | male
        5       | female
        6       | male

        clinical_events
        patient | code   | date
        1       | hyp1   | 2020-01-01
        2       | hyp1   | 2020-01-01
        2       | hypres | 2021-01-01
        3       | hypres | 2019-01-01
        3       | hyp2   | 2022-01-01
        4       | hyp1   | 2022-01-01
        4       | hypres | 2022-01-01
        5       | hyp1   | 2025-07-01
        6       | hypres | 2020-01-01
        """;

    public static SpecSection Section { get; } = new SpecSection(
            "registers",
            "NHS registers",
            "`Cohort.OnRegister(diagnosis, resolved, asOf)` is the QOF register rule: the patient has a diagnosis code on or before the date, and the latest diagnosis is after the latest resolved code (a resolved code on the same day takes the patient off). In these cases `SpecCodelists.Hypertension` is `HYP_COD` (hyp1, hyp2) and `SpecCodelists.HypertensionResolved` is `HYPRES_COD` (hypres).")
        .Case("On the register", "1: diagnosed; 2: resolved later; 3: diagnosed again after resolved; 4: resolved the same day; 5: diagnosed after the index date; 6: only resolved.", Records,
            Cohort.OnRegister(SpecCodelists.Hypertension, SpecCodelists.HypertensionResolved, Cohort.IndexDate), """
            patient | value
            1       | T
            2       | F
            3       | T
            4       | F
            5       | F
            6       | F
            """)
        .Case("A register without resolved codes", "", Records,
            Cohort.OnRegister(SpecCodelists.Hypertension, null, Cohort.IndexDate), """
            patient | value
            1       | T
            2       | T
            3       | T
            4       | T
            5       | F
            6       | F
            """)
        .Case("On the register on an earlier date", "", Records,
            Cohort.OnRegister(SpecCodelists.Hypertension, SpecCodelists.HypertensionResolved, new DateOnly(2020, 6, 1)), """
            patient | value
            1       | T
            2       | T
            3       | F
            4       | F
            5       | F
            6       | F
            """);
}

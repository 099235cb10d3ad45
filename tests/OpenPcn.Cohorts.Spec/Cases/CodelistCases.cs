using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class CodelistCases
{
    private static readonly Model.Codelist Hypertension = SpecCodelists.Hypertension;

    private static readonly Model.Codelist Statins = SpecCodelists.Statins;

    public static SpecSection Section { get; } = new SpecSection(
            "codelists",
            "Codelists",
            "A codelist is a versioned set of codes (here `Hypertension` is `HYP_COD`, holding hyp1 and hyp2, and `Statins` is `STATIN_DRUGS`, holding atorva and simva). `IsIn(codelist)` is null for a null code; `WithCode(codelist)` keeps the rows whose code is in the list.")
        .Case("With a code in the list", "", """
            patients
            patient | sex
            1       | female
            2       | male
            3       | male

            clinical_events
            patient | code  | date
            1       | hyp1  | 2020-01-01
            1       | other | 2021-01-01
            2       | hyp2  | 2022-01-01
            3       | other | 2022-01-01
            """, Cohort.ClinicalEvents.WithCode(Hypertension).Count(), """
            patient | value
            1       | 1
            2       | 1
            3       | 0
            """)
        .Case("A code in a list per row", "Membership is a value of each row, which can be picked.", """
            patients
            patient | sex
            1       | female
            2       | male
            3       | male

            clinical_events
            patient | code  | date
            1       | hyp1  | 2020-01-01
            1       | other | 2021-01-01
            2       | other | 2020-01-01
            2       | hyp2  | 2022-01-01
            """, Cohort.ClinicalEvents.Latest(e => e.Date).Code.IsIn(Hypertension), """
            patient | value
            1       | F
            2       | T
            3       |
            """)
        .Case("Medicines in a list", "", """
            patients
            patient | sex
            1       | female
            2       | male

            medications
            patient | kind            | code    | date
            1       | issue           | atorva  | 2025-01-01
            1       | repeat_template | simva   | 2025-01-01
            1       | issue           | aspirin | 2025-02-01
            2       | issue           | aspirin | 2025-02-01
            """, Cohort.Medications.WithCode(Statins).Where(m => m.Kind.Is("issue")).Exists(), """
            patient | value
            1       | T
            2       | F
            """);
}

using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class AggregateCases
{
    private const string Readings = """
        patients
        patient | sex
        1       | female
        2       | male
        3       | female

        clinical_events
        patient | code | date       | value
        1       | sys  | 2024-01-01 | 150
        1       | sys  | 2025-01-01 | 130.5
        1       | dia  | 2023-01-01 |
        1       | sys  | 2023-01-01 | 150
        2       | dia  | 2025-01-01 |
        """;

    public static SpecSection Section { get; } = new SpecSection(
            "aggregates",
            "Aggregating event rows",
            "Aggregations give one value per patient. With no rows, `Exists` is false and `Count` and `CountDistinct` are 0. `Minimum`, `Maximum` and `Sum` ignore nulls and are null when there is no non-null value; `CountDistinct` does not count null.")
        .Case("Exists", "", Readings, Cohort.ClinicalEvents.Exists(), """
            patient | value
            1       | T
            2       | T
            3       | F
            """)
        .Case("Count", "", Readings, Cohort.ClinicalEvents.Count(), """
            patient | value
            1       | 4
            2       | 1
            3       | 0
            """)
        .Case("Count distinct", "", Readings, Cohort.ClinicalEvents.CountDistinct(e => e.Value), """
            patient | value
            1       | 2
            2       | 0
            3       | 0
            """)
        .Case("Count distinct text", "", Readings, Cohort.ClinicalEvents.CountDistinct(e => e.Code), """
            patient | value
            1       | 2
            2       | 1
            3       | 0
            """)
        .Case("Count distinct dates", "", Readings, Cohort.ClinicalEvents.CountDistinct(e => e.Date), """
            patient | value
            1       | 3
            2       | 1
            3       | 0
            """)
        .Case("Minimum of a measurement", "", Readings, Cohort.ClinicalEvents.Minimum(e => e.Value), """
            patient | value
            1       | 130.5
            2       |
            3       |
            """)
        .Case("Maximum of a measurement", "", Readings, Cohort.ClinicalEvents.Maximum(e => e.Value), """
            patient | value
            1       | 150
            2       |
            3       |
            """)
        .Case("Earliest and latest dates", "", Readings, Cohort.ClinicalEvents.Minimum(e => e.Date).DaysUntil(Cohort.ClinicalEvents.Maximum(e => e.Date)), """
            patient | value
            1       | 731
            2       | 0
            3       |
            """)
        .Case("Sum of a measurement", "", Readings, Cohort.ClinicalEvents.Sum(e => e.Value), """
            patient | value
            1       | 430.5
            2       |
            3       |
            """)
        .Case("Sum of whole numbers", "", Readings, Cohort.ClinicalEvents.Sum(e => e.Date.DaysUntil(new DateOnly(2025, 1, 1))), """
            patient | value
            1       | 1828
            2       | 0
            3       |
            """)
        .Case("Maximum of a whole number", "", Readings, Cohort.ClinicalEvents.Maximum(e => e.Date.YearsUntil(Cohort.IndexDate)), """
            patient | value
            1       | 2
            2       | 0
            3       |
            """)
        .Case("Aggregating a patient value per row", "A patient value is the same on each of the patient's rows.", """
            patients
            patient | deprivation_decile
            1       | 4
            2       |

            clinical_events
            patient | code | date
            1       | a    | 2025-01-01
            1       | a    | 2025-01-02
            2       | a    | 2025-01-01
            """, Cohort.ClinicalEvents.Sum(e => Cohort.Patients.DeprivationDecile), """
            patient | value
            1       | 8
            2       |
            """)
        .Case("Aggregating medicines", "", """
            patients
            patient | sex
            1       | female
            2       | male

            medications
            patient | kind  | code   | date       | quantity
            1       | issue | atorva | 2025-01-01 | 28
            1       | issue | atorva | 2025-02-01 | 28
            1       | issue | simva  | 2025-03-01 | 56
            """, Cohort.Medications.CountDistinct(m => m.Code) + Cohort.Medications.Count(), """
            patient | value
            1       | 5
            2       | 0
            """);
}

using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class PatientCases
{
    public static SpecSection Section { get; } = new SpecSection(
            "patients",
            "Patient columns",
            "The `patients` table has one row per patient, so each column is one value per patient. A patient's missing value is null. Only patients in the `patients` table are ever in a result.")
        .Case(
            "Sex is text",
            "Administrative gender is one of female, male, other or unknown.",
            """
            patients
            patient | sex
            1       | female
            2       | male
            3       | unknown
            """,
            Cohort.Patients.Sex,
            """
            patient | value
            1       | female
            2       | male
            3       | unknown
            """)
        .Case(
            "Date of death is null while alive",
            "A column with no value for a patient is null.",
            """
            patients
            patient | date_of_death
            1       | 2024-05-01
            2       |
            """,
            Cohort.Patients.DateOfDeath,
            """
            patient | value
            1       | 2024-05-01
            2       |
            """)
        .Case(
            "Deprivation decile is a whole number",
            "",
            """
            patients
            patient | deprivation_decile | lsoa
            1       | 1                  | E01000001
            2       | 10                 | E01000002
            3       |                    |
            """,
            Cohort.Patients.DeprivationDecile,
            """
            patient | value
            1       | 1
            2       | 10
            3       |
            """)
        .Case(
            "Practice, ethnic category and LSOA are text",
            "",
            """
            patients
            patient | practice | ethnic_category | lsoa
            1       | A81001   | A               | E01000001
            2       | A81002   |                 |
            """,
            Cohort.Patients.Practice.Is("A81001") & Cohort.Patients.EthnicCategory.Is("A") & Cohort.Patients.Lsoa.IsNotNull(),
            """
            patient | value
            1       | T
            2       | F
            """)
        .Case(
            "Only patients in the patients table are in results",
            "Events of a patient who is not in the `patients` table are never seen.",
            """
            patients
            patient | sex
            1       | female

            clinical_events
            patient | code | date
            1       | a    | 2024-01-01
            2       | a    | 2024-01-01
            """,
            Cohort.ClinicalEvents.Count(),
            """
            patient | value
            1       | 1
            """)
        .Case(
            "Age on a date",
            "`AgeOn(date)` is whole years from the date of birth to the date.",
            """
            patients
            patient | date_of_birth
            1       | 1960-06-30
            2       | 1960-07-01
            """,
            Cohort.Patients.AgeOn(Cohort.IndexDate),
            """
            patient | value
            1       | 65
            2       | 64
            """)
        .Case(
            "Alive on a date",
            "`AliveOn(date)`: no date of death, or a date of death after the date.",
            """
            patients
            patient | date_of_death
            1       |
            2       | 2025-06-30
            3       | 2025-07-01
            """,
            Cohort.Patients.AliveOn(Cohort.IndexDate),
            """
            patient | value
            1       | T
            2       | F
            3       | T
            """);
}

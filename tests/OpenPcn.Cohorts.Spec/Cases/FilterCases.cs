using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class FilterCases
{
    public static SpecSection Section { get; } = new SpecSection(
            "filters",
            "Filtering event rows",
            "`Where(condition)` keeps the rows for which the condition is true: a false or null condition drops the row. A condition can use the rows' own columns, patient values (the same for each of the patient's rows) and constants. Filters can be chained.")
        .Case("A null condition drops the row", "", """
            patients
            patient | sex
            1       | female

            clinical_events
            patient | code | date       | value
            1       | a    | 2025-01-01 | 150
            1       | a    | 2025-01-02 | 120
            1       | a    | 2025-01-03 |
            """, Cohort.ClinicalEvents.Where(e => e.Value > 140).Count() + Cohort.ClinicalEvents.Where(e => !(e.Value > 140)).Count(), """
            patient | value
            1       | 2
            """)
        .Case("Patient values in a row condition", "Each row is compared with its own patient's date of birth.", """
            patients
            patient | date_of_birth
            1       | 2000-01-01
            2       | 2010-01-01

            clinical_events
            patient | code | date
            1       | a    | 2017-12-31
            1       | a    | 2018-01-01
            2       | a    | 2025-01-01
            """, Cohort.ClinicalEvents.Where(e => e.Date >= Cohort.Patients.DateOfBirth.AddDays(18 * 365 + 5)).Count(), """
            patient | value
            1       | 1
            2       | 0
            """)
        .Case("Patient aggregates in a row condition", "Rows on the patient's latest date.", """
            patients
            patient | sex
            1       | female
            2       | male

            clinical_events
            patient | code | date
            1       | a    | 2025-01-01
            1       | b    | 2025-03-01
            1       | c    | 2025-03-01
            2       | a    | 2025-01-01
            """, Cohort.ClinicalEvents.Where(e => e.Date.Is(Cohort.ClinicalEvents.Maximum(x => x.Date))).Count(), """
            patient | value
            1       | 2
            2       | 1
            """)
        .Case("Chained filters", "", """
            patients
            patient | sex
            1       | female

            clinical_events
            patient | kind        | code | date       | status
            1       | observation | a    | 2025-01-01 | final
            1       | observation | a    | 2025-01-02 | entered-in-error
            1       | referral    | a    | 2025-01-03 | final
            1       | observation | b    | 2025-01-04 | final
            """, Cohort.ClinicalEvents.Where(e => e.Kind.Is("observation")).Where(e => e.Status.Is("final")).Where(e => e.Code.Is("a")).Count(), """
            patient | value
            1       | 1
            """)
        .Case("Kinds, units, priorities and end dates of events", "", """
            patients
            patient | sex
            1       | female
            2       | male

            clinical_events
            patient | kind      | code | date       | end_date   | unit   | priority
            1       | referral  | r    | 2025-01-01 |            |        | urgent
            1       | condition | c    | 2020-01-01 | 2021-01-01 |        |
            2       | observation | o  | 2025-01-01 |            | mmol/L |
            2       | care_plan | p    | 2025-01-01 |            |        |
            """, Cohort.ClinicalEvents.Where(e => e.Priority.Is("urgent") | e.EndDate.IsNotNull() | e.Unit.Is("mmol/L")).Count(), """
            patient | value
            1       | 2
            2       | 1
            """)
        .Case("Medication columns", "", """
            patients
            patient | sex
            1       | female

            medications
            patient | kind            | code | date       | end_date   | quantity | status
            1       | repeat_template | a    | 2024-01-01 | 2024-06-01 | 56       | stopped
            1       | repeat_template | a    | 2025-01-01 |            | 28       | active
            1       | statement       | b    | 2025-02-01 |            |          | active
            """, Cohort.Medications.Where(m => m.Kind.Is("repeat_template") & m.Status.Is("active") & m.EndDate.IsNull()).Sum(m => m.Quantity), """
            patient | value
            1       | 28
            """)
        .Case("Registrations", "Open registrations on the index date.", """
            patients
            patient | sex
            1       | female
            2       | male

            registrations
            patient | practice | start_date | end_date
            1       | A81001   | 2010-01-01 | 2020-01-01
            1       | A81002   | 2020-01-02 |
            2       | A81001   | 2010-01-01 | 2025-01-01
            """, Cohort.Registrations.Where(r => r.StartDate <= Cohort.IndexDate & (r.EndDate.IsNull() | r.EndDate >= Cohort.IndexDate)).Latest(r => r.StartDate).Practice, """
            patient | value
            1       | A81002
            2       |
            """);
}

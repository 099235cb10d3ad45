using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class DateCases
{
    private const string LeapBirthdays = """
        patients
        patient | date_of_birth
        1       | 2000-02-28
        2       | 2000-02-29
        3       | 2000-03-01
        """;

    private const string OnePatient = """
        patients
        patient | sex
        1       | female
        """;

    private const string Dates = """
        patients
        patient | date_of_birth | date_of_death
        1       | 1950-01-31    | 2025-03-01
        2       | 1980-12-31    |
        """;

    public static SpecSection Section { get; } = new SpecSection(
            "dates",
            "Dates",
            "Patient and event dates move by whole days. Only a constant date, such as the index date, moves by calendar months or years (the day is kept where the month has it, otherwise the month's last day) or goes to the start of its NHS financial year (1 April); these are worked out once before the query runs. Age counts whole years: someone born on 29 February has a birthday on 1 March in a year without one.")
        .Case("Add days", "", Dates, Cohort.Patients.DateOfBirth.AddDays(1), """
            patient | value
            1       | 1950-02-01
            2       | 1981-01-01
            """)
        .Case("Subtract days", "", Dates, Cohort.Patients.DateOfBirth.AddDays(-31), """
            patient | value
            1       | 1949-12-31
            2       | 1980-11-30
            """)
        .Case("Days between dates", "Negative when the second date is earlier; null when either is null.", Dates, Cohort.Patients.DateOfBirth.DaysUntil(Cohort.Patients.DateOfDeath), """
            patient | value
            1       | 27423
            2       |
            """)
        .Case("Days to an earlier date are negative", "", Dates, Cohort.IndexDate.DaysUntil(Cohort.Patients.DateOfDeath), """
            patient | value
            1       | -121
            2       |
            """)
        .Case("Age on 28 February in a year without 29 February", "", LeapBirthdays, Cohort.Patients.AgeOn(Cohort.IndexDate), """
            patient | value
            1       | 25
            2       | 24
            3       | 24
            """, indexDate: new DateOnly(2025, 2, 28))
        .Case("Age on 1 March in a year without 29 February", "", LeapBirthdays, Cohort.Patients.AgeOn(Cohort.IndexDate), """
            patient | value
            1       | 25
            2       | 25
            3       | 25
            """, indexDate: new DateOnly(2025, 3, 1))
        .Case("Age on 29 February", "", LeapBirthdays, Cohort.Patients.DateOfBirth.YearsUntil(Cohort.IndexDate), """
            patient | value
            1       | 28
            2       | 28
            3       | 27
            """, indexDate: new DateOnly(2028, 2, 29))
        .Case("Age between two patient dates", "", Dates, Cohort.Patients.DateOfBirth.YearsUntil(Cohort.Patients.DateOfDeath), """
            patient | value
            1       | 75
            2       |
            """)
        .Case("Months from a month end", "One month after 31 January is the last day of February.", OnePatient, Cohort.IndexDate.AddMonths(1), """
            patient | value
            1       | 2025-02-28
            """, indexDate: new DateOnly(2025, 1, 31))
        .Case("Months back from a month end", "", OnePatient, Cohort.IndexDate.AddMonths(-3), """
            patient | value
            1       | 2025-02-28
            """, indexDate: new DateOnly(2025, 5, 31))
        .Case("A year after 29 February", "", OnePatient, Cohort.IndexDate.AddYears(1), """
            patient | value
            1       | 2025-02-28
            """, indexDate: new DateOnly(2024, 2, 29))
        .Case("Months then days", "", OnePatient, Cohort.IndexDate.AddYears(-1).AddDays(1), """
            patient | value
            1       | 2024-02-29
            """, indexDate: new DateOnly(2025, 2, 28))
        .Case("Financial year start on 31 March", "", OnePatient, Cohort.IndexDate.FinancialYearStart(), """
            patient | value
            1       | 2024-04-01
            """, indexDate: new DateOnly(2025, 3, 31))
        .Case("Financial year start on 1 April", "", OnePatient, Cohort.IndexDate.FinancialYearStart(), """
            patient | value
            1       | 2025-04-01
            """, indexDate: new DateOnly(2025, 4, 1))
        .Case("Events in the last 12 months", "A window ending on the index date.", """
            patients
            patient | sex
            1       | female
            2       | male

            clinical_events
            patient | code | date
            1       | a    | 2023-02-28
            1       | a    | 2023-03-01
            1       | a    | 2024-02-29
            2       | a    | 2024-03-01
            """,
            Cohort.ClinicalEvents.Where(e => e.Date.IsAfter(Cohort.IndexDate.AddMonths(-12)) & e.Date.IsOnOrBefore(Cohort.IndexDate)).Count(), """
            patient | value
            1       | 2
            2       | 0
            """, indexDate: new DateOnly(2024, 2, 29));
}

using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class PopulationCases
{
    private const string Records = """
        patients
        patient | date_of_birth | sex    | deprivation_decile
        1       | 1950-01-01    | female | 2
        2       | 2010-01-01    | male   | 2
        3       | 1970-01-01    | female |
        4       | 1940-01-01    | male   | 5

        clinical_events
        patient | code | date       | value
        1       | sys  | 2025-01-01 | 152
        4       | sys  | 2025-01-01 | 128
        """;

    public static SpecSection Section { get; } = new SpecSection(
            "population",
            "The population",
            "A query's population says who is in the cohort: the patients for whom it is true (not false, not null). Its columns are reported for those patients only, ordered by patient.")
        .CaseWithPopulation("Adults in the more deprived half", "Patient 2 is a child; patient 3 has no decile, so the condition is null and they are left out.", Records,
            Cohort.Patients.AgeOn(Cohort.IndexDate) >= 18 & Cohort.Patients.DeprivationDecile <= 5,
            Cohort.ClinicalEvents.Latest(e => e.Date).Value, """
            patient | value
            1       | 152
            4       | 128
            """)
        .CaseWithPopulation("Raised blood pressure", "", Records,
            Cohort.ClinicalEvents.Where(e => e.Date.IsOnOrBefore(Cohort.IndexDate)).Latest(e => e.Date).Value >= 140,
            Cohort.Patients.Sex, """
            patient | value
            1       | female
            """)
        .CaseWithPopulation("Nobody", "", Records, Cohort.Patients.Sex.Is("other"), Cohort.Patients.Sex, """
            patient | value
            """);
}

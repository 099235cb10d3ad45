using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Cases;

public static class PickCases
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
        1       | sys  | 2025-01-01 | 130
        1       | sys  | 2023-01-01 | 170
        2       | sys  | 2025-01-01 | 145
        """;

    private const string SameDay = """
        patients
        patient | sex
        1       | female

        clinical_events
        patient | code | date       | value
        1       | sys  | 2025-01-01 | 150
        1       | sys  | 2025-01-01 | 130
        1       | sys  | 2025-01-01 | 140
        """;

    private const string NullEndDates = """
        patients
        patient | sex
        1       | female
        2       | male

        clinical_events
        patient | code | date       | end_date   | value
        1       | c    | 2025-01-01 |            | 110
        1       | c    | 2025-01-01 | 2025-02-01 | 150
        1       | c    | 2025-01-01 |            | 120
        2       | c    | 2025-01-01 |            | 130
        2       | c    | 2025-01-01 |            | 140
        """;

    public static SpecSection Section { get; } = new SpecSection(
            "picks",
            "Picking one row per patient",
            "`Latest(sort)` and `Earliest(sort)` pick one row per patient, ordered by a date or number. Rows with a null sort value come first. Ties are broken by the order the records were imported: `Latest` takes the last imported, `Earliest` the first. A patient without rows gets nulls. The picked row's columns are patient values.")
        .Case("Latest by date", "", Readings, Cohort.ClinicalEvents.Latest(e => e.Date).Value, """
            patient | value
            1       | 130
            2       | 145
            3       |
            """)
        .Case("Earliest by date", "", Readings, Cohort.ClinicalEvents.Earliest(e => e.Date).Value, """
            patient | value
            1       | 170
            2       | 145
            3       |
            """)
        .Case("Latest by value", "", Readings, Cohort.ClinicalEvents.Latest(e => e.Value).Date, """
            patient | value
            1       | 2023-01-01
            2       | 2025-01-01
            3       |
            """)
        .Case("Latest on a tie is the last imported", "", SameDay, Cohort.ClinicalEvents.Latest(e => e.Date).Value, """
            patient | value
            1       | 140
            """)
        .Case("Earliest on a tie is the first imported", "", SameDay, Cohort.ClinicalEvents.Earliest(e => e.Date).Value, """
            patient | value
            1       | 150
            """)
        .Case("Ties by source key then sequence", "The hidden `source_key` and `seq` give the import order; the two rows of one blood pressure share a source key.", """
            patients
            patient | sex
            1       | female

            clinical_events
            patient | source_key | seq | code | date       | value
            1       | 20         | 1   | dia  | 2025-01-01 | 90
            1       | 20         | 0   | sys  | 2025-01-01 | 150
            1       | 10         | 1   | dia  | 2025-01-01 | 80
            1       | 10         | 0   | sys  | 2025-01-01 | 130
            """, Cohort.ClinicalEvents.Latest(e => e.Date).Code, """
            patient | value
            1       | dia
            """)
        .Case("Earliest on a tie with sequences", "", """
            patients
            patient | sex
            1       | female

            clinical_events
            patient | source_key | seq | code | date       | value
            1       | 20         | 0   | sys  | 2025-01-01 | 150
            1       | 10         | 1   | dia  | 2025-01-01 | 80
            1       | 10         | 0   | sys  | 2025-01-01 | 130
            """, Cohort.ClinicalEvents.Earliest(e => e.Date).Value, """
            patient | value
            1       | 130
            """)
        .Case("Null sort values come first for latest", "The latest is the largest non-null end date; with only nulls, the last imported.", NullEndDates, Cohort.ClinicalEvents.Latest(e => e.EndDate).Value, """
            patient | value
            1       | 150
            2       | 140
            """)
        .Case("Null sort values come first for earliest", "", NullEndDates, Cohort.ClinicalEvents.Earliest(e => e.EndDate).Value, """
            patient | value
            1       | 110
            2       | 130
            """)
        .Case("Latest of filtered rows", "", Readings, Cohort.ClinicalEvents.Where(e => e.Value > 140).Latest(e => e.Date).Date, """
            patient | value
            1       | 2024-01-01
            2       | 2025-01-01
            3       |
            """)
        .Case("Two columns of one picked row", "Both values come from the same row.", Readings,
            Cohort.If(Cohort.ClinicalEvents.Latest(e => e.Date).Value > 140, Cohort.ClinicalEvents.Latest(e => e.Date).Date), """
            patient | value
            1       |
            2       | 2025-01-01
            3       |
            """)
        .Case("Sorted by a computed value", "The sort key can be any number or date of the rows.", Readings,
            Cohort.ClinicalEvents.Latest(e => e.Date.DaysUntil(new DateOnly(2024, 1, 1))).Value, """
            patient | value
            1       | 170
            2       | 145
            3       |
            """);
}

using System.Globalization;
using System.Text;

namespace OpenPcn.Cohorts.Spec.Properties;

/// <summary>Small random tables written as text tables (see <c>TextTables</c>), with ties and nulls on purpose.</summary>
public static class RandomTables
{
    public static readonly string[] Dates = ["1999-12-31", "2000-02-29", "2000-03-01", "2020-01-01", "2024-02-29", "2025-01-01", "2025-03-31", "2025-06-30", "2025-07-01"];

    public static readonly string[] Codes = ["hyp1", "hyp2", "hypres", "sys", "atorva", "x"];

    public static string Generate(Choices c)
    {
        var patients = 1 + c.Next(5);
        var text = new StringBuilder();
        text.AppendLine("patients");
        text.AppendLine("patient | date_of_birth | sex | ethnic_category | lsoa | deprivation_decile | date_of_death | practice");
        for (var p = 1; p <= patients; p++)
        {
            text.AppendLine(Row(p, c.Pick(Dates), c.Pick(["female", "male", "other", "unknown"]), Maybe(c, "A", "B"), Maybe(c, "E01000001", "E01000002"),
                c.Chance(30) ? "" : (1 + c.Next(10)).ToString(CultureInfo.InvariantCulture), Maybe(c, Dates), c.Pick(["A81001", "A81002"])));
        }

        Events(text, c, patients, "clinical_events", "kind | code | date | end_date | value | unit | status | priority", 12, () => string.Join(" | ",
            c.Pick(["condition", "observation", "referral", "care_plan"]), c.Pick(Codes), c.Pick(Dates), Maybe(c, Dates),
            c.Chance(30) ? "" : (c.Next(40) * 5.5).ToString(CultureInfo.InvariantCulture), Maybe(c, "mmHg"), Maybe(c, "final", "active"), Maybe(c, "urgent")));
        Events(text, c, patients, "medications", "kind | code | date | end_date | quantity | status", 6, () => string.Join(" | ",
            c.Pick(["issue", "repeat_template", "statement"]), c.Pick(Codes), c.Pick(Dates), Maybe(c, Dates),
            c.Chance(30) ? "" : (c.Next(8) * 14).ToString(CultureInfo.InvariantCulture), Maybe(c, "active", "stopped")));
        Events(text, c, patients, "registrations", "practice | start_date | end_date", 4, () => string.Join(" | ",
            c.Pick(["A81001", "A81002"]), Maybe(c, Dates), Maybe(c, Dates)));
        return text.ToString();
    }

    private static void Events(StringBuilder text, Choices c, int patients, string table, string header, int most, Func<string> values)
    {
        var rows = c.Next(most + 1);
        if (rows == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(table);
        text.Append("patient | source_key | seq | ").AppendLine(header);
        for (var i = 0; i < rows; i++)
        {
            // Some rows share a source key (like a blood pressure's two rows); one patient may be missing from patients.
            var patient = 1 + c.Next(patients + 1);
            var sourceKey = (((i / 2) * 7919) % 1009) + 1;
            text.Append(patient.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(sourceKey.ToString(CultureInfo.InvariantCulture))
                .Append(" | ").Append((i % 2).ToString(CultureInfo.InvariantCulture)).Append(" | ").AppendLine(values());
        }
    }

    private static string Maybe(Choices c, params string[] options) => c.Chance(35) ? "" : c.Pick(options);

    private static string Row(params object[] cells) => string.Join(" | ", cells);
}

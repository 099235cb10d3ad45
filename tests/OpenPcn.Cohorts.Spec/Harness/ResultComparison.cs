using System.Text;
using OpenPcn.Cohorts.Engines;

namespace OpenPcn.Cohorts.Spec.Harness;

/// <summary>Compares engine results: the same patients in order with the same values (decimals to 1e-9).</summary>
public static class ResultComparison
{
    public static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (double x, double y) => x == y || Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))),
        (null, _) or (_, null) => false,
        _ => a.Equals(b),
    };

    public static bool Same(CohortResult a, CohortResult b) =>
        a.ColumnNames.SequenceEqual(b.ColumnNames)
        && a.Rows.Count == b.Rows.Count
        && a.Rows.Zip(b.Rows).All(p => p.First.PatientId == p.Second.PatientId
            && p.First.Values.Count == p.Second.Values.Count
            && p.First.Values.Zip(p.Second.Values).All(v => SameValue(v.First, v.Second)));

    public static string Describe(CohortResult result)
    {
        var text = new StringBuilder();
        text.Append("patient | ").AppendJoin(" | ", result.ColumnNames).AppendLine();
        foreach (var row in result.Rows)
        {
            text.Append(row.PatientId).Append(" | ").AppendJoin(" | ", row.Values.Select(Show)).AppendLine();
        }

        return text.ToString();
    }

    private static string Show(object? value) => value is null ? "null" : $"{TextTables.Format(value)} ({value.GetType().Name})";
}

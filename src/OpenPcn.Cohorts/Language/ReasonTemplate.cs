using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenPcn.Cohorts.Language;

/// <summary>Fills a definition's reason (<c>latest BP {systolic}/{diastolic} on {bp_date}</c>) with a patient's values.</summary>
public static partial class ReasonTemplate
{
    /// <summary>The column names a reason refers to.</summary>
    public static IEnumerable<string> Placeholders(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Groups[1].Value);

    /// <summary>
    /// The reason with each <c>{column}</c> replaced by the value: dates as yyyy-MM-dd, numbers without trailing
    /// zeros, true/false as yes/no, and a missing value as "none".
    /// </summary>
    public static string Fill(string template, IReadOnlyList<string> columnNames, IReadOnlyList<object?> values)
    {
        var text = new StringBuilder();
        var last = 0;
        foreach (Match match in PlaceholderPattern().Matches(template))
        {
            text.Append(template, last, match.Index - last);
            var index = IndexOf(columnNames, match.Groups[1].Value);
            text.Append(index < 0 ? match.Value : Format(values[index]));
            last = match.Index + match.Length;
        }

        return text.Append(template, last, template.Length - last).ToString();
    }

    /// <summary>One value as a reason shows it.</summary>
    public static string Format(object? value) => value switch
    {
        null => "none",
        bool b => b ? "yes" : "no",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"\{([a-z0-9_]+)\}")]
    private static partial Regex PlaceholderPattern();
}

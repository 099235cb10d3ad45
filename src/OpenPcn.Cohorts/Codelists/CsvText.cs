using System.Text;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Codelists;

/// <summary>A small RFC 4180 reader for the shipped codelist files: one record a line, double-quoted fields allowed.</summary>
internal static class CsvText
{
    /// <summary>The records of <paramref name="path"/> with their 1-based line numbers; blank lines are skipped.</summary>
    /// <exception cref="CohortModelException">A quoted field is not closed.</exception>
    public static IEnumerable<(int Line, string[] Fields)> Read(string path, string shownAs)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (line.Length == 0 || (line.Length == 1 && line[0] == '\r'))
            {
                continue;
            }

            yield return (number, Split(line.TrimEnd('\r'), shownAs, number));
        }
    }

    private static string[] Split(string line, string shownAs, int number)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new CohortModelException($"{shownAs} line {number}: a quoted field is not closed.");
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}

using System.Globalization;
using OpenPcn.Cohorts.Engines.InMemory;
using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Schema;

namespace OpenPcn.Cohorts.Spec.Harness;

/// <summary>One row of a text table: the patient, the hidden import order and the values by column name.</summary>
public sealed record TextRow(long PatientId, long SourceKey, int Seq, IReadOnlyDictionary<string, object?> Values);

/// <summary>
/// Small tables written as text, like ehrQL's spec tests: a table name on its own line, then a pipe table whose first
/// column is <c>patient</c>. An empty cell is null. Event rows are imported in the order written, unless the table
/// has the hidden columns <c>source_key</c> and <c>seq</c>. Columns the stored records always have take
/// <see cref="Defaults"/> when a table leaves them out, and may not be empty, so every engine sees the same rows.
/// </summary>
public sealed class TextTables
{
    /// <summary>The value of a column that the records always have, when a table leaves it out.</summary>
    public static readonly IReadOnlyDictionary<(string Table, string Column), object> Defaults = new Dictionary<(string, string), object>
    {
        [("patients", "date_of_birth")] = new DateOnly(1980, 1, 1),
        [("patients", "sex")] = "unknown",
        [("patients", "practice")] = "A81001",
        [("registrations", "practice")] = "A81001",
        [("clinical_events", "kind")] = "observation",
        [("medications", "kind")] = "issue",
    };

    /// <summary>Columns that are never null in the records and have no default: a table must give them.</summary>
    public static readonly IReadOnlySet<(string Table, string Column)> Required = new HashSet<(string, string)>
    {
        ("clinical_events", "code"), ("clinical_events", "date"), ("medications", "code"), ("medications", "date"),
    };

    private TextTables(IReadOnlyDictionary<CohortTable, IReadOnlyList<TextRow>> rows) => Rows = rows;

    public IReadOnlyDictionary<CohortTable, IReadOnlyList<TextRow>> Rows { get; }

    public IEnumerable<TextRow> RowsOf(CohortTable table) => Rows.TryGetValue(table, out var rows) ? rows : [];

    public static TextTables Parse(string text)
    {
        var tables = new Dictionary<CohortTable, IReadOnlyList<TextRow>>();
        var blocks = text.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var table = CohortTables.Named(lines[0]);
            var header = Cells(lines[1]);
            if (header[0] != "patient")
            {
                throw new FormatException($"The first column of {table.Name} must be patient.");
            }

            var rows = new List<TextRow>();
            foreach (var line in lines.Skip(2))
            {
                var cells = Cells(line);
                if (cells.Length != header.Length)
                {
                    throw new FormatException($"Row '{line}' of {table.Name} has {cells.Length} cells, not {header.Length}.");
                }

                var values = new Dictionary<string, object?>(StringComparer.Ordinal);
                long sourceKey = rows.Count + 1;
                var seq = 0;
                for (var i = 1; i < header.Length; i++)
                {
                    switch (header[i])
                    {
                        case "source_key":
                            sourceKey = long.Parse(cells[i], CultureInfo.InvariantCulture);
                            break;
                        case "seq":
                            seq = int.Parse(cells[i], CultureInfo.InvariantCulture);
                            break;
                        default:
                            values[header[i]] = ParseValue(cells[i], table.Column(header[i]).Type);
                            break;
                    }
                }

                foreach (var column in table.Columns)
                {
                    var key = (table.Name, column.Name);
                    if (Defaults.TryGetValue(key, out var fallback) && !values.ContainsKey(column.Name))
                    {
                        values[column.Name] = fallback;
                    }

                    if ((Defaults.ContainsKey(key) || Required.Contains(key)) && values.GetValueOrDefault(column.Name) is null)
                    {
                        throw new FormatException($"{table.Name}.{column.Name} is never null in the records; row '{line}' needs a value.");
                    }
                }

                rows.Add(new TextRow(long.Parse(cells[0], CultureInfo.InvariantCulture), sourceKey, seq, values));
            }

            tables[table] = rows;
        }

        return new TextTables(tables);
    }

    /// <summary>The value a cell holds for a column of <paramref name="type"/> (empty is null).</summary>
    public static object? ParseValue(string cell, CohortType type) => cell.Length == 0 ? null : type switch
    {
        CohortType.Boolean => cell switch
        {
            "T" or "true" => true,
            "F" or "false" => false,
            _ => throw new FormatException($"'{cell}' is not true or false."),
        },
        CohortType.Integer => long.Parse(cell, CultureInfo.InvariantCulture),
        CohortType.Decimal => double.Parse(cell, CultureInfo.InvariantCulture),
        CohortType.Date => DateOnly.ParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => cell,
    };

    /// <summary>A value as a cell shows it.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "T" : "F",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public RecordTables ToRecordTables()
    {
        var builder = new RecordTablesBuilder();
        foreach (var (table, rows) in Rows)
        {
            foreach (var row in rows)
            {
                if (table.IsPatientTable)
                {
                    builder.AddPatient(row.PatientId, row.Values);
                }
                else
                {
                    builder.AddRow(table, row.PatientId, row.SourceKey, row.Seq, row.Values);
                }
            }
        }

        return builder.Build();
    }

    private static string[] Cells(string line) => line.Trim().Split('|').Select(c => c.Trim()).ToArray();
}

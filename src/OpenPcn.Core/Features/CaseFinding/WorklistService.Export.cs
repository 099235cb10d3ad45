using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Population;

namespace OpenPcn.Core.Features.CaseFinding;

public sealed partial class WorklistService
{
    /// <summary>
    /// Every row of the worklist matching <paramref name="filter"/> (paging ignored) as CSV or Excel, with the NHS
    /// number so that clinicians can act on it. Audited as <see cref="ExportAction"/>.
    /// </summary>
    public async Task<WorklistFile> ExportAsync(Guid worklistId, WorklistFilter filter, WorklistExportFormat format, CancellationToken ct = default)
    {
        var worklist = await RequireAsync(worklistId, ct);
        var rows = await Read(Rows(worklistId, filter), worklist, ct);
        var header = Header(worklist.Facts);
        var lines = rows.Select(Line).ToList();
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{worklist.DefinitionName}-{worklist.PracticeCode?.Value ?? "network"}-{worklist.LastIndexDate:yyyy-MM-dd}");
        var file = format == WorklistExportFormat.Xlsx
            ? new WorklistFile(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Excel(worklist.Title, header, lines), rows.Count)
            : new WorklistFile(name + ".csv", "text/csv", await CsvAsync(header, lines, ct), rows.Count);
        audit.Record(ExportAction, worklist.DefinitionName, Describe(worklist, filter, rows.Count, format.ToString().ToLowerInvariant()));
        await db.SaveChangesAsync(ct);
        return file;
    }

    private static List<string> Header(IReadOnlyList<string> facts) =>
    [
        "NHS number", "Date of birth", "Age", "Sex", "Practice", "Practice name", "Reason", .. facts, "Status", "Assigned to",
        "Status changed by", "Updated", "First found", "Still qualifies",
    ];

    private static List<object?> Line(WorklistRow r) =>
    [
        r.NhsNumber.Value, r.DateOfBirth, r.Age, SexText(r.Sex), r.Practice.Value, r.PracticeName, r.Reason, .. r.Facts.Select(f => f.Value),
        StatusText(r.Status), r.AssignedTo, r.StatusChangedBy, r.StatusChangedAt?.UtcDateTime, r.FirstFound, r.StillQualifies ? "yes" : "no",
    ];

    private static async Task<byte[]> CsvAsync(List<string> header, List<List<object?>> lines, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var output = new StreamWriter(buffer, leaveOpen: true))
        await using (var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true))
        {
            foreach (var title in header)
            {
                csv.WriteField(RejectionsCsv.SafeCell(title));
            }

            await csv.NextRecordAsync();
            foreach (var line in lines)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var value in line)
                {
                    csv.WriteField(Cell(value));
                }

                await csv.NextRecordAsync();
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Excel(string title, List<string> header, List<List<object?>> lines)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Worklist");
        for (var c = 0; c < header.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(RejectionsCsv.SafeCell(header[c]));
        }

        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < lines.Count; r++)
        {
            for (var c = 0; c < lines[r].Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (lines[r][c])
                {
                    case DateOnly d:
                        cell.SetValue(d.ToDateTime(TimeOnly.MinValue));
                        cell.Style.DateFormat.Format = "yyyy-mm-dd";
                        break;
                    case DateTime t:
                        cell.SetValue(t);
                        cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
                        break;
                    case int n:
                        cell.SetValue(n);
                        break;
                    case { } v:
                        // As text: an NHS number or a code must not become a number (or lose its leading zeros).
                        cell.SetValue(Cell(v));
                        cell.SetDataType(XLDataType.Text);
                        break;
                }
            }
        }

        // Fixed widths: measuring text (AdjustToContents) needs libgdiplus, which servers lack.
        for (var c = 0; c < header.Count; c++)
        {
            sheet.Column(c + 1).Width = header[c] == "Reason" ? 60 : 16;
        }

        workbook.Properties.Title = title;
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    // Text that a spreadsheet would read as a formula (=, +, -, @ first) is defused; dates and numbers are not text.
    private static string Cell(object? value) => value is string text ? RejectionsCsv.SafeCell(text) : Text(value);

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A status as people say it: "To do", "Not appropriate".</summary>
    public static string StatusText(WorklistStatus status) => status switch
    {
        WorklistStatus.ToDo => "To do",
        WorklistStatus.NotAppropriate => "Not appropriate",
        _ => status.ToString(),
    };

    private static string SexText(Sex sex) => sex.ToString().ToLowerInvariant();
}

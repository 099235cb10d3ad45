using System.Globalization;
using CsvHelper;

namespace OpenPcn.Core.Features.Network.Directory;

/// <summary>
/// Writes import reports' rejected rows as CSV (file, sheet, line, reason, excerpt) for the web download and the CLI's
/// <c>--rejections-out</c>. Excerpts come from uploaded files, so a cell that a spreadsheet would run as a formula
/// (starting with = + - @, tab or carriage return) is prefixed with an apostrophe.
/// </summary>
public static class RejectionsCsv
{
    public static async Task WriteAsync(TextWriter output, IEnumerable<ImportReport> reports, CancellationToken ct = default)
    {
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var header in (string[])["File", "Sheet", "Line", "Reason", "Excerpt"])
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        foreach (var report in reports)
        {
            foreach (var row in report.Rejections)
            {
                ct.ThrowIfCancellationRequested();
                csv.WriteField(SafeCell(report.FileName));
                csv.WriteField(SafeCell(row.Sheet));
                csv.WriteField(row.Line);
                csv.WriteField(SafeCell(row.Reason));
                csv.WriteField(SafeCell(row.Excerpt));
                await csv.NextRecordAsync();
            }
        }
    }

    public static string SafeCell(string? value) =>
        value is { Length: > 0 } && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value ?? string.Empty;
}

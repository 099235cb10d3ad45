using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;

namespace OpenPcn.Core.Features.Finance;

public enum StatementFormat
{
    Csv,
    Xlsx,
}

/// <summary>A statement as a file to download.</summary>
public sealed record StatementFile(string FileName, string ContentType, byte[] Content);

public sealed partial class StatementService
{
    private static readonly string[] Header = ["Section", "Item", "Network amount", "Practice amount", "Workings"];

    /// <summary>The statement as CSV or Excel, every figure with its workings. Audited as <see cref="ExportAction"/>.</summary>
    public async Task<StatementFile> ExportAsync(PracticeCode practice, DateOnly month, StatementFormat format, CancellationToken ct = default)
    {
        var statement = await BuildAsync(practice, month, ct);
        var lines = Lines(statement);
        var name = string.Create(CultureInfo.InvariantCulture, $"statement-{practice}-{statement.Month:yyyy-MM}");
        var file = format == StatementFormat.Xlsx
            ? new StatementFile(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Excel(statement, lines))
            : new StatementFile(name + ".csv", "text/csv", await CsvAsync(lines, ct));
        audit.Record(ExportAction, $"{practice} {statement.Month:yyyy-MM}", format.ToString().ToLowerInvariant());
        await db.SaveChangesAsync(ct);
        return file;
    }

    /// <summary>The statement as rows: section, item, network amount, practice amount, workings.</summary>
    public static IReadOnlyList<string[]> Lines(Statement s)
    {
        var lines = new List<string[]>();
        foreach (var stream in s.Streams)
        {
            var name = FundingStreams.Name(stream.Stream);
            lines.Add(["Stream", $"{name}: received", stream.Received.ToPlainString(), stream.Amount.ToPlainString(),
                $"{stream.Rule}. {stream.Share?.Formula ?? string.Empty}{(stream.Problem is null ? string.Empty : " " + stream.Problem)}"]);
            lines.Add(["Stream", $"{name}: expected", stream.Expected.ToPlainString(), (stream.ExpectedShare?.Total ?? Money.Zero).ToPlainString(),
                $"Network: {stream.ExpectedWorkings}{(stream.UsesUncheckedRate ? " (unchecked rate)" : string.Empty)} Share: {stream.ExpectedShare?.Formula ?? "none"}"]);
        }

        lines.AddRange(s.Arrs.Select(a => new[] { $"ARRS ({s.ArrsSource})", $"{a.StaffName}, {a.Role}", string.Empty, a.Reimbursable.ToPlainString(), a.Workings }));
        lines.AddRange(s.Receivable.Select(r => new[]
        {
            "Recharge receivable", $"{r.StaffName}, {r.Role}: from {r.Payer}", string.Empty, r.Amount.ToPlainString(), r.Workings,
        }));
        lines.AddRange(s.Payable.Select(r => new[]
        {
            "Recharge payable", $"{r.StaffName}, {r.Role}: to {r.Employer}", string.Empty, (-r.Amount).ToPlainString(), r.Workings,
        }));
        lines.Add(["Total", "Total due", string.Empty, s.TotalDue.ToPlainString(),
            $"streams {s.StreamsTotal} + ARRS {s.ArrsTotal} + recharges receivable {s.ReceivableTotal} − recharges payable {s.PayableTotal}"]);
        return lines;
    }

    private static async Task<byte[]> CsvAsync(IReadOnlyList<string[]> lines, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var output = new StreamWriter(buffer, leaveOpen: true))
        await using (var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true))
        {
            foreach (var line in (IEnumerable<string[]>)[Header, .. lines])
            {
                ct.ThrowIfCancellationRequested();
                for (var c = 0; c < line.Length; c++)
                {
                    // Amounts (columns 3 and 4) stay numbers; text that looks like a formula is defused.
                    csv.WriteField(c is 2 or 3 && decimal.TryParse(line[c], NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? line[c] : RejectionsCsv.SafeCell(line[c]));
                }

                await csv.NextRecordAsync();
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Excel(Statement s, IReadOnlyList<string[]> lines)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Statement");
        for (var c = 0; c < Header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(Header[c]);
        }

        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < lines.Count; r++)
        {
            for (var c = 0; c < lines[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                if (c is 2 or 3 && decimal.TryParse(lines[r][c], NumberStyles.Number, CultureInfo.InvariantCulture, out var pounds))
                {
                    cell.SetValue(pounds);
                    cell.Style.NumberFormat.Format = "#,##0.00";
                }
                else
                {
                    cell.SetValue(RejectionsCsv.SafeCell(lines[r][c]));
                    cell.SetDataType(XLDataType.Text);
                }
            }
        }

        // Fixed widths: measuring text (AdjustToContents) needs libgdiplus, which servers lack.
        sheet.Column(1).Width = 22;
        sheet.Column(2).Width = 40;
        sheet.Column(3).Width = 16;
        sheet.Column(4).Width = 16;
        sheet.Column(5).Width = 100;
        workbook.Properties.Title = string.Create(CultureInfo.InvariantCulture, $"Statement for {s.PracticeName} ({s.Practice}), {s.Month:MMMM yyyy}");
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }
}

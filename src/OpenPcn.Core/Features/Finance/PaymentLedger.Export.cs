using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network.Directory;

namespace OpenPcn.Core.Features.Finance;

public sealed partial class PaymentLedger
{
    private static readonly string[] VarianceHeader = ["Stream", "Month", "Expected", "Received", "Variance"];
    private static readonly string[] EntryHeader = ["Stream", "Month", "Amount", "Received on", "Reference", "Reason", "Corrects", "Recorded by", "Recorded at"];

    /// <summary>The year's variances and every ledger entry, as CSV (variances then entries) or Excel (two sheets). Audited.</summary>
    public async Task<StatementFile> ExportAsync(FinancialYear year, StatementFormat format, CancellationToken ct = default)
    {
        var variances = (await VariancesAsync(year, ct)).Select(v => new[]
        {
            FundingStreams.Code(v.Stream), v.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), v.Expected.ToPlainString(), v.Received.ToPlainString(),
            v.Difference.ToPlainString(),
        }).ToList();
        var entries = (await ListAsync(year, ct)).Select(p => new[]
        {
            FundingStreams.Code(p.Stream), p.ForMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), p.Amount.ToPlainString(),
            p.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Reference ?? string.Empty, p.Reason ?? string.Empty,
            p.CorrectsPaymentId?.ToString() ?? string.Empty, p.RecordedBy, p.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }).ToList();
        var name = $"payments-{year.StartYear}-{(year.StartYear + 1) % 100:D2}";
        audit.Record("finance.payments.export", year.ToString(), format.ToString().ToLowerInvariant());
        await db.SaveChangesAsync(ct);
        return format == StatementFormat.Xlsx
            ? new StatementFile(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                Excel([("Variances", VarianceHeader, variances), ("Payments", EntryHeader, entries)]))
            : new StatementFile(name + ".csv", "text/csv", await CsvAsync([VarianceHeader, .. variances, [], EntryHeader, .. entries], ct));
    }

    private static bool IsAmount(string text) =>
        text.Length > 0 && (char.IsDigit(text[0]) || text[0] == '-') && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static async Task<byte[]> CsvAsync(IReadOnlyList<string[]> rows, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var output = new StreamWriter(buffer, leaveOpen: true))
        await using (var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var cell in row)
                {
                    csv.WriteField(IsAmount(cell) ? cell : RejectionsCsv.SafeCell(cell));
                }

                await csv.NextRecordAsync();
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Excel(IReadOnlyList<(string Name, string[] Header, List<string[]> Rows)> sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var (sheetName, header, rows) in sheets)
        {
            var sheet = workbook.Worksheets.Add(sheetName);
            for (var c = 0; c < header.Length; c++)
            {
                sheet.Cell(1, c + 1).SetValue(header[c]);
                sheet.Column(c + 1).Width = 18;
            }

            sheet.Row(1).Style.Font.Bold = true;
            for (var r = 0; r < rows.Count; r++)
            {
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var cell = sheet.Cell(r + 2, c + 1);
                    if (header[c] is "Expected" or "Received" or "Variance" or "Amount" && decimal.TryParse(rows[r][c], NumberStyles.Number, CultureInfo.InvariantCulture, out var pounds))
                    {
                        cell.SetValue(pounds);
                        cell.Style.NumberFormat.Format = "#,##0.00";
                    }
                    else
                    {
                        cell.SetValue(RejectionsCsv.SafeCell(rows[r][c]));
                        cell.SetDataType(XLDataType.Text);
                    }
                }
            }
        }

        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }
}

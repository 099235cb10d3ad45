using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using OpenPcn.Core.Features.Network.Directory;

namespace OpenPcn.Core.Features.Workforce.Claims;

public enum ClaimExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>An exported claim: file name, content type and bytes.</summary>
public sealed record ClaimFile(string FileName, string ContentType, byte[] Content);

public sealed partial class ArrsClaimService
{
    private static readonly string[] Header =
    [
        "Line", "Staff member", "Role", "Role code", "Region", "WTE", "Annual salary", "Annual employer NI", "Annual employer pension",
        "Contract start", "Contract end", "Days in month", "Days in post", "Actual cost", "Maximum", "Reimbursable", "Unchecked rate",
        "Problem", "Amendment", "Amends line", "Reason", "Workings",
    ];

    private static readonly HashSet<int> MoneyColumns = [6, 7, 8, 13, 14, 15];

    /// <summary>The claim as CSV or Excel: every input, the figures and the workings per line, then a totals row. Audited.</summary>
    public async Task<ClaimFile> ExportAsync(DateOnly month, ClaimExportFormat format, CancellationToken ct = default)
    {
        var claim = await GetAsync(month, ct);
        var rows = Rows(claim);
        var name = $"arrs-claim-{claim.MonthKey}";
        var file = format == ClaimExportFormat.Xlsx
            ? new ClaimFile(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Excel(claim, rows))
            : new ClaimFile(name + ".csv", "text/csv", await CsvAsync(rows, ct));
        audit.Record(ExportAction, $"ARRS claim {claim.MonthKey}", string.Create(CultureInfo.InvariantCulture,
            $"{format.ToString().ToLowerInvariant()}: {claim.Lines.Count} lines, reimbursable {claim.TotalReimbursable}"));
        await db.SaveChangesAsync(ct);
        return file;
    }

    private static List<string?[]> Rows(ArrsClaim claim)
    {
        var rows = claim.Lines.OrderBy(l => l.LineNumber).Select(l => new[]
        {
            N(l.LineNumber), l.StaffName, l.RoleName, l.Role, ArrsClaimCalculator.Describe(l.Region), l.Wte.ToString("0.####", CultureInfo.InvariantCulture),
            l.AnnualSalary.ToPlainString(), l.AnnualEmployerNi.ToPlainString(), l.AnnualEmployerPension.ToPlainString(), D(l.ContractStart),
            l.ContractEnd is { } e ? D(e) : null, N(l.DaysInMonth), N(l.DaysInPost), l.ActualCost.ToPlainString(), l.Maximum.ToPlainString(),
            l.Reimbursable.ToPlainString(), l.UsesUncheckedRate ? "yes" : "no", l.Problem, l.IsAmendment ? "yes" : "no",
            l.AmendsLineNumber is { } a ? N(a) : null, l.Reason, l.Workings,
        }).ToList();
        rows.Add(
        [
            "Total", null, null, null, null, null, null, null, null, null, null, null, null, claim.TotalActualCost.ToPlainString(),
            claim.TotalMaximum.ToPlainString(), claim.TotalReimbursable.ToPlainString(), null, null, null, null, null,
            string.Create(CultureInfo.InvariantCulture, $"Sum of {claim.Lines.Count} lines for {claim.Month:MMMM yyyy} ({claim.Status.ToString().ToLowerInvariant()})"),
        ]);
        return rows;
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<byte[]> CsvAsync(List<string?[]> rows, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var output = new StreamWriter(buffer, leaveOpen: true))
        await using (var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true))
        {
            foreach (var title in Header)
            {
                csv.WriteField(title);
            }

            await csv.NextRecordAsync();
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var c = 0; c < row.Length; c++)
                {
                    // Amounts (an amendment's may be negative) are numbers, not text that could be a formula.
                    csv.WriteField(MoneyColumns.Contains(c) ? row[c] ?? string.Empty : RejectionsCsv.SafeCell(row[c]));
                }

                await csv.NextRecordAsync();
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Excel(ArrsClaim claim, List<string?[]> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("ARRS claim");
        for (var c = 0; c < Header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(Header[c]);
        }

        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                var value = rows[r][c];
                if (value is null)
                {
                    continue;
                }

                if (MoneyColumns.Contains(c))
                {
                    cell.SetValue(decimal.Parse(value, CultureInfo.InvariantCulture));
                    cell.Style.NumberFormat.Format = "#,##0.00";
                }
                else
                {
                    cell.SetValue(RejectionsCsv.SafeCell(value));
                    cell.SetDataType(XLDataType.Text);
                }
            }
        }

        sheet.Row(rows.Count + 1).Style.Font.Bold = true;
        for (var c = 0; c < Header.Length; c++)
        {
            sheet.Column(c + 1).Width = Header[c] == "Workings" ? 100 : 16;
        }

        workbook.Properties.Title = string.Create(CultureInfo.InvariantCulture, $"ARRS claim {claim.Month:MMMM yyyy}");
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }
}

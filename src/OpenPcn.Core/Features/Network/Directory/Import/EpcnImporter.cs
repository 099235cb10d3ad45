using ClosedXML.Excel;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network.Directory.Import;

/// <summary>
/// ODS ePCN.xlsx: sheet PCNDetails (older files: "PCN Details") gives each PCN's name, sub-ICB location, open and close
/// dates; sheet "PCN Core Partner Details" gives each practice's membership of a PCN with start and (when it ended) end
/// date. Memberships are the only source of start dates, which onboarding uses for the membership period.
/// </summary>
internal static class EpcnImporter
{
    private const string Expected =
        "ePCN.xlsx has a sheet PCNDetails (PCN Code, PCN Name, Current Sub ICB Loc Code, Sub ICB Location, Open Date, " +
        "Close Date, Address Line 1 to 5, Postcode) and a sheet PCN Core Partner Details (Partner Organisation Code, Partner " +
        "Name, …, PCN Code, PCN Name, …, Practice to PCN Relationship Start Date, Practice to PCN Relationship End Date, …), " +
        "each with its header in row 1.";

    public static async Task RunAsync(ImportContext context, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await context.Source!.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        context.ReportProgress();
        using var workbook = Open(buffer);
        var details = EpcnSheet.Find(workbook, "PCNDetails", "PCN Details");
        var partners = EpcnSheet.Find(workbook, "PCN Core Partner Details", "PCNCorePartnerDetails");
        if (details is null && partners is null)
        {
            throw new ImportFormatException($"This workbook has neither a PCNDetails nor a PCN Core Partner Details sheet. {Expected}");
        }

        // Check both headers before writing anything, so a wrong second sheet fails the file, not half of it.
        var detailColumns = details?.Require(Expected, ["PCN Code"], ["PCN Name"]);
        var partnerColumns = partners?.Require(Expected, ["Partner Organisation Code"], ["PCN Code"], ["Practice to PCN Relationship Start Date"]);
        if (details is not null)
        {
            await using var pcns = PcnUpsert(context);
            await WriteAsync(context, pcns, ReadDetails(context, details, detailColumns!), ct);
        }

        if (partners is not null)
        {
            await using var memberships = MembershipUpsert(context);
            await WriteAsync(context, memberships, EpcnPartners.Read(context, partners, partnerColumns!), ct);
        }
    }

    private static XLWorkbook Open(MemoryStream buffer)
    {
        try
        {
            return new XLWorkbook(buffer);
        }
        catch (Exception e) when (e is InvalidDataException or FileFormatException or IOException or InvalidOperationException
            or ArgumentException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            throw new ImportFormatException($"This file cannot be read as an Excel workbook. {Expected}");
        }
    }

    private static List<DirectoryPcn> ReadDetails(ImportContext context, EpcnSheet sheet, int[] columns)
    {
        var (codeAt, nameAt) = (columns[0], columns[1]);
        var subIcbAt = sheet.Find("Current Sub ICB Loc Code", "Current Sub ICB Location Code", "Sub ICB Loc Code", "Current CCG Code");
        var (openAt, closeAt, postcodeAt) = (sheet.Find("Open Date"), sheet.Find("Close Date"), sheet.Find("Postcode"));
        var rows = new List<DirectoryPcn>();
        var seen = new Dictionary<string, (int Row, string Text)>(StringComparer.Ordinal);
        for (var row = 2; row <= sheet.LastRow; row++)
        {
            if (sheet.IsBlank(row))
            {
                continue;
            }

            context.RowRead();
            var errors = new List<string>();
            var codeText = sheet.Text(row, codeAt);
            if (!PcnCode.TryParse(codeText, out var code))
            {
                errors.Add($"PCN Code '{codeText}' is not a PCN ODS code (U and five digits, e.g. U89141)");
            }

            var name = sheet.Text(row, nameAt);
            if (name.Length == 0)
            {
                errors.Add("PCN Name is empty");
            }

            var pcn = new DirectoryPcn
            {
                Code = code,
                Name = name,
                SubIcbCode = Optional(sheet.Text(row, subIcbAt).ToUpperInvariant()),
                OpenDate = Date(sheet, row, openAt, "Open Date", errors),
                CloseDate = Date(sheet, row, closeAt, "Close Date", errors),
                Postcode = Optional(sheet.Text(row, postcodeAt)),
            };
            context.CheckLength<DirectoryPcn>(errors, "PCN Name", pcn.Name, nameof(DirectoryPcn.Name));
            context.CheckLength<DirectoryPcn>(errors, "Current Sub ICB Loc Code", pcn.SubIcbCode, nameof(DirectoryPcn.SubIcbCode));
            context.CheckLength<DirectoryPcn>(errors, "Postcode", pcn.Postcode, nameof(DirectoryPcn.Postcode));
            var text = sheet.RowText(row);
            if (errors.Count == 0 && seen.TryGetValue(code.Value, out var first))
            {
                errors.Add(first.Text == text
                    ? $"Duplicate of row {first.Row}"
                    : $"Conflicts with row {first.Row}: PCN Code {code} is there with different values");
            }

            if (errors.Count > 0)
            {
                context.Reject(sheet.Name, row, string.Join("; ", errors), text);
                continue;
            }

            seen[code.Value] = (row, text);
            rows.Add(pcn);
        }

        return rows;
    }

    internal static DateOnly? Date(EpcnSheet sheet, int row, int column, string name, List<string> errors)
    {
        if (sheet.TryDate(row, column, out var date, out var shown))
        {
            return date;
        }

        errors.Add($"{name} '{shown}' is not a date (expected a date cell, 20200701 or 01/07/2020)");
        return null;
    }

    internal static string? Optional(string value) => value.Length > 0 ? value : null;

    private static BulkUpsert<DirectoryPcn> PcnUpsert(ImportContext context) => new(context.Db,
        UpsertColumn<DirectoryPcn>.Of(p => p.Code),
        UpsertColumn<DirectoryPcn>.Of(p => p.Name),
        UpsertColumn<DirectoryPcn>.Of(p => p.SubIcbCode, UpsertPolicy.IgnoreEmpty),
        UpsertColumn<DirectoryPcn>.Of(p => p.OpenDate),
        UpsertColumn<DirectoryPcn>.Of(p => p.CloseDate),
        UpsertColumn<DirectoryPcn>.Of(p => p.Postcode, UpsertPolicy.IgnoreEmpty));

    private static BulkUpsert<DirectoryMembership> MembershipUpsert(ImportContext context) => new(context.Db,
        UpsertColumn<DirectoryMembership>.Of(m => m.PracticeCode),
        UpsertColumn<DirectoryMembership>.Of(m => m.PcnCode),
        UpsertColumn<DirectoryMembership>.Of(m => m.StartDate),
        UpsertColumn<DirectoryMembership>.Of(m => m.EndDate));

    private static async Task WriteAsync<T>(ImportContext context, BulkUpsert<T> upsert, List<T> rows, CancellationToken ct)
        where T : class
    {
        for (var start = 0; start < rows.Count; start += upsert.BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            var batch = rows.GetRange(start, Math.Min(upsert.BatchSize, rows.Count - start));
            foreach (var outcome in await upsert.WriteAsync(batch, ct))
            {
                context.Count(outcome);
            }

            context.ReportProgress();
        }
    }
}

using System.Globalization;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network.Directory.Import;

/// <summary>
/// ODS epraccur.csv: every GP practice and prescribing cost centre, 27 quoted columns and no header row. Only
/// prescribing setting 4 (a GP practice) is written; the rest are passed over and counted. Writes the ODS facts about a
/// practice (name, postcode, status, open and close dates, ICB and commissioner) and leaves the practice map's
/// (supplier) alone.
/// </summary>
internal static class EpraccurImporter
{
    public const int Columns = 27;

    private const string Expected =
        "epraccur.csv has no header row and 27 quoted columns: Organisation Code, Name, National Grouping, High Level " +
        "Health Geography, Address Line 1 to 5, Postcode, Open Date, Close Date, Status Code, Organisation Sub-Type, " +
        "Commissioner, Join Provider Date, Left Provider Date, Contact Telephone Number, …, Prescribing Setting (column 26), Null.";

    private const int Code = 0, Name = 1, Icb = 3, Postcode = 9, OpenDate = 10, CloseDate = 11, Status = 12, Commissioner = 14, Setting = 25;
    private const int GpPractice = 4;

    public static async Task RunAsync(ImportContext context, CancellationToken ct)
    {
        using var csv = new CsvInput(context.Source!);
        // The practice map (monthly) owns name, postcode and geography; epraccur owns status, dates and setting, and
        // fills the map's columns only for practices the map has not described (so the order of imports does not
        // decide which name a practice has).
        await using var upsert = new BulkUpsert<DirectoryPractice>(context.Db,
            UpsertColumn<DirectoryPractice>.Of(p => p.Code),
            UpsertColumn<DirectoryPractice>.Of(p => p.Name, UpsertPolicy.FillIfEmpty),
            UpsertColumn<DirectoryPractice>.Of(p => p.Postcode, UpsertPolicy.FillIfEmpty),
            UpsertColumn<DirectoryPractice>.Of(p => p.StatusCode),
            UpsertColumn<DirectoryPractice>.Of(p => p.OpenDate),
            UpsertColumn<DirectoryPractice>.Of(p => p.CloseDate),
            UpsertColumn<DirectoryPractice>.Of(p => p.PrescribingSetting),
            UpsertColumn<DirectoryPractice>.Of(p => p.IcbCode, UpsertPolicy.FillIfEmpty),
            UpsertColumn<DirectoryPractice>.Of(p => p.SubIcbCode, UpsertPolicy.FillIfEmpty));
        var batch = new List<DirectoryPractice>(upsert.BatchSize);
        var seen = new Dictionary<string, (int Line, int Hash)>(StringComparer.Ordinal);
        var first = true;
        var expectedShape = $"epraccur rows have {Columns}"; // worded once, not for every row
        while (await csv.ReadAsync())
        {
            if (first && csv.Count != Columns)
            {
                throw new ImportFormatException(
                    $"This file does not look like {DirectoryFile.Describe(DirectoryFileKind.Epraccur)}: its first row has {csv.Count} columns. {Expected}");
            }

            first = false;
            context.RowRead();
            if (context.RejectMisshapen(csv, Columns, expectedShape))
            {
                continue;
            }

            var settingText = csv[Setting];
            if (!int.TryParse(settingText, NumberStyles.None, CultureInfo.InvariantCulture, out var setting))
            {
                context.Reject(string.Empty, csv.Line, $"Prescribing Setting (column 26) '{settingText}' is not a number", csv.Excerpt);
                continue;
            }

            if (setting != GpPractice)
            {
                context.Skip();
                continue;
            }

            var practice = Parse(context, csv, out var errors);
            if (errors.Count > 0)
            {
                context.Reject(string.Empty, csv.Line, string.Join("; ", errors), csv.Excerpt);
                continue;
            }

            var hash = csv.RawHash;
            if (seen.TryGetValue(practice.Code.Value, out var earlier))
            {
                context.Reject(string.Empty, csv.Line, earlier.Hash == hash
                    ? $"Duplicate of line {earlier.Line}"
                    : $"Conflicts with line {earlier.Line}: Organisation Code {practice.Code} is there with different values", csv.Excerpt);
                continue;
            }

            seen[practice.Code.Value] = (csv.Line, hash);
            batch.Add(practice);
            if (batch.Count == upsert.BatchSize)
            {
                await context.FlushAsync(upsert, batch, ct);
            }
        }

        if (first)
        {
            throw new ImportFormatException($"The file is empty. {Expected}");
        }

        await context.FlushAsync(upsert, batch, ct);
    }

    private static DirectoryPractice Parse(ImportContext context, CsvInput csv, out List<string> errors)
    {
        errors = [];
        var codeText = csv[Code];
        if (!PracticeCode.TryParse(codeText, out var code))
        {
            errors.Add($"Organisation Code '{codeText}' is not a GP practice ODS code (one letter and five digits, e.g. A81001)");
        }

        var name = csv[Name];
        if (name.Length == 0)
        {
            errors.Add("Name is empty");
        }

        var status = csv[Status].ToUpperInvariant();
        if (status is not ("A" or "C" or "D" or "P" or ""))
        {
            errors.Add($"Status Code '{status}' is not A (active), C (closed), D (dormant) or P (proposed)");
        }

        var practice = new DirectoryPractice
        {
            Code = code,
            Name = name,
            Postcode = Optional(csv[Postcode]),
            StatusCode = Optional(status),
            OpenDate = Date(csv, OpenDate, "Open Date", errors),
            CloseDate = Date(csv, CloseDate, "Close Date", errors),
            PrescribingSetting = GpPractice,
            IcbCode = Optional(csv[Icb].ToUpperInvariant()),
            SubIcbCode = Optional(csv[Commissioner].ToUpperInvariant()),
        };
        context.CheckLength<DirectoryPractice>(errors, "Name", practice.Name, nameof(DirectoryPractice.Name));
        context.CheckLength<DirectoryPractice>(errors, "Postcode", practice.Postcode, nameof(DirectoryPractice.Postcode));
        context.CheckLength<DirectoryPractice>(errors, "High Level Health Geography", practice.IcbCode, nameof(DirectoryPractice.IcbCode));
        context.CheckLength<DirectoryPractice>(errors, "Commissioner", practice.SubIcbCode, nameof(DirectoryPractice.SubIcbCode));
        return practice;
    }

    private static DateOnly? Date(CsvInput csv, int index, string column, List<string> errors)
    {
        var text = csv[index];
        if (text.Length == 0)
        {
            return null;
        }

        if (DirectoryDates.TryParseOdsDate(text, out var date))
        {
            return date;
        }

        errors.Add($"{column} '{text}' is not a date like 19740401");
        return null;
    }

    private static string? Optional(string value) => value.Length > 0 ? value : null;
}

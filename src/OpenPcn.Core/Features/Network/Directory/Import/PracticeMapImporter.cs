namespace OpenPcn.Core.Features.Network.Directory.Import;

/// <summary>
/// gp-reg-pat-prac-map.csv: one practice per row with its PCN, sub-ICB location, ICB, region and clinical system
/// supplier. Writes the practice, its PCN and sub-ICB location, and its membership "as at" the extract date. PCN_CODE
/// <c>U</c> (Unallocated) means the practice is in no PCN: the practice is kept, with no membership. The older CCG/STP
/// column names are read as their sub-ICB/ICB successors.
/// </summary>
internal static partial class PracticeMapImporter
{
    private const string Expected =
        "Expected a header row with PUBLICATION, EXTRACT_DATE, PRACTICE_CODE, PRACTICE_NAME, PRACTICE_POSTCODE, PCN_CODE, PCN_NAME, " +
        "ONS_SUB_ICB_LOCATION_CODE, SUB_ICB_LOCATION_CODE, SUB_ICB_LOCATION_NAME, ONS_ICB_CODE, ICB_CODE, ICB_NAME, " +
        "ONS_COMM_REGION_CODE, COMM_REGION_CODE, COMM_REGION_NAME, SUPPLIER_NAME.";

    public static async Task RunAsync(ImportContext context, CancellationToken ct)
    {
        using var csv = new CsvInput(context.Source!);
        var header = await CsvHeader.ReadAsync(csv) ?? throw new ImportFormatException($"The file is empty. {Expected}");
        var at = Columns.From(header);
        await using var writer = new Writer(context);
        var seen = new Dictionary<string, (int Line, int Hash)>(StringComparer.Ordinal);
        var expectedShape = $"the header has {header.Count}"; // worded once, not for every row
        while (await csv.ReadAsync())
        {
            context.RowRead();
            if (context.RejectMisshapen(csv, header.Count, expectedShape))
            {
                continue;
            }

            var row = Parse(context, csv, at, out var errors);
            if (errors.Count > 0)
            {
                context.Reject(string.Empty, csv.Line, string.Join("; ", errors), csv.Excerpt);
                continue;
            }

            var hash = csv.RawHash;
            if (seen.TryGetValue(row!.Practice.Code.Value, out var first))
            {
                context.Reject(string.Empty, csv.Line, first.Hash == hash
                    ? $"Duplicate of line {first.Line}"
                    : $"Conflicts with line {first.Line}: PRACTICE_CODE {row.Practice.Code} is there with different values", csv.Excerpt);
                continue;
            }

            seen[row.Practice.Code.Value] = (csv.Line, hash);
            writer.Add(row);
            if (writer.Count == writer.BatchSize)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
    }

    private static MapRow? Parse(ImportContext context, CsvInput csv, Columns at, out List<string> errors)
    {
        errors = [];
        var codeText = csv[at.PracticeCode];
        if (!PracticeCode.TryParse(codeText, out var code))
        {
            errors.Add($"PRACTICE_CODE '{codeText}' is not a practice ODS code (one letter and five digits, e.g. A81001)");
        }

        var dateText = csv[at.ExtractDate];
        if (!DirectoryDates.TryParseExtractDate(dateText, out var date))
        {
            errors.Add($"EXTRACT_DATE '{dateText}' is not a date like 01OCT2025");
        }

        var pcnText = csv[at.PcnCode];
        var unallocated = pcnText.Equals("U", StringComparison.OrdinalIgnoreCase);
        PcnCode pcnCode = default;
        if (!unallocated && !PcnCode.TryParse(pcnText, out pcnCode))
        {
            errors.Add($"PCN_CODE '{pcnText}' is not a PCN ODS code (U and five digits, e.g. U89141) or U for a practice in no PCN");
        }

        var name = Required(csv, at.PracticeName, "PRACTICE_NAME", errors);
        var pcnName = unallocated ? string.Empty : Required(csv, at.PcnName, "PCN_NAME", errors);
        var subIcbCode = Required(csv, at.SubIcbCode, "SUB_ICB_LOCATION_CODE", errors).ToUpperInvariant();
        var subIcbName = Required(csv, at.SubIcbName, "SUB_ICB_LOCATION_NAME", errors);
        var icbCode = Required(csv, at.IcbCode, "ICB_CODE", errors).ToUpperInvariant();
        var icbName = Required(csv, at.IcbName, "ICB_NAME", errors);
        var practice = new DirectoryPractice
        {
            Code = code,
            Name = name,
            Postcode = Optional(csv, at.Postcode),
            SubIcbCode = subIcbCode,
            IcbCode = icbCode,
            SupplierName = Optional(csv, at.Supplier),
        };
        var subIcb = new DirectorySubIcb
        {
            Code = subIcbCode,
            Name = subIcbName,
            OnsCode = Optional(csv, at.SubIcbOnsCode),
            IcbCode = icbCode,
            IcbName = icbName,
            IcbOnsCode = Optional(csv, at.IcbOnsCode),
            RegionCode = Optional(csv, at.RegionCode),
            RegionName = Optional(csv, at.RegionName),
        };
        CheckLengths(context, errors, practice, subIcb, pcnName);
        if (errors.Count > 0)
        {
            return null;
        }

        return new MapRow(
            csv.Line,
            practice,
            subIcb,
            unallocated ? null : new DirectoryPcn { Code = pcnCode, Name = pcnName, SubIcbCode = subIcbCode },
            unallocated ? null : new DirectoryMembership { PracticeCode = code, PcnCode = pcnCode, AsAt = date, FirstAsAt = date });
    }

    private static void CheckLengths(ImportContext context, List<string> errors, DirectoryPractice practice, DirectorySubIcb subIcb, string pcnName)
    {
        context.CheckLength<DirectoryPractice>(errors, "PRACTICE_NAME", practice.Name, nameof(DirectoryPractice.Name));
        context.CheckLength<DirectoryPractice>(errors, "PRACTICE_POSTCODE", practice.Postcode, nameof(DirectoryPractice.Postcode));
        context.CheckLength<DirectoryPractice>(errors, "SUPPLIER_NAME", practice.SupplierName, nameof(DirectoryPractice.SupplierName));
        context.CheckLength<DirectoryPcn>(errors, "PCN_NAME", pcnName, nameof(DirectoryPcn.Name));
        context.CheckLength<DirectorySubIcb>(errors, "SUB_ICB_LOCATION_CODE", subIcb.Code, nameof(DirectorySubIcb.Code));
        context.CheckLength<DirectorySubIcb>(errors, "SUB_ICB_LOCATION_NAME", subIcb.Name, nameof(DirectorySubIcb.Name));
        context.CheckLength<DirectorySubIcb>(errors, "ONS_SUB_ICB_LOCATION_CODE", subIcb.OnsCode, nameof(DirectorySubIcb.OnsCode));
        context.CheckLength<DirectorySubIcb>(errors, "ICB_CODE", subIcb.IcbCode, nameof(DirectorySubIcb.IcbCode));
        context.CheckLength<DirectorySubIcb>(errors, "ICB_NAME", subIcb.IcbName, nameof(DirectorySubIcb.IcbName));
        context.CheckLength<DirectorySubIcb>(errors, "ONS_ICB_CODE", subIcb.IcbOnsCode, nameof(DirectorySubIcb.IcbOnsCode));
        context.CheckLength<DirectorySubIcb>(errors, "COMM_REGION_CODE", subIcb.RegionCode, nameof(DirectorySubIcb.RegionCode));
        context.CheckLength<DirectorySubIcb>(errors, "COMM_REGION_NAME", subIcb.RegionName, nameof(DirectorySubIcb.RegionName));
    }

    private static string Required(CsvInput csv, int index, string column, List<string> errors)
    {
        var value = csv[index];
        if (value.Length == 0)
        {
            errors.Add($"{column} is empty");
        }

        return value;
    }

    private static string? Optional(CsvInput csv, int index) => csv[index] is { Length: > 0 } value ? value : null;

    private sealed record MapRow(int Line, DirectoryPractice Practice, DirectorySubIcb SubIcb, DirectoryPcn? Pcn, DirectoryMembership? Membership);

    /// <summary>Where each column is; the required ones are found or the file is refused.</summary>
    private sealed record Columns(
        int ExtractDate, int PracticeCode, int PracticeName, int Postcode, int PcnCode, int PcnName, int SubIcbOnsCode, int SubIcbCode,
        int SubIcbName, int IcbOnsCode, int IcbCode, int IcbName, int RegionCode, int RegionName, int Supplier)
    {
        public static Columns From(CsvHeader header)
        {
            var r = header.Require(DirectoryFile.Describe(DirectoryFileKind.PracticeMap), Expected,
                ["EXTRACT_DATE"], ["PRACTICE_CODE"], ["PRACTICE_NAME"], ["PCN_CODE"], ["PCN_NAME"],
                ["SUB_ICB_LOCATION_CODE", "CCG_CODE"], ["SUB_ICB_LOCATION_NAME", "CCG_NAME"], ["ICB_CODE", "STP_CODE"], ["ICB_NAME", "STP_NAME"]);
            return new Columns(r[0], r[1], r[2], header.Find("PRACTICE_POSTCODE", "POSTCODE"), r[3], r[4],
                header.Find("ONS_SUB_ICB_LOCATION_CODE", "ONS_CCG_CODE"), r[5], r[6], header.Find("ONS_ICB_CODE", "ONS_STP_CODE"), r[7], r[8],
                header.Find("COMM_REGION_CODE"), header.Find("COMM_REGION_NAME"), header.Find("SUPPLIER_NAME"));
        }
    }
}

using System.Globalization;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network.Directory.Import;

/// <summary>
/// gp-reg-pat-prac-all.csv: one practice's registered list on an extract date per row. Columns are found by name, so
/// the CCG layout (to 2022), the sub-ICB layout and the 2024 layout without either all read the same. Only the
/// practice totals count (TYPE=GP, SEX=ALL, AGE=ALL); other rows are passed over.
/// </summary>
internal static class PatientsRegisteredImporter
{
    private const string Expected =
        "Expected a header row with PUBLICATION, EXTRACT_DATE, TYPE, CODE, POSTCODE, SEX, AGE, NUMBER_OF_PATIENTS " +
        "(older files also have CCG_CODE and ONS_CCG_CODE, or SUB_ICB_LOCATION_CODE and ONS_SUB_ICB_LOCATION_CODE).";

    public static async Task RunAsync(ImportContext context, CancellationToken ct)
    {
        var description = DirectoryFile.Describe(DirectoryFileKind.PatientsRegistered);
        using var csv = new CsvInput(context.Source!);
        var header = await CsvHeader.ReadAsync(csv) ?? throw new ImportFormatException($"The file is empty. {Expected}");
        var columns = header.Require(description, Expected, ["EXTRACT_DATE"], ["CODE", "PRACTICE_CODE"], ["SEX"], ["AGE"], ["NUMBER_OF_PATIENTS"]);
        var (dateAt, codeAt, sexAt, ageAt, patientsAt) = (columns[0], columns[1], columns[2], columns[3], columns[4]);
        var typeAt = header.Find("TYPE", "ORG_TYPE");

        await using var upsert = new BulkUpsert<DirectoryListSize>(context.Db,
            UpsertColumn<DirectoryListSize>.Of(l => l.PracticeCode),
            UpsertColumn<DirectoryListSize>.Of(l => l.ExtractDate),
            UpsertColumn<DirectoryListSize>.Of(l => l.Patients));
        var batch = new List<DirectoryListSize>(upsert.BatchSize);

        // Every (practice, date) seen, packed into a long, so a 650,000-row file stays a few tens of megabytes.
        var seen = new Dictionary<long, (int Line, int Hash, int Patients)>();
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var errors = new List<string>();
        var expectedShape = $"the header has {header.Count}"; // worded once, not for every row
        while (await csv.ReadAsync())
        {
            context.RowRead();
            if (context.RejectMisshapen(csv, header.Count, expectedShape))
            {
                continue;
            }

            if ((typeAt >= 0 && !csv[typeAt].Equals("GP", StringComparison.OrdinalIgnoreCase))
                || !csv[sexAt].Equals("ALL", StringComparison.OrdinalIgnoreCase)
                || !csv[ageAt].Equals("ALL", StringComparison.OrdinalIgnoreCase))
            {
                context.Skip();
                continue;
            }

            errors.Clear();
            var codeText = csv[codeAt];
            if (!PracticeCode.TryParse(codeText, out var code))
            {
                errors.Add($"CODE '{codeText}' is not a practice ODS code (one letter and five digits, e.g. A81001)");
            }

            var dateText = csv[dateAt];
            if (!dates.TryGetValue(dateText, out var date))
            {
                if (DirectoryDates.TryParseExtractDate(dateText, out date))
                {
                    dates[dateText] = date;
                }
                else
                {
                    errors.Add($"EXTRACT_DATE '{dateText}' is not a date like 01JAN2021");
                }
            }

            var patientsText = csv[patientsAt];
            if (!int.TryParse(patientsText, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var patients))
            {
                errors.Add(long.TryParse(patientsText, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n < 0
                    ? $"NUMBER_OF_PATIENTS '{patientsText}' is negative"
                    : $"NUMBER_OF_PATIENTS '{patientsText}' is not a whole number");
            }

            if (errors.Count > 0)
            {
                context.Reject(string.Empty, csv.Line, string.Join("; ", errors), csv.Excerpt);
                continue;
            }

            var key = ((long)Pack(code) << 32) | (uint)date.DayNumber;
            var hash = csv.RawHash;
            if (seen.TryGetValue(key, out var first))
            {
                context.Reject(string.Empty, csv.Line, first.Hash == hash
                    ? $"Duplicate of line {first.Line}"
                    : first.Patients != patients
                        ? FormattableString.Invariant($"Conflicts with line {first.Line}: {code} on {date:dd MMM yyyy} has NUMBER_OF_PATIENTS {first.Patients} there and {patients} here")
                        : FormattableString.Invariant($"Conflicts with line {first.Line}: {code} on {date:dd MMM yyyy} is there with different values"), csv.Excerpt);
                continue;
            }

            seen[key] = (csv.Line, hash, patients);
            batch.Add(new DirectoryListSize { PracticeCode = code, ExtractDate = date, Patients = patients });
            if (batch.Count == upsert.BatchSize)
            {
                await context.FlushAsync(upsert, batch, ct);
            }
        }

        await context.FlushAsync(upsert, batch, ct);
    }

    /// <summary>A practice code as a number: the letter's place times 100,000 plus the digits.</summary>
    private static int Pack(PracticeCode code) =>
        ((code.Value[0] - 'A') * 100_000) + int.Parse(code.Value.AsSpan(1), CultureInfo.InvariantCulture);
}

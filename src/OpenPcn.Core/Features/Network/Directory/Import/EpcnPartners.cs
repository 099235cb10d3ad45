namespace OpenPcn.Core.Features.Network.Directory.Import;

/// <summary>
/// The PCN Core Partner Details sheet: a practice's periods of membership of PCNs. The directory keeps one period per
/// practice and PCN, so when a practice left and rejoined the same PCN the latest period is kept and the earlier row
/// refused with that reason (naming the row kept).
/// </summary>
internal static class EpcnPartners
{
    public static List<DirectoryMembership> Read(ImportContext context, EpcnSheet sheet, int[] columns)
    {
        var (practiceAt, pcnAt, startAt) = (columns[0], columns[1], columns[2]);
        var endAt = sheet.Find("Practice to PCN Relationship End Date");
        var kept = new Dictionary<(string, string), (int Row, string Text, DirectoryMembership Membership)>();
        for (var row = 2; row <= sheet.LastRow; row++)
        {
            if (sheet.IsBlank(row))
            {
                continue;
            }

            context.RowRead();
            var errors = new List<string>();
            var practiceText = sheet.Text(row, practiceAt);
            if (!PracticeCode.TryParse(practiceText, out var practice))
            {
                errors.Add($"Partner Organisation Code '{practiceText}' is not a practice ODS code (one letter and five digits, e.g. A81001)");
            }

            var pcnText = sheet.Text(row, pcnAt);
            if (!PcnCode.TryParse(pcnText, out var pcn))
            {
                errors.Add($"PCN Code '{pcnText}' is not a PCN ODS code (U and five digits, e.g. U89141)");
            }

            var start = EpcnImporter.Date(sheet, row, startAt, "Practice to PCN Relationship Start Date", errors);
            var end = EpcnImporter.Date(sheet, row, endAt, "Practice to PCN Relationship End Date", errors);
            if (start is null && !errors.Exists(e => e.StartsWith("Practice to PCN Relationship Start Date", StringComparison.Ordinal)))
            {
                errors.Add("Practice to PCN Relationship Start Date is empty");
            }

            if (start is { } s && end is { } e && e < s)
            {
                errors.Add(FormattableString.Invariant($"Practice to PCN Relationship End Date {e:d MMM yyyy} is before the start date {s:d MMM yyyy}"));
            }

            var text = sheet.RowText(row);
            if (errors.Count > 0)
            {
                context.Reject(sheet.Name, row, string.Join("; ", errors), text);
                continue;
            }

            var membership = new DirectoryMembership { PracticeCode = practice, PcnCode = pcn, StartDate = start, EndDate = end };
            var key = (practice.Value, pcn.Value);
            if (!kept.TryGetValue(key, out var other))
            {
                kept[key] = (row, text, membership);
            }
            else if (other.Text == text)
            {
                context.Reject(sheet.Name, row, $"Duplicate of row {other.Row}", text);
            }
            else if (start > other.Membership.StartDate)
            {
                context.Reject(sheet.Name, other.Row,
                    $"An earlier period of {practice} in {pcn}; row {row} has a later one and the directory keeps only the latest", other.Text);
                kept[key] = (row, text, membership);
            }
            else
            {
                context.Reject(sheet.Name, row, start == other.Membership.StartDate
                    ? FormattableString.Invariant($"Conflicts with row {other.Row}: {practice} in {pcn} from {start:d MMM yyyy} is there with different values")
                    : $"An earlier period of {practice} in {pcn}; row {other.Row} has a later one and the directory keeps only the latest", text);
            }
        }

        return [.. kept.Values.OrderBy(k => k.Row).Select(k => k.Membership)];
    }
}

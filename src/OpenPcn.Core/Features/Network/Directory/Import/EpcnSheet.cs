using System.Globalization;
using ClosedXML.Excel;

namespace OpenPcn.Core.Features.Network.Directory.Import;

/// <summary>
/// One sheet of the ePCN workbook read by header name (row 1, case-insensitive, spaces trimmed), with the cell
/// conversions the published files need: dates arrive as real Excel dates, as numbers like 20200701, or as text.
/// </summary>
internal sealed class EpcnSheet
{
    private readonly IXLWorksheet _sheet;
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _lastColumn;

    private EpcnSheet(IXLWorksheet sheet)
    {
        _sheet = sheet;
        _lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        for (var c = 1; c <= _lastColumn; c++)
        {
            _columns.TryAdd(Normalise(sheet.Cell(1, c).GetString()), c);
        }

        LastRow = sheet.LastRowUsed()?.RowNumber() ?? 0;
    }

    public string Name => _sheet.Name;

    public int LastRow { get; }

    /// <summary>The sheet whose name, ignoring case and spaces, is one of <paramref name="names"/>.</summary>
    public static EpcnSheet? Find(XLWorkbook workbook, params string[] names)
    {
        var wanted = names.Select(Squash).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sheet = workbook.Worksheets.FirstOrDefault(w => wanted.Contains(Squash(w.Name)));
        return sheet is null ? null : new EpcnSheet(sheet);
    }

    /// <summary>The column of the first of <paramref name="names"/> in the header, or 0.</summary>
    public int Find(params string[] names) =>
        names.Select(n => _columns.GetValueOrDefault(Normalise(n))).FirstOrDefault(c => c > 0);

    public int[] Require(string expected, params string[][] columns)
    {
        var found = columns.Select(c => Find(c)).ToArray();
        var missing = columns.Where((c, i) => found[i] == 0).Select(c => c[0]).ToList();
        return missing.Count == 0
            ? found
            : throw new ImportFormatException(
                $"The sheet {Name} does not look like ePCN's: it has no {string.Join(", ", missing)} column{(missing.Count > 1 ? "s" : string.Empty)} in row 1. {expected}");
    }

    public bool IsBlank(int row) => Enumerable.Range(1, _lastColumn).All(c => _sheet.Cell(row, c).IsEmpty() || Text(row, c).Length == 0);

    public string Text(int row, int column)
    {
        if (column == 0)
        {
            return string.Empty;
        }

        var cell = _sheet.Cell(row, column);
        return cell.DataType == XLDataType.DateTime
            ? cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : cell.GetString().Trim();
    }

    /// <summary>A date cell; <c>false</c> (with the cell as shown) when it holds something that is not a date.</summary>
    public bool TryDate(int row, int column, out DateOnly? date, out string shown)
    {
        date = null;
        shown = string.Empty;
        if (column == 0)
        {
            return true;
        }

        var cell = _sheet.Cell(row, column);
        if (cell.IsEmpty())
        {
            return true;
        }

        switch (cell.DataType)
        {
            case XLDataType.DateTime:
                date = DateOnly.FromDateTime(cell.GetDateTime());
                return true;
            case XLDataType.Number:
                var number = cell.GetDouble();
                shown = number.ToString(CultureInfo.InvariantCulture);
                var ok = DirectoryDates.TryParseNumber(number, out var fromNumber);
                date = ok ? fromNumber : null;
                return ok;
            default:
                shown = cell.GetString().Trim();
                if (shown.Length == 0)
                {
                    return true;
                }

                var parsed = DirectoryDates.TryParseText(shown, out var fromText);
                date = parsed ? fromText : null;
                return parsed;
        }
    }

    /// <summary>The row's values joined, for excerpts and for telling exact duplicates apart.</summary>
    public string RowText(int row) =>
        string.Join(", ", Enumerable.Range(1, _lastColumn).Select(c => Text(row, c))).TrimEnd(',', ' ');

    private static string Normalise(string header) => string.Join(' ', header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Squash(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
}

using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace OpenPcn.Core.Features.Network.Directory.Import;

/// <summary>
/// Row-by-row reading of a national CSV file with CsvHelper's parser: trimmed fields, the physical line a row starts
/// on (counting the header as line 1), a short excerpt for rejection reports, and a note of malformed quoting instead of
/// an exception, so one bad row is refused rather than failing the file.
/// </summary>
internal sealed class CsvInput : IDisposable
{
    private readonly CsvParser _parser;
    private bool _badData;
    private string? _raw;

    public CsvInput(Stream content)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = _ => _badData = true,
            IgnoreBlankLines = true,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
        };
        var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        _parser = new CsvParser(reader, configuration, leaveOpen: false);
    }

    /// <summary>Fields in the current row.</summary>
    public int Count => _parser.Count;

    /// <summary>The row had a quote in the wrong place; its fields cannot be trusted.</summary>
    public bool HasBadData => _badData;

    /// <summary>The physical line the current row starts on (1 is the first line of the file).</summary>
    public int Line
    {
        get
        {
            var raw = Raw.AsSpan().TrimEnd("\r\n");
            return _parser.RawRow - raw.Count('\n');
        }
    }

    /// <summary>The start of the row as it is in the file.</summary>
    public string Excerpt => ImportContext.Truncate(Raw.TrimEnd('\r', '\n'), 200)!;

    /// <summary>A hash of the row's exact text, to tell an exact duplicate from a conflicting one.</summary>
    public int RawHash => string.GetHashCode(Raw.AsSpan().TrimEnd("\r\n"), StringComparison.Ordinal);

    private string Raw => _raw ??= _parser.RawRecord;

    /// <summary>The field at <paramref name="index"/>, trimmed; empty when the row is shorter.</summary>
    public string this[int index] => index >= 0 && index < _parser.Count ? _parser[index].Trim() : string.Empty;

    public async Task<bool> ReadAsync()
    {
        _badData = false;
        _raw = null;
        return await _parser.ReadAsync();
    }

    /// <summary>The current row's fields, trimmed.</summary>
    public string[] Fields()
    {
        var fields = new string[_parser.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = this[i];
        }

        return fields;
    }

    public void Dispose() => _parser.Dispose();
}

/// <summary>A CSV header: column positions by name, matched case-insensitively and trimmed.</summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    private CsvHeader(string[] names)
    {
        Count = names.Length;
        for (var i = 0; i < names.Length; i++)
        {
            _index.TryAdd(names[i].Trim().TrimStart('\uFEFF'), i);
        }
    }

    public int Count { get; }

    /// <summary>Reads the header row; <c>null</c> when the file has no rows at all.</summary>
    public static async Task<CsvHeader?> ReadAsync(CsvInput csv) => await csv.ReadAsync() ? new CsvHeader(csv.Fields()) : null;

    /// <summary>The position of the first of <paramref name="names"/> present (a column and its older aliases), or -1.</summary>
    public int Find(params string[] names)
    {
        foreach (var name in names)
        {
            if (_index.TryGetValue(name, out var i))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The positions of the required columns (each given with its aliases, e.g. <c>["SUB_ICB_LOCATION_CODE", "CCG_CODE"]</c>);
    /// refuses the whole file, naming every missing column, when any is absent.
    /// </summary>
    public int[] Require(string fileDescription, string expected, params string[][] columns)
    {
        var positions = columns.Select(c => Find(c)).ToArray();
        var missing = columns.Where((c, i) => positions[i] < 0).Select(c => c[0]).ToList();
        return missing.Count == 0
            ? positions
            : throw new ImportFormatException(
                $"This file does not look like {fileDescription}: it has no {string.Join(", ", missing)} column{(missing.Count > 1 ? "s" : string.Empty)}. {expected}");
    }
}

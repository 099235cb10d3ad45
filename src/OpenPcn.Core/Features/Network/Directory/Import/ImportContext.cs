using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network.Directory.Import;

/// <summary>The whole file cannot be imported (wrong columns, empty, not a CSV); nothing is written.</summary>
internal sealed class ImportFormatException(string message) : Exception(message);

/// <summary>
/// The running tally of one file's import: rows read, each row's fate, the refused rows with their reasons, and
/// progress for a progress bar. Importers own the parsing; this keeps the counting the same for every kind of file.
/// </summary>
internal sealed class ImportContext(PcnDbContext db, IProgress<ImportProgress>? progress)
{
    /// <summary>
    /// Refused rows kept with their reasons. Every refusal is counted; past this many the details are dropped, because
    /// a file with more bad rows than this is the wrong file and a list that long helps nobody.
    /// </summary>
    public const int MaxRecordedRejections = 10_000;

    private readonly List<RejectedRow> _rejections = [];

    public PcnDbContext Db => db;

    /// <summary>Where the bytes come from, for progress; set when the file is opened.</summary>
    public ProgressStream? Source { get; set; }

    public int RowsRead { get; private set; }

    public int Inserted { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public int Skipped { get; private set; }

    public int Rejected { get; private set; }

    public IReadOnlyList<RejectedRow> Rejections => _rejections;

    public void RowRead() => RowsRead++;

    public void Skip() => Skipped++;

    public void Reject(string sheet, int line, string reason, string? excerpt)
    {
        Rejected++;
        if (_rejections.Count < MaxRecordedRejections)
        {
            _rejections.Add(new RejectedRow(sheet, line, Truncate(reason, 500)!, Truncate(excerpt, 300)));
        }
    }

    public void Count(UpsertOutcome outcome)
    {
        switch (outcome)
        {
            case UpsertOutcome.Inserted:
                Inserted++;
                break;
            case UpsertOutcome.Updated:
                Updated++;
                break;
            default:
                Unchanged++;
                break;
        }
    }

    /// <summary>
    /// Refuses a CSV row whose shape is wrong (a stray quote, or not <paramref name="expectedFields"/> fields, which
    /// <paramref name="expected"/> describes, e.g. "the header has 8"). Returns true when the row was refused.
    /// </summary>
    public bool RejectMisshapen(CsvInput csv, int expectedFields, string expected)
    {
        if (csv.Count == expectedFields && !csv.HasBadData)
        {
            return false;
        }

        Reject(string.Empty, csv.Line, csv.HasBadData
            ? "The row has a quote character in the wrong place"
            : $"The row has {csv.Count} fields; {expected}", csv.Excerpt);
        return true;
    }

    /// <summary>Writes a batch, counts what happened to each row, empties the batch and reports progress.</summary>
    public async Task FlushAsync<T>(BulkUpsert<T> upsert, List<T> batch, CancellationToken ct)
        where T : class
    {
        ct.ThrowIfCancellationRequested();
        foreach (var outcome in await upsert.WriteAsync(batch, ct))
        {
            Count(outcome);
        }

        batch.Clear();
        ReportProgress();
    }

    /// <summary>Forgets what was written: the transaction was rolled back, so nothing was.</summary>
    public void RolledBack() => (Inserted, Updated, Unchanged) = (0, 0, 0);

    public void ReportProgress() =>
        progress?.Report(new ImportProgress(Source?.BytesRead ?? 0, Source?.TotalBytes, RowsRead));

    /// <summary>The model's maximum length of a property, so a too-long value is refused as a row, not as a database error.</summary>
    public int? MaxLength<TEntity>(string property) =>
        db.Model.FindEntityType(typeof(TEntity))?.FindProperty(property)?.GetMaxLength();

    /// <summary>Adds a reason when <paramref name="value"/> is longer than the column that will hold it.</summary>
    public void CheckLength<TEntity>(List<string> errors, string column, string? value, string property)
    {
        if (value is not null && MaxLength<TEntity>(property) is { } max && value.Length > max)
        {
            errors.Add($"{column} is longer than {max} characters");
        }
    }

    public static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");
}

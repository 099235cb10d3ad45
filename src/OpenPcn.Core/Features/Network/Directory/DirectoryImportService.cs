using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network.Directory;

/// <summary>What happened to one file: counts, and every refused row with its line and reason.</summary>
public sealed record ImportReport(
    Guid ImportRunId,
    string FileName,
    DirectoryFileKind Kind,
    ImportStatus Status,
    int RowsRead,
    int Inserted,
    int Updated,
    int Unchanged,
    int Skipped,
    int Rejected,
    string? Failure,
    IReadOnlyList<RejectedRow> Rejections,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? ImportedBy);

public sealed record RejectedRow(string Sheet, int Line, string Reason, string? Excerpt);

/// <summary>Progress of a long import, for progress bars.</summary>
public sealed record ImportProgress(long BytesRead, long? TotalBytes, int Rows);

/// <summary>What the national directory holds now.</summary>
public sealed record DirectoryStatus(int Practices, int Pcns, int SubIcbs, int Memberships, int ListSizes, DateOnly? LatestListSizeDate, DateOnly? LatestMapDate);

/// <summary>
/// Imports the NHS's national files into the directory: gp-reg-pat-prac-all.csv, gp-reg-pat-prac-map.csv,
/// epraccur.csv and the ePCN workbook. Good rows are kept and bad ones reported with file, line and reason; each file
/// is one transaction; importing the same file again changes nothing.
/// </summary>
public sealed class DirectoryImportService(PcnDbContext db, TenantScope scope, TimeProvider clock)
{
    /// <summary>Imports one file; <paramref name="kind"/> is detected from the name and content when not given.</summary>
    public Task<ImportReport> ImportAsync(Stream content, string fileName, DirectoryFileKind? kind = null,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        throw new NotImplementedException($"{db}{scope}{clock}");

    public Task<ImportReport> ImportFileAsync(string path, DirectoryFileKind? kind = null,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Loads the files shipped in <c>data/directory/</c> when the directory is empty (first run).</summary>
    public Task<IReadOnlyList<ImportReport>> ImportShippedIfEmptyAsync(CancellationToken ct = default) =>
        throw new NotImplementedException();

    public Task<ImportReport?> GetRunAsync(Guid importRunId, CancellationToken ct = default) =>
        throw new NotImplementedException();

    /// <summary>Recent runs, newest first, without their rejected rows.</summary>
    public Task<IReadOnlyList<ImportReport>> ListRunsAsync(int take = 20, CancellationToken ct = default) =>
        throw new NotImplementedException();

    public Task<DirectoryStatus> GetStatusAsync(CancellationToken ct = default) =>
        throw new NotImplementedException();
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace OpenPcn.Core.Features.Network.Directory;

public sealed partial class DirectoryImportService
{
    /// <summary>The shipped files in load order: practices from ODS first, then the map fills PCNs, then list sizes.</summary>
    public static readonly IReadOnlyList<(string FileName, DirectoryFileKind Kind)> ShippedFiles =
    [
        ("epraccur.csv", DirectoryFileKind.Epraccur),
        ("gp-reg-pat-prac-map.csv", DirectoryFileKind.PracticeMap),
        ("gp-reg-pat-prac-all.csv", DirectoryFileKind.PatientsRegistered),
    ];

    /// <summary>Loads the files shipped in <c>data/directory/</c> when the directory is empty (first run).</summary>
    public async Task<IReadOnlyList<ImportReport>> ImportShippedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.DirectoryPractices.AnyAsync(ct))
        {
            return [];
        }

        var started = clock.GetTimestamp();
        var folder = options.Value.ResolveDataFolder();
        var reports = new List<ImportReport>();
        foreach (var (fileName, kind) in ShippedFiles)
        {
            var path = Path.Combine(folder, fileName);
            if (!File.Exists(path))
            {
                LogShippedFileMissing(logger, kind);
                continue;
            }

            reports.Add(await ImportFileAsync(path, kind, ct: ct));
        }

        var elapsed = clock.GetElapsedTime(started).TotalMilliseconds;
        LogShippedLoaded(logger, reports.Count, elapsed);
        return reports;
    }

    public async Task<ImportReport?> GetRunAsync(Guid importRunId, CancellationToken ct = default)
    {
        var run = await db.ImportRuns.Include(r => r.Rejections).AsNoTracking().SingleOrDefaultAsync(r => r.ImportRunId == importRunId, ct);
        return run is null ? null : ToReport(run);
    }

    /// <summary>Recent runs, newest first, without their rejected rows.</summary>
    public async Task<IReadOnlyList<ImportReport>> ListRunsAsync(int take = 20, CancellationToken ct = default)
    {
        var runs = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.ImportRunId)
            .Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return [.. runs.Select(ToReport)];
    }

    public async Task<DirectoryStatus> GetStatusAsync(CancellationToken ct = default) => new(
        await db.DirectoryPractices.CountAsync(ct),
        await db.DirectoryPcns.CountAsync(ct),
        await db.DirectorySubIcbs.CountAsync(ct),
        await db.DirectoryMemberships.CountAsync(ct),
        await db.DirectoryListSizes.CountAsync(ct),
        await db.DirectoryListSizes.MaxAsync(l => (DateOnly?)l.ExtractDate, ct),
        await db.DirectoryMemberships.MaxAsync(m => m.AsAt, ct));

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Imported {Kind}: {Rows} rows, {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Skipped} skipped, {Rejected} rejected in {ElapsedMs:F0} ms")]
    private static partial void LogImported(ILogger logger, DirectoryFileKind kind, int rows, int inserted, int updated, int unchanged,
        int skipped, int rejected, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Kind} file after {Rows} rows in {ElapsedMs:F0} ms; nothing was changed")]
    private static partial void LogRefused(ILogger logger, DirectoryFileKind kind, int rows, double elapsedMs);

    // Only the exception's type: its message can quote the file's values, which stay in the run record for the administrator.
    [LoggerMessage(Level = LogLevel.Error, Message = "A {Kind} import failed with {ExceptionType} after {Rows} rows in {ElapsedMs:F0} ms and was rolled back")]
    private static partial void LogFailed(ILogger logger, DirectoryFileKind kind, string exceptionType, int rows, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shipped {Kind} file is missing from the directory data folder; skipped")]
    private static partial void LogShippedFileMissing(ILogger logger, DirectoryFileKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Files} shipped national directory files in {ElapsedMs:F0} ms")]
    private static partial void LogShippedLoaded(ILogger logger, int files, double elapsedMs);
}

using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network.Directory.Import;
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
public sealed partial class DirectoryImportService(
    PcnDbContext db,
    TenantScope scope,
    TimeProvider clock,
    IOptions<DirectoryOptions> options,
    ILogger<DirectoryImportService> logger)
{
    /// <summary>Imports one file; <paramref name="kind"/> is detected from the name and content when not given.</summary>
    public async Task<ImportReport> ImportAsync(Stream content, string fileName, DirectoryFileKind? kind = null,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        // The directory is install-wide; the run still records who asked and from which network.
        var (actor, actorPcn) = (scope.ActorId, scope.PcnId);
        return await scope.AsSystemAsync(async () =>
        {
            if (content.CanSeek)
            {
                return await ImportSeekableAsync(content, fileName, kind, progress, actor, actorPcn, ct);
            }

            // Zips and workbooks need to seek, and the first bytes are read twice: keep an upload in a temporary file.
            await using var copy = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None,
                1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await content.CopyToAsync(copy, ct);
            return await ImportSeekableAsync(copy, fileName, kind, progress, actor, actorPcn, ct);
        });
    }

    public async Task<ImportReport> ImportFileAsync(string path, DirectoryFileKind? kind = null,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            throw new NotFoundException($"There is no file at {path}.");
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await ImportAsync(file, Path.GetFileName(path), kind, progress, ct);
    }

    private async Task<ImportReport> ImportSeekableAsync(Stream content, string fileName, DirectoryFileKind? kind,
        IProgress<ImportProgress>? progress, string? actor, int? actorPcn, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        content.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct));
        content.Position = 0;
        var context = new ImportContext(db, progress);
        var name = ImportContext.Truncate(Path.GetFileName(fileName), 260)!;
        var run = (DirectoryFileKind guess) => new ImportRun
        {
            FileName = name,
            Kind = guess,
            Sha256 = sha256,
            StartedAt = clock.GetUtcNow(),
            PcnId = actorPcn,
            ImportedBy = actor,
        };

        DirectoryFile file;
        try
        {
            file = DirectoryFile.Open(content, fileName, kind);
        }
        catch (ImportFormatException e)
        {
            return await RecordFailureAsync(run(kind ?? DirectoryFile.KindFromName(fileName) ?? DirectoryFileKind.Unknown), context, e.Message, started);
        }

        using (file)
        {
            context.Source = file.Content;
            var record = run(file.Kind);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await ImportKindAsync(file.Kind, context, ct);
                Finish(record, context, failure: null);
                db.ImportRuns.Add(record);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
                var elapsed = clock.GetElapsedTime(started).TotalMilliseconds;
                LogImported(logger, file.Kind, context.RowsRead, context.Inserted, context.Updated, context.Unchanged, context.Skipped,
                    context.Rejected, elapsed);
                context.ReportProgress();
                return ToReport(record);
            }
            catch (ImportFormatException e)
            {
                return await RecordFailureAsync(record, context, e.Message, started);
            }
            catch (OperationCanceledException)
            {
                await RecordFailureAsync(record, context, $"The import was cancelled after {context.RowsRead:N0} rows; nothing was changed.", started);
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Whatever went wrong (a database error, a damaged file), the transaction is gone and the run is recorded.
                var elapsed = clock.GetElapsedTime(started).TotalMilliseconds;
                LogFailed(logger, file.Kind, e.GetType().Name, context.RowsRead, elapsed);
                return await RecordFailureAsync(record, context,
                    $"The import failed after {context.RowsRead:N0} rows and nothing was changed: {e.GetBaseException().Message}", started);
            }
        }
    }

    private static Task ImportKindAsync(DirectoryFileKind kind, ImportContext context, CancellationToken ct) => kind switch
    {
        DirectoryFileKind.PatientsRegistered => PatientsRegisteredImporter.RunAsync(context, ct),
        DirectoryFileKind.PracticeMap => PracticeMapImporter.RunAsync(context, ct),
        DirectoryFileKind.Epraccur => EpraccurImporter.RunAsync(context, ct),
        DirectoryFileKind.Epcn => EpcnImporter.RunAsync(context, ct),
        _ => throw new ImportFormatException(DirectoryFile.Expected),
    };

    /// <summary>
    /// Records a failed run in its own save, after the file's transaction has been rolled back (disposed), so the
    /// directory is as it was and the attempt is still on record.
    /// </summary>
    private async Task<ImportReport> RecordFailureAsync(ImportRun run, ImportContext context, string failure, long started)
    {
        db.ChangeTracker.Clear();
        context.RolledBack();
        Finish(run, context, ImportContext.Truncate(failure, 2000));
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        var elapsed = clock.GetElapsedTime(started).TotalMilliseconds;
        LogRefused(logger, run.Kind, context.RowsRead, elapsed);
        return ToReport(run);
    }

    private void Finish(ImportRun run, ImportContext context, string? failure)
    {
        run.FinishedAt = clock.GetUtcNow();
        run.Status = failure is not null ? ImportStatus.Failed
            : context.Rejected > 0 ? ImportStatus.SucceededWithRejections
            : ImportStatus.Succeeded;
        run.Failure = failure;
        (run.RowsRead, run.Inserted, run.Updated, run.Unchanged, run.Skipped, run.Rejected) =
            (context.RowsRead, context.Inserted, context.Updated, context.Unchanged, context.Skipped, context.Rejected);
        run.Rejections.Clear();
        run.Rejections.AddRange(context.Rejections.Select(r => new ImportRejection
        {
            ImportRunId = run.ImportRunId,
            Sheet = r.Sheet,
            Line = r.Line,
            Reason = r.Reason,
            Excerpt = r.Excerpt,
        }));
    }

    private static ImportReport ToReport(ImportRun run) => new(
        run.ImportRunId, run.FileName, run.Kind, run.Status, run.RowsRead, run.Inserted, run.Updated, run.Unchanged, run.Skipped,
        run.Rejected, run.Failure,
        [.. run.Rejections.OrderBy(r => r.Sheet, StringComparer.Ordinal).ThenBy(r => r.Line).Select(r => new RejectedRow(r.Sheet, r.Line, r.Reason, r.Excerpt))],
        run.StartedAt, run.FinishedAt, run.ImportedBy);
}

using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// Imports FHIR R4 records into the network's store: streamed, exactly once, every rejected resource quarantined
/// with its file, position and reason. See docs/fhir-import.md.
/// </summary>
public sealed partial class FhirImportService(PcnDbContext db, TenantScope scope, AuditLog audit, TimeProvider clock, ILogger<FhirImportService> logger)
{
    /// <summary>
    /// SQLite inputs at least this big, into record tables that are small compared with them, are bulk-loaded: the
    /// secondary record indexes dropped, then built again at the end.
    /// </summary>
    internal const long BulkLoadBytes = 64L << 20;

    /// <summary>Input bytes per resource, roughly (NDJSON of the synthetic population): estimates an input's rows.</summary>
    internal const long BytesPerResource = 400;

    /// <summary>The input size from which a bulk load is considered (<see cref="BulkLoadBytes"/>; tests lower it).</summary>
    internal long BulkLoadThreshold { get; set; } = BulkLoadBytes;

    /// <summary>
    /// Reads <see cref="FhirImportRequest.Path"/> and writes what it holds into the network; returns the run's counts.
    /// Cancellation leaves the run Cancelled with everything committed so far kept (a re-run finishes it); an error
    /// leaves it Failed. Bad resources never stop a run: they are quarantined.
    /// </summary>
    public async Task<FhirImportSummary> ImportAsync(FhirImportRequest request, IProgress<FhirImportProgress>? progress = null, CancellationToken ct = default)
    {
        var target = TargetNetwork(request);
        var watch = Stopwatch.StartNew();
        var owned = new List<IDisposable>();
        var counters = new ImportCounters();
        var network = new ImportNetwork(db, clock);
        var source = Path.GetFileName(Path.TrimEndingDirectorySeparator(request.Path));
        if (target is { } pcnId && !await network.UseAsync(pcnId, ct))
        {
            throw new InvalidOperationException("The network to import into does not exist.");
        }

        using var writer = new ImportWriter(db, network, counters, request.DefaultPractice, id => StartRunAsync(request, id, source, ct), progress);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task? reading = null;
        var bulkLoad = false;
        try
        {
            var files = ImportInputs.List(request.Path, owned);
            counters.BytesTotal = files.Sum(f => f.Length);
            if (await IsBulkLoadAsync(counters.BytesTotal, ct))
            {
                bulkLoad = true;
                await RecordIndexes.DropAsync(db, ct);
            }

            var channel = Channel.CreateBounded<ImportItem[]>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
            var reader = new ResourceReader(new ResourceMapper(), channel.Writer, counters);
            reading = Task.Run(async () =>
            {
                try
                {
                    await reader.ReadAsync(files, stop.Token);
                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                }
            }, CancellationToken.None);

            await writer.RunAsync(channel.Reader, stop.Token);
            await reading;
            return await FinishAsync(request, target, writer, counters, RecordImportStatus.Completed, null, watch, CancellationToken.None);
        }
        catch (Exception e) when (e is OperationCanceledException && ct.IsCancellationRequested)
        {
            await StopAsync(stop, reading, writer);
            LogCancelled(logger, counters.Read);
            return await FinishAsync(request, target, writer, counters, RecordImportStatus.Cancelled, null, watch, CancellationToken.None);
        }
        catch (FileNotFoundException) when (writer.Run is null && request.ImportId is { } queued)
        {
            await FinishQueuedAsync(queued, target, RecordImportStatus.Failed, "Nothing to import at the path given.");
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException and not TenancyViolationException and not FileNotFoundException)
        {
            await StopAsync(stop, reading, writer);
            LogFailed(logger, counters.Read, e.GetType().Name);
            var message = e is NoNetworkException ? e.Message : $"The import stopped on an unexpected error ({e.GetType().Name}); see the server log.";
            return await FinishAsync(request, target, writer, counters, RecordImportStatus.Failed, message, watch, CancellationToken.None);
        }
        finally
        {
            owned.ForEach(d => d.Dispose());
            if (bulkLoad)
            {
                await RebuildIndexesAsync(writer);
            }

            await AnalyseAsync(writer);
        }
    }

    /// <summary>Refreshes the planner's statistics for the record tables (see RecordIndexes.AnalyseAsync); a failure is logged only.</summary>
    private async Task AnalyseAsync(ImportWriter writer)
    {
        try
        {
            await writer.RollbackAsync();
            await RecordIndexes.AnalyseAsync(db, ct: CancellationToken.None);
        }
        catch (Exception e)
        {
            LogAnalyseFailed(logger, e.GetType().Name);
        }
    }

    /// <summary>
    /// A bulk load (SQLite only) when the input is big and the record tables of every network hold fewer than half
    /// the rows the input brings: dropping the indexes of a large store for a re-import or a small top-up would cost more to
    /// rebuild than it saves.
    /// </summary>
    private async Task<bool> IsBulkLoadAsync(long bytesTotal, CancellationToken ct)
    {
        if (!db.Database.IsSqlite() || bytesTotal < BulkLoadThreshold)
        {
            return false;
        }

        var rows = await db.ClinicalEvents.IgnoreQueryFilters().LongCountAsync(ct) + await db.MedicationRecords.IgnoreQueryFilters().LongCountAsync(ct);
        // Under half: a re-import of the same export (as many rows as it brings, give or take the estimate) keeps them.
        return rows < bytesTotal / BytesPerResource / 2;
    }

    /// <summary>
    /// Builds the dropped indexes again, outside any chunk transaction. A failure here is logged and never hides the
    /// run's outcome; start-up (<c>DatabaseSetup</c>) builds any still missing.
    /// </summary>
    private async Task RebuildIndexesAsync(ImportWriter writer)
    {
        try
        {
            await writer.RollbackAsync();
            await RecordIndexes.EnsureAsync(db, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogIndexRebuildFailed(logger, e.GetType().Name);
        }
    }

    private int? TargetNetwork(FhirImportRequest request)
    {
        if (scope.IsSystem)
        {
            return request.PcnId;
        }

        if (scope.PcnId is not { } own)
        {
            throw new TenancyViolationException("Refused to import records without a network scope.");
        }

        if (scope.PracticeCode is not null)
        {
            // An import writes patients of every practice in the data; a practice-scoped user may not.
            throw new TenancyViolationException("Refused to import records as a user scoped to one practice.");
        }

        return request.PcnId is { } asked && asked != own
            ? throw new TenancyViolationException("Refused to import records into another network.")
            : own;
    }

    private async Task<RecordImport> StartRunAsync(FhirImportRequest request, int pcnId, string source, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        RecordImport? run = null;
        if (request.ImportId is { } id)
        {
            run = await db.RecordImports.IgnoreQueryFilters().SingleOrDefaultAsync(r => r.PcnId == pcnId && r.ImportId == id, ct);
        }

        if (run is null)
        {
            run = new RecordImport(pcnId, request.ImportId ?? Guid.NewGuid(), FhirValues.Cut(source, 400), request.StartedBy ?? scope.ActorId, now);
            db.RecordImports.Add(run);
        }

        run.Start(now);
        await db.SaveChangesAsync(ct);
        return run;
    }

    private static async Task StopAsync(CancellationTokenSource stop, Task? reading, ImportWriter writer)
    {
        await stop.CancelAsync();
        await writer.RollbackAsync();
        if (reading is not null)
        {
            await reading;
        }
    }

    private async Task<FhirImportSummary> FinishAsync(FhirImportRequest request, int? target, ImportWriter writer, ImportCounters counters,
        RecordImportStatus status, string? error, Stopwatch watch, CancellationToken ct)
    {
        var run = writer.Run;
        if (run is null)
        {
            // The run stopped before it started writing: a queued row is finished; else there is no row to record it on.
            var queued = request.ImportId is { } id ? await FinishQueuedAsync(id, target, status, error) : null;
            return new FhirImportSummary(queued?.ImportId ?? Guid.Empty, queued?.PcnId ?? 0, status, counters.Read, counters.Accepted, counters.Skipped,
                counters.Rejected, counters.ByType(), watch.Elapsed);
        }

        if (db.Entry(run).State == EntityState.Detached)
        {
            db.RecordImports.Attach(run);
        }

        var c = writer.Committed;
        run.Progress(c.Read, c.Accepted, c.Skipped, c.Rejected, c.Json);
        run.Finish(status, clock.GetUtcNow(), error);
        var detail = string.Create(CultureInfo.InvariantCulture, $"{status}: read {c.Read}, accepted {c.Accepted}, skipped {c.Skipped}, rejected {c.Rejected}");
        audit.Record("population.import", run.Source, detail, run.PcnId);
        await db.SaveChangesAsync(ct);
        LogFinished(logger, run.ImportId, status, c.Read, c.Accepted, c.Skipped, c.Rejected, watch.ElapsedMilliseconds);
        return new FhirImportSummary(run.ImportId, run.PcnId, status, c.Read, c.Accepted, c.Skipped, c.Rejected, counters.ByType(), watch.Elapsed);
    }

    /// <summary>Marks the queued run <paramref name="importId"/> (if it is still queued) finished; the message holds no patient value.</summary>
    private async Task<RecordImport?> FinishQueuedAsync(Guid importId, int? target, RecordImportStatus status, string? error)
    {
        try
        {
            db.ChangeTracker.Clear();
            var run = await db.RecordImports.IgnoreQueryFilters()
                .SingleOrDefaultAsync(r => r.ImportId == importId && (target == null || r.PcnId == target) && r.Status == RecordImportStatus.Queued);
            if (run is not null)
            {
                run.Finish(status, clock.GetUtcNow(), error);
                await db.SaveChangesAsync();
            }

            return run;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database itself may be what failed; the run's outcome stands.
            LogFailed(logger, 0, e.GetType().Name);
            return null;
        }
    }

    // Counts and timings only: never a patient value.
    [LoggerMessage(Level = LogLevel.Information, Message = "FHIR import cancelled after {Read} resources")]
    private static partial void LogCancelled(ILogger logger, int read);

    [LoggerMessage(Level = LogLevel.Error, Message = "FHIR import failed after {Read} resources: {ErrorType}")]
    private static partial void LogFailed(ILogger logger, int read, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FHIR import: rebuilding the record indexes failed ({ErrorType}); start-up rebuilds them")]
    private static partial void LogIndexRebuildFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FHIR import: refreshing the planner statistics failed ({ErrorType}); case finding may run slower until the next import")]
    private static partial void LogAnalyseFailed(ILogger logger, string errorType);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "FHIR import {ImportId} {Status}: read {Read}, accepted {Accepted}, skipped {Skipped}, rejected {Rejected} in {ElapsedMs} ms")]
    private static partial void LogFinished(ILogger logger, Guid importId, RecordImportStatus status, int read, int accepted, int skipped, int rejected, long elapsedMs);
}

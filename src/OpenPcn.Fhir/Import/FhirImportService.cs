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
    /// Reads <see cref="FhirImportRequest.Path"/> and writes what it holds into the network; returns the run's counts.
    /// Cancellation leaves the run Cancelled with everything committed so far kept (a re-run finishes it); an error
    /// leaves it Failed. Bad resources never stop a run: they are quarantined.
    /// </summary>
    /// <summary>SQLite inputs at least this big are bulk-loaded: secondary indexes dropped, then built again at the end.</summary>
    internal const long BulkLoadBytes = 64L << 20;

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
            if (db.Database.IsSqlite() && counters.BytesTotal >= BulkLoadBytes)
            {
                await RecordIndexes.DropAsync(db, ct);
                bulkLoad = true;
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
            return await FinishAsync(writer, counters, RecordImportStatus.Completed, null, watch, CancellationToken.None);
        }
        catch (Exception e) when (e is OperationCanceledException && ct.IsCancellationRequested)
        {
            await StopAsync(stop, reading, writer);
            LogCancelled(logger, counters.Read);
            return await FinishAsync(writer, counters, RecordImportStatus.Cancelled, null, watch, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException and not TenancyViolationException and not FileNotFoundException)
        {
            await StopAsync(stop, reading, writer);
            LogFailed(logger, counters.Read, e.GetType().Name);
            var message = e is NoNetworkException ? e.Message : $"The import stopped on an unexpected error ({e.GetType().Name}); see the server log.";
            return await FinishAsync(writer, counters, RecordImportStatus.Failed, message, watch, CancellationToken.None);
        }
        finally
        {
            owned.ForEach(d => d.Dispose());
            if (bulkLoad)
            {
                await RecordIndexes.EnsureAsync(db, CancellationToken.None);
            }
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
            run = new RecordImport(pcnId, request.ImportId ?? Guid.NewGuid(), Cut(source, 400), request.StartedBy ?? scope.ActorId, now);
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

    private async Task<FhirImportSummary> FinishAsync(ImportWriter writer, ImportCounters counters, RecordImportStatus status, string? error,
        Stopwatch watch, CancellationToken ct)
    {
        var run = writer.Run;
        if (run is null)
        {
            // No network was found, so there is no run row to record the failure on.
            return new FhirImportSummary(Guid.Empty, 0, status, counters.Read, counters.Accepted, counters.Skipped, counters.Rejected, counters.ByType(), watch.Elapsed);
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

    // Counts and timings only: never a patient value.
    [LoggerMessage(Level = LogLevel.Information, Message = "FHIR import cancelled after {Read} resources")]
    private static partial void LogCancelled(ILogger logger, int read);

    [LoggerMessage(Level = LogLevel.Error, Message = "FHIR import failed after {Read} resources: {ErrorType}")]
    private static partial void LogFailed(ILogger logger, int read, string errorType);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "FHIR import {ImportId} {Status}: read {Read}, accepted {Accepted}, skipped {Skipped}, rejected {Rejected} in {ElapsedMs} ms")]
    private static partial void LogFinished(ILogger logger, Guid importId, RecordImportStatus status, int read, int accepted, int skipped, int rejected, long elapsedMs);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

using System.Collections.Concurrent;
using System.Threading.Channels;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Fhir.Import;

namespace OpenPcn.Web.Features.Population;

/// <summary>An import waiting to run: the queued run's row, its network, who asked, and the file or folder to read.</summary>
internal sealed record QueuedRecordImport(int PcnId, Guid ImportId, string? ActorId, string Path, bool DeleteWhenDone);

/// <summary>Runs one queued import and says how it ended (the FHIR importer; tests put a fake here).</summary>
internal delegate Task<RecordImportStatus> RecordImportRunner(IServiceProvider services, QueuedRecordImport work, IProgress<FhirImportProgress> progress, CancellationToken ct);

/// <summary>
/// The bounded queue of record imports. Pages and endpoints create the run's row as Queued and add it here; the
/// <see cref="RecordImportWorker"/> runs them one at a time. The latest progress of a running import is kept in memory
/// for its page (the importer stores its counts on the run's row as it goes).
/// </summary>
internal sealed class RecordImportQueue
{
    public const int Capacity = 20;

    private readonly Channel<QueuedRecordImport> _channel =
        Channel.CreateBounded<QueuedRecordImport>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly ConcurrentDictionary<Guid, FhirImportProgress> _progress = new();

    public ChannelReader<QueuedRecordImport> Reader => _channel.Reader;

    /// <summary>Adds work; false when the queue is full.</summary>
    public bool TryEnqueue(QueuedRecordImport work) => _channel.Writer.TryWrite(work);

    public FhirImportProgress? ProgressOf(Guid importId) => _progress.TryGetValue(importId, out var p) ? p : null;

    internal void Report(Guid importId, FhirImportProgress progress) => _progress[importId] = progress;

    internal void Forget(Guid importId) => _progress.TryRemove(importId, out _);

    /// <summary>The real runner: the FHIR importer continuing the queued row.</summary>
    public static async Task<RecordImportStatus> RunWithFhirImporter(IServiceProvider services, QueuedRecordImport work, IProgress<FhirImportProgress> progress, CancellationToken ct) =>
        (await services.GetRequiredService<FhirImportService>().ImportAsync(
            new FhirImportRequest(work.Path, PcnId: work.PcnId, StartedBy: work.ActorId, ImportId: work.ImportId), progress, ct)).Status;
}

/// <summary>
/// Runs queued record imports in the background, each in its own DI scope as the run's network and the person who
/// started it. A failure, or an importer that returns without finishing its run, marks the run Failed (unless the
/// importer already recorded its outcome); at start-up, runs a previous process left queued or running are marked
/// Interrupted and the uploads it left in the imports folder are deleted.
/// </summary>
internal sealed partial class RecordImportWorker(
    IServiceScopeFactory scopes, RecordImportQueue queue, RecordImportRunner runner, IConfiguration configuration, TimeProvider clock,
    ILogger<RecordImportWorker> logger) : BackgroundService
{
    // Nothing here may end the worker: an exception escaping a BackgroundService stops the whole web host.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Only what was there before this worker started: an upload may arrive while it is starting. Runs are stamped by
        // the application's clock, files by the system's.
        DeleteAbandonedUploads(TimeProvider.System.GetUtcNow());
        await InterruptAbandonedAsync(clock.GetUtcNow(), stoppingToken);
        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(work, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogWorkerError(e.GetType().Name, work.ImportId);
            }
        }
    }

    internal async Task RunAsync(QueuedRecordImport work, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var tenant = scope.ServiceProvider.GetRequiredService<TenantScope>();
            tenant.SetPcn(work.PcnId);
            tenant.SetActor(work.ActorId);
            var status = await runner(scope.ServiceProvider, work, new Progress(queue, work.ImportId), ct);
            var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            if (status == RecordImportStatus.Completed)
            {
                LogFinished(work.ImportId, seconds);
            }
            else
            {
                // The importer returned without completing; if it did not record that on the run (no network found, say),
                // the run would stay queued or running for ever. MarkUnfinished keeps an outcome the importer did record.
                LogEnded(work.ImportId, status);
                await MarkAsync(work, RecordImportStatus.Failed, $"The import ended without finishing ({status}). Import the file again, or see the server log.");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Type and message only: the importer's messages name files and positions, never patient values.
            LogFailed(e.GetType().Name, work.ImportId);
            await MarkAsync(work, RecordImportStatus.Failed, $"The import stopped: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            await MarkAsync(work, RecordImportStatus.Cancelled, "The import was cancelled because OpenPCN was stopping. Import the file again.");
            throw;
        }
        finally
        {
            queue.Forget(work.ImportId);
            if (work.DeleteWhenDone)
            {
                TryDelete(work.Path);
            }
        }
    }

    // A busy database (SQLite while another writer holds it) gets a few tries; a run left unmarked is marked
    // Interrupted at the next start.
    private async Task MarkAsync(QueuedRecordImport work, RecordImportStatus status, string error)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var tenant = scope.ServiceProvider.GetRequiredService<TenantScope>();
                tenant.SetPcn(work.PcnId);
                tenant.SetActor(work.ActorId);
                await scope.ServiceProvider.GetRequiredService<RecordImportService>().MarkUnfinishedAsync(work.ImportId, status, error, CancellationToken.None);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < 3)
            {
                LogWorkerError(e.GetType().Name, work.ImportId);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }

    private async Task InterruptAbandonedAsync(DateTimeOffset startedAt, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().SetSystem();
            var count = await scope.ServiceProvider.GetRequiredService<RecordImportService>().InterruptAbandonedAsync(startedAt, ct);
            if (count > 0)
            {
                LogInterrupted(count);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWorkerError(e.GetType().Name, Guid.Empty);
        }
    }

    // Uploads of runs that a previous process left unfinished (their runs are marked Interrupted) hold patient data that
    // nobody will import: they are deleted. A file is kept only if it was written after this worker started.
    private void DeleteAbandonedUploads(DateTimeOffset startedAt)
    {
        var folder = RecordImportStarter.UploadFolder(configuration);
        try
        {
            if (!Directory.Exists(folder))
            {
                return;
            }

            var deleted = 0;
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                if (File.GetLastWriteTimeUtc(file) < startedAt.UtcDateTime && TryDelete(file))
                {
                    deleted++;
                }
            }

            if (deleted > 0)
            {
                LogUploadsDeleted(deleted);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogNotDeleted(e.GetType().Name);
        }
    }

    private bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException e)
        {
            LogNotDeleted(e.GetType().Name);
        }
        catch (UnauthorizedAccessException e)
        {
            LogNotDeleted(e.GetType().Name);
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Record import {ImportId} finished in {Seconds:0.0}s")]
    private partial void LogFinished(Guid importId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record import {ImportId} ended {Status}")]
    private partial void LogEnded(Guid importId, RecordImportStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} uploaded import file(s) left by a previous run were deleted")]
    private partial void LogUploadsDeleted(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record import {ImportId} failed ({ExceptionType})")]
    private partial void LogFailed(string exceptionType, Guid importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} record import(s) left unfinished by a previous run were marked interrupted")]
    private partial void LogInterrupted(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The record import worker could not record the outcome of {ImportId} ({ExceptionType})")]
    private partial void LogWorkerError(string exceptionType, Guid importId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An uploaded import file could not be deleted ({ExceptionType})")]
    private partial void LogNotDeleted(string exceptionType);

    private sealed class Progress(RecordImportQueue queue, Guid importId) : IProgress<FhirImportProgress>
    {
        public void Report(FhirImportProgress value) => queue.Report(importId, value);
    }
}

internal static class RecordImportSetup
{
    /// <summary>The import queue, its background worker and the starter that pages and endpoints share.</summary>
    public static IServiceCollection AddOpenPcnRecordImports(this IServiceCollection services)
    {
        services.AddSingleton<RecordImportQueue>();
        services.AddSingleton<RecordImportRunner>(RecordImportQueue.RunWithFhirImporter);
        services.AddHostedService<RecordImportWorker>();
        services.AddScoped<RecordImportStarter>();
        return services;
    }
}

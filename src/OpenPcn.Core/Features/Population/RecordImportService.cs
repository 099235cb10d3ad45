using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Population;

public sealed record RecordImportRow(
    Guid ImportId,
    string Source,
    string? StartedBy,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    RecordImportStatus Status,
    int Read,
    int Accepted,
    int Skipped,
    int Rejected,
    string? Error)
{
    public bool IsUnderWay => Status is RecordImportStatus.Queued or RecordImportStatus.Running;
}

public sealed record ResourceTypeRow(string ResourceType, int Read, int Accepted, int Skipped, int Rejected);

public sealed record QuarantineRow(int Seq, string File, string Location, string? ResourceType, string? LogicalId, string Reason);

public sealed record RecordImportDetail(RecordImportRow Run, IReadOnlyList<ResourceTypeRow> ByType, Paged<QuarantineRow> Quarantine);

/// <summary>
/// The network's FHIR record import runs: queueing one (the web host's queue runs it), listing them, one run's counts
/// by resource type and its quarantine, and the quarantine as CSV (audited).
/// </summary>
public sealed class RecordImportService(PcnDbContext db, TenantScope scope, AuditLog audit, TimeProvider clock)
{
    public const int QuarantinePageSize = 50;
    public const string QueuedAction = "population.import.queued";
    public const string QuarantineExportedAction = "population.quarantine.exported";

    /// <summary>Creates the run's row as Queued (audited), before its work is handed to the queue.</summary>
    public async Task<RecordImportRow> QueueAsync(string source, CancellationToken ct = default)
    {
        var pcnId = scope.PcnId ?? throw new InvalidOperationException("Queueing an import needs a network scope.");
        var run = RecordImportQueueing.Queued(pcnId, source, scope.ActorId, clock.GetUtcNow());
        db.RecordImports.Add(run);
        audit.Record(QueuedAction, run.ImportId.ToString(), run.Source);
        await db.SaveChangesAsync(ct);
        return ToRow(run);
    }

    /// <summary>Marks a run Failed (or Interrupted) unless the importer already finished it.</summary>
    public async Task<bool> MarkUnfinishedAsync(Guid importId, RecordImportStatus status, string error, CancellationToken ct = default)
    {
        var run = await db.RecordImports.SingleOrDefaultAsync(r => r.ImportId == importId, ct);
        if (run is null || !RecordImportQueueing.MarkUnfinished(run, status, clock.GetUtcNow(), error))
        {
            return false;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Runs left queued or running by a process that stopped (run at start-up in system scope); with
    /// <paramref name="queuedBefore"/>, only runs queued before then (this process may already be queueing new ones).
    /// </summary>
    public async Task<int> InterruptAbandonedAsync(DateTimeOffset? queuedBefore = null, CancellationToken ct = default)
    {
        var unfinished = db.RecordImports.Where(r => r.Status == RecordImportStatus.Queued || r.Status == RecordImportStatus.Running);
        var runs = (await unfinished.ToListAsync(ct)).Where(r => queuedBefore is not { } before || r.QueuedAt < before).ToList();
        var now = clock.GetUtcNow();
        foreach (var run in runs)
        {
            RecordImportQueueing.MarkUnfinished(run, RecordImportStatus.Interrupted, now, "OpenPCN stopped before this import finished. Import the file again.");
        }

        await db.SaveChangesAsync(ct);
        return runs.Count;
    }

    public async Task<IReadOnlyList<RecordImportRow>> ListAsync(int take = 50, CancellationToken ct = default) =>
        [.. (await db.RecordImports.AsNoTracking().OrderByDescending(r => r.QueuedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct)).Select(ToRow)];

    public async Task<RecordImportDetail?> GetAsync(Guid importId, int quarantinePage = 1, CancellationToken ct = default)
    {
        var run = await db.RecordImports.AsNoTracking().SingleOrDefaultAsync(r => r.ImportId == importId, ct);
        if (run is null)
        {
            return null;
        }

        var quarantine = db.QuarantinedResources.AsNoTracking().Where(q => q.ImportId == importId);
        var page = Math.Max(1, quarantinePage);
        var total = await quarantine.CountAsync(ct);
        var rows = await quarantine.OrderBy(q => q.Seq).Skip((page - 1) * QuarantinePageSize).Take(QuarantinePageSize)
            .Select(q => new QuarantineRow(q.Seq, q.File, q.Location, q.ResourceType, q.LogicalId, q.Reason)).ToListAsync(ct);
        return new RecordImportDetail(ToRow(run), ParseCounts(run.CountsByType), new Paged<QuarantineRow>(rows, page, QuarantinePageSize, total));
    }

    /// <summary>Writes a run's quarantine as CSV (cells that a spreadsheet would run as formulas are defused); false when there is no such run.</summary>
    public async Task<bool> WriteQuarantineCsvAsync(Guid importId, TextWriter output, CancellationToken ct = default)
    {
        if (!await db.RecordImports.AnyAsync(r => r.ImportId == importId, ct))
        {
            return false;
        }

        await using (var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true))
        {
            foreach (var header in (string[])["File", "Location", "Resource type", "Logical id", "Reason"])
            {
                csv.WriteField(header);
            }

            await csv.NextRecordAsync();
            await foreach (var row in db.QuarantinedResources.AsNoTracking().Where(q => q.ImportId == importId).OrderBy(q => q.Seq).AsAsyncEnumerable().WithCancellation(ct))
            {
                csv.WriteField(RejectionsCsv.SafeCell(row.File));
                csv.WriteField(RejectionsCsv.SafeCell(row.Location));
                csv.WriteField(RejectionsCsv.SafeCell(row.ResourceType));
                csv.WriteField(RejectionsCsv.SafeCell(row.LogicalId));
                csv.WriteField(RejectionsCsv.SafeCell(row.Reason));
                await csv.NextRecordAsync();
            }
        }

        audit.Record(QuarantineExportedAction, importId.ToString());
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Reads <see cref="RecordImport.CountsByType"/>: resource type → {read, accepted, skipped, rejected}.</summary>
    public static IReadOnlyList<ResourceTypeRow> ParseCounts(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return [.. document.RootElement.EnumerateObject()
                .Select(p => new ResourceTypeRow(p.Name, Read(p.Value, "read"), Read(p.Value, "accepted"), Read(p.Value, "skipped"), Read(p.Value, "rejected")))
                .OrderBy(r => r.ResourceType, StringComparer.Ordinal)];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static int Read(JsonElement counts, string name)
    {
        if (counts.ValueKind != JsonValueKind.Object)
        {
            return 0;
        }

        foreach (var property in counts.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.TryGetInt32(out var value))
            {
                return value;
            }
        }

        return 0;
    }

    private static RecordImportRow ToRow(RecordImport r) =>
        new(r.ImportId, r.Source, r.StartedBy, r.QueuedAt, r.StartedAt, r.FinishedAt, r.Status, r.Read, r.Accepted, r.Skipped, r.Rejected, r.Error);
}

using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenPcn.Cohorts.Definitions;
using OpenPcn.Cohorts.Language;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>
/// Worklists: running a definition into a worklist (re-runs keep statuses and assignments, add new patients and mark
/// those who no longer qualify), reading rows, changing status, assigning, progress per practice and exports. One of
/// the few places that read patient-identifiable rows: every row view and export is audited, never logged.
/// </summary>
public sealed partial class WorklistService(
    PcnDbContext db,
    DefinitionCatalogue catalogue,
    CohortRunner runner,
    TenantScope scope,
    AuditLog audit,
    TimeProvider clock,
    ILogger<WorklistService> logger)
{
    public const int MaxPageSize = 500;

    /// <summary>The highest page asked for that is honoured (beyond it, (page - 1) × size would overflow).</summary>
    public const int MaxPage = 1_000_000;
    public const int MaxRowsPerChange = 1000;
    public const string RunAction = "worklist.run";
    public const string ViewAction = "worklist.view";
    public const string HistoryAction = "worklist.history";
    public const string ExportAction = "worklist.export";
    public const string StatusAction = "worklist.status";
    public const string AssignAction = "worklist.assign";

    // Runs of one worklist (network, definition, practice) are serialised in-process so that two at the same moment
    // cannot both create it. The semaphores are few (one per worklist ever run) and are kept for the process's life.
    private static readonly ConcurrentDictionary<(int PcnId, string Definition, string? Practice), SemaphoreSlim> RunLocks = new();

    /// <summary>
    /// Runs <paramref name="definitionName"/> for the network or <paramref name="practice"/> on
    /// <paramref name="indexDate"/> (default today in England) into its worklist, creating it on the first run.
    /// </summary>
    public async Task<WorklistRunResult> RunAsync(string definitionName, PracticeCode? practice = null, DateOnly? indexDate = null,
        CancellationToken ct = default)
    {
        var pcnId = scope.PcnId ?? throw new InvalidOperationException("A worklist needs a network.");
        var definition = await catalogue.FindAsync(definitionName, ct)
            ?? throw new NotFoundException($"There is no cohort definition {definitionName}.");
        var run = await runner.RunAsync(definition, practice, indexDate, ct);
        var gate = RunLocks.GetOrAdd((pcnId, definition.Name, run.Practice?.Value), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await SaveRunAsync(pcnId, definition, run, ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"Worklist {definition.Name} was changed by another run at the same moment; run it again.");
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<WorklistRunResult> SaveRunAsync(int pcnId, CohortDefinition definition, CohortRun run, CancellationToken ct)
    {
        var worklist = await FindWorklistAsync(definition.Name, run.Practice, ct);
        if (worklist is null)
        {
            worklist = new Worklist(pcnId, Guid.CreateVersion7(clock.GetUtcNow()), definition.Name, definition.Title, definition.Category, run.Practice);
            db.Add(worklist);
        }

        var found = run.Result.Rows;
        var ids = found.Select(r => r.PatientId).ToList();
        var practices = await PracticesOfAsync(ids, ct);
        var entries = await db.Set<WorklistEntry>().Where(e => e.WorklistId == worklist.WorklistId).ToDictionaryAsync(e => e.PatientId, ct);
        var names = run.Result.ColumnNames;
        var by = await ActorNames.CurrentAsync(db, scope, ct);
        var at = clock.GetUtcNow();
        int added = 0, stopped = 0;
        foreach (var row in found)
        {
            if (!practices.TryGetValue(row.PatientId, out var patientPractice))
            {
                continue;
            }

            if (!entries.TryGetValue(row.PatientId, out var entry))
            {
                entry = new WorklistEntry(pcnId, worklist.WorklistId, row.PatientId, patientPractice, run.IndexDate);
                db.Add(entry);
                entries.Add(row.PatientId, entry);
                added++;
            }

            if (entry.Found(patientPractice, run.IndexDate, ReasonTemplate.Fill(definition.Reason, names, row.Values),
                [.. row.Values.Select(ReasonTemplate.Format)], by, at) is { } reopened)
            {
                db.Add(reopened);
            }
        }

        var foundIds = ids.ToHashSet();
        foreach (var entry in entries.Values.Where(e => e.StillQualifies && !foundIds.Contains(e.PatientId)))
        {
            entry.NotFound(run.IndexDate);
            stopped++;
        }

        worklist.Ran(definition.Title, names, run.IndexDate, clock.GetUtcNow(), by, (long)run.QueryTime.TotalMilliseconds,
            entries.Values.Count(e => e.StillQualifies), added, stopped);
        audit.Record(RunAction, definition.Name, string.Create(CultureInfo.InvariantCulture,
            $"{run.Practice?.ToString() ?? "network"} on {run.IndexDate:yyyy-MM-dd}: {worklist.QualifyingCount} qualify, {added} added, {stopped} no longer qualify"));
        await db.SaveChangesAsync(ct);
        LogRun(definition.Name, worklist.QualifyingCount, added, stopped);
        return new WorklistRunResult(Summarise(worklist), await SummaryAsync(worklist.WorklistId, ct), run.QueryTime);
    }

    /// <summary>
    /// <paramref name="definitionName"/>'s cohort among registered patients by deprivation quintile and ethnic group
    /// (counts and rates per 1,000; no patient rows), for the network or a practice.
    /// </summary>
    public async Task<IReadOnlyList<StratumSummary>> StratifyAsync(string definitionName, PracticeCode? practice = null, DateOnly? indexDate = null,
        CancellationToken ct = default)
    {
        var definition = await catalogue.FindAsync(definitionName, ct)
            ?? throw new NotFoundException($"There is no cohort definition {definitionName}.");
        return await runner.StratifyAsync(definition, practice, indexDate, ct);
    }

    /// <summary>The network's worklists (a practice-scoped user: the network's and their own practice's), latest run first.</summary>
    public async Task<IReadOnlyList<WorklistSummary>> ListAsync(CancellationToken ct = default)
    {
        var lists = await Visible().AsNoTracking().ToListAsync(ct);
        return [.. lists.OrderByDescending(w => w.LastRunAt).Select(Summarise)];
    }

    /// <summary>One worklist, or null when the caller's network (or practice) has none with that id.</summary>
    public async Task<WorklistSummary?> GetAsync(Guid worklistId, CancellationToken ct = default) =>
        await Visible().AsNoTracking().SingleOrDefaultAsync(w => w.WorklistId == worklistId, ct) is { } w ? Summarise(w) : null;

    /// <summary>The worklist of <paramref name="definitionName"/> for the network or a practice, or null before its first run.</summary>
    public async Task<WorklistSummary?> FindAsync(string definitionName, PracticeCode? practice = null, CancellationToken ct = default) =>
        await FindWorklistAsync(definitionName, scope.PracticeCode ?? practice, ct) is { } w ? Summarise(w) : null;

    private IQueryable<Worklist> Visible()
    {
        var query = db.Set<Worklist>().AsQueryable();
        if (scope.PracticeCode is { } own)
        {
            PracticeCode? mine = own;
            query = query.Where(w => w.PracticeCode == null || w.PracticeCode == mine);
        }

        return query;
    }

    private async Task<Worklist> RequireAsync(Guid worklistId, CancellationToken ct) =>
        await Visible().AsNoTracking().SingleOrDefaultAsync(w => w.WorklistId == worklistId, ct)
        ?? throw new NotFoundException("There is no such worklist in your network.");

    // Should two worklists of one definition and practice ever exist (there is no unique index), the oldest wins.
    private async Task<Worklist?> FindWorklistAsync(string definitionName, PracticeCode? practice, CancellationToken ct) =>
        practice is null
            ? await db.Set<Worklist>().Where(w => w.DefinitionName == definitionName && w.PracticeCode == null)
                .OrderBy(w => w.WorklistId).FirstOrDefaultAsync(ct)
            : await db.Set<Worklist>().Where(w => w.DefinitionName == definitionName && w.PracticeCode == practice)
                .OrderBy(w => w.WorklistId).FirstOrDefaultAsync(ct);

    private async Task<Dictionary<long, PracticeCode>> PracticesOfAsync(List<long> ids, CancellationToken ct)
    {
        var result = new Dictionary<long, PracticeCode>(ids.Count);
        foreach (var chunk in ids.Chunk(5000))
        {
            var rows = await db.Patients.AsNoTracking().Where(p => chunk.Contains(p.PatientId))
                .Select(p => new { p.PatientId, p.PracticeCode }).ToListAsync(ct);
            foreach (var row in rows)
            {
                result[row.PatientId] = row.PracticeCode;
            }
        }

        return result;
    }

    private static WorklistSummary Summarise(Worklist w) =>
        new(w.WorklistId, w.DefinitionName, w.Title, w.Category, w.PracticeCode, w.LastIndexDate, w.LastRunAt, w.LastRunBy,
            w.LastRunMilliseconds, w.QualifyingCount, w.AddedCount, w.NoLongerQualifyingCount, w.Facts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worklist {Definition} run: {Qualifying} qualify, {Added} added, {Stopped} no longer qualify")]
    private partial void LogRun(string definition, int qualifying, int added, int stopped);
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.CaseFinding;

public sealed partial class WorklistService
{
    /// <summary>A page of a worklist's rows matching <paramref name="filter"/>, by practice then status. Audited.</summary>
    public async Task<Paged<WorklistRow>> GetRowsAsync(Guid worklistId, WorklistFilter filter, CancellationToken ct = default)
    {
        var worklist = await RequireAsync(worklistId, ct);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(filter.Page, 1, MaxPage);
        var query = Rows(worklistId, filter);
        var total = await query.CountAsync(ct);
        var rows = await Read(query.Skip((page - 1) * size).Take(size), worklist, ct);
        audit.Record(ViewAction, worklist.DefinitionName, Describe(worklist, filter, rows.Count, $"page {page}"));
        await db.SaveChangesAsync(ct);
        return new Paged<WorklistRow>(rows, page, size, total);
    }

    /// <summary>Sets the status of the given rows (any status to any other), recording each change. Returns how many changed.</summary>
    public async Task<int> SetStatusAsync(Guid worklistId, IReadOnlyCollection<long> patientIds, WorklistStatus status, string? note = null,
        CancellationToken ct = default)
    {
        if (!Enum.IsDefined(status))
        {
            throw new RuleViolationException("status", "Choose a status from the list.");
        }

        var worklist = await RequireAsync(worklistId, ct);
        var entries = await EntriesAsync(worklistId, patientIds, ct);
        var by = await ActorNames.CurrentAsync(db, scope, ct);
        var at = clock.GetUtcNow();
        var changed = 0;
        foreach (var entry in entries.Where(e => e.Status != status))
        {
            db.Add(entry.ChangeStatus(status, by, at, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
            changed++;
        }

        audit.Record(StatusAction, worklist.DefinitionName, string.Create(CultureInfo.InvariantCulture, $"{changed} rows to {status}"));
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>
    /// Assigns the given rows to <paramref name="assignee"/>: a user name of the network or a practice code of it;
    /// null or empty unassigns. Returns how many rows.
    /// </summary>
    public async Task<int> AssignAsync(Guid worklistId, IReadOnlyCollection<long> patientIds, string? assignee, CancellationToken ct = default)
    {
        var worklist = await RequireAsync(worklistId, ct);
        var target = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        if (target is not null && !(await AssigneesAsync(ct)).Any(a => a.Value == target))
        {
            throw new RuleViolationException("assignee", "Assign to a user of the network (by user name) or one of its practices.");
        }

        var entries = await EntriesAsync(worklistId, patientIds, ct);
        var by = await ActorNames.CurrentAsync(db, scope, ct);
        foreach (var entry in entries)
        {
            entry.Assign(target, by, clock.GetUtcNow());
        }

        audit.Record(AssignAction, worklist.DefinitionName,
            string.Create(CultureInfo.InvariantCulture, $"{entries.Count} rows to {target ?? "nobody"}"));
        await db.SaveChangesAsync(ct);
        return entries.Count;
    }

    /// <summary>Who rows can be assigned to: the network's users (by user name), then its practices.</summary>
    public async Task<IReadOnlyList<AssigneeOption>> AssigneesAsync(CancellationToken ct = default)
    {
        var pcnId = scope.PcnId ?? -1;
        var users = await db.Users.AsNoTracking().Where(u => u.PcnId == pcnId && u.UserName != null)
            .Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        var practices = await db.Practices.AsNoTracking().Select(p => new { p.PracticeCode, p.Name }).ToListAsync(ct);
        return
        [
            .. users.OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase)
                .Select(u => new AssigneeOption(u.UserName!, u.DisplayName.Length > 0 ? u.DisplayName : u.UserName!)),
            .. practices.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
                .Select(p => new AssigneeOption(p.PracticeCode.Value, $"{p.Name} ({p.PracticeCode})")),
        ];
    }

    /// <summary>Progress per practice: still-qualifying rows per status, no longer qualifying, and % done.</summary>
    public async Task<IReadOnlyList<PracticeProgress>> SummaryAsync(Guid worklistId, CancellationToken ct = default)
    {
        await RequireAsync(worklistId, ct);
        var counts = await db.Set<WorklistEntry>().AsNoTracking().Where(e => e.WorklistId == worklistId)
            .GroupBy(e => new { e.PracticeCode, e.StillQualifies, e.Status })
            .Select(g => new { g.Key.PracticeCode, g.Key.StillQualifies, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var names = await PracticeNames.LoadAsync(db, ct);
        return
        [
            .. counts.GroupBy(c => c.PracticeCode).OrderBy(g => g.Key.Value, StringComparer.Ordinal).Select(g =>
            {
                int Of(WorklistStatus s) => g.Where(c => c.StillQualifies && c.Status == s).Sum(c => c.Count);
                var qualifying = g.Where(c => c.StillQualifies).Sum(c => c.Count);
                var closed = Of(WorklistStatus.Done) + Of(WorklistStatus.Declined) + Of(WorklistStatus.NotAppropriate);
                return new PracticeProgress(g.Key, names.Of(g.Key), qualifying, Of(WorklistStatus.ToDo), Of(WorklistStatus.Contacted),
                    Of(WorklistStatus.Booked), Of(WorklistStatus.Done), Of(WorklistStatus.Declined), Of(WorklistStatus.NotAppropriate),
                    g.Where(c => !c.StillQualifies).Sum(c => c.Count), qualifying == 0 ? 0 : Math.Round(100.0 * closed / qualifying, 1));
            }),
        ];
    }

    /// <summary>
    /// A row's status changes, newest first (empty when the row is not in the caller's network or practice). Audited
    /// as <see cref="HistoryAction"/> (the worklist and the count, never the patient).
    /// </summary>
    public async Task<IReadOnlyList<StatusChangeRow>> HistoryAsync(Guid worklistId, long patientId, CancellationToken ct = default)
    {
        var worklist = await RequireAsync(worklistId, ct);
        var rows = await db.Set<WorklistStatusChange>().AsNoTracking().Where(c => c.WorklistId == worklistId && c.PatientId == patientId)
            .Select(c => new StatusChangeRow(c.At, c.By, c.From, c.To, c.Note)).ToListAsync(ct);
        audit.Record(HistoryAction, worklist.DefinitionName, string.Create(CultureInfo.InvariantCulture,
            $"{(worklist.PracticeCode is { } p ? $"worklist for {p}" : "network worklist")} {worklist.WorklistId}; row history; {rows.Count} changes"));
        await db.SaveChangesAsync(ct);
        return [.. rows.OrderByDescending(r => r.At)];
    }

    private IQueryable<WorklistEntry> Rows(Guid worklistId, WorklistFilter filter)
    {
        var query = db.Set<WorklistEntry>().AsNoTracking().Where(e => e.WorklistId == worklistId);
        if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }

        if (filter.Practice is { } practice)
        {
            query = query.Where(e => e.PracticeCode == practice);
        }

        if (filter.AssignedTo is { Length: > 0 } assignee)
        {
            query = assignee == WorklistFilter.Unassigned ? query.Where(e => e.AssignedTo == null) : query.Where(e => e.AssignedTo == assignee);
        }

        if (filter.StillQualifies is { } still)
        {
            query = query.Where(e => e.StillQualifies == still);
        }

        return query.OrderBy(e => e.PracticeCode).ThenBy(e => e.Status).ThenBy(e => e.PatientId);
    }

    private async Task<List<WorklistRow>> Read(IQueryable<WorklistEntry> entries, Worklist worklist, CancellationToken ct)
    {
        var today = clock.TodayInEngland();
        var rows = await entries
            .Join(db.Patients.AsNoTracking(), e => new { e.PcnId, e.PatientId }, p => new { p.PcnId, p.PatientId }, (e, p) => new
            {
                e.PatientId,
                p.NhsNumber,
                p.DateOfBirth,
                p.DateOfDeath,
                p.Sex,
                e.PracticeCode,
                e.Reason,
                e.FactValues,
                e.Status,
                e.StatusChangedBy,
                e.StatusChangedAt,
                e.AssignedTo,
                e.FirstFound,
                e.LastFound,
                e.StillQualifies,
                e.StoppedQualifyingOn,
            })
            .ToListAsync(ct);
        var names = await PracticeNames.LoadAsync(db, ct);
        var factNames = worklist.Facts;
        return
        [
            .. rows.Select(r => new WorklistRow(r.PatientId, r.NhsNumber, r.DateOfBirth, Patient.AgeOn(r.DateOfBirth, r.DateOfDeath ?? today), r.Sex,
                r.PracticeCode, names.Of(r.PracticeCode), r.Reason, Facts(factNames, r.FactValues), r.Status, r.StatusChangedBy,
                r.StatusChangedAt, r.AssignedTo, r.FirstFound, r.LastFound, r.StillQualifies, r.StoppedQualifyingOn)),
        ];
    }

    private async Task<List<WorklistEntry>> EntriesAsync(Guid worklistId, IReadOnlyCollection<long> patientIds, CancellationToken ct)
    {
        if (patientIds.Count is 0 or > MaxRowsPerChange)
        {
            throw new RuleViolationException("patientIds", string.Create(CultureInfo.InvariantCulture, $"Choose from 1 to {MaxRowsPerChange} rows."));
        }

        var ids = patientIds.Distinct().ToList();
        var entries = await db.Set<WorklistEntry>().Where(e => e.WorklistId == worklistId && ids.Contains(e.PatientId)).ToListAsync(ct);
        return entries.Count == ids.Count ? entries : throw new NotFoundException("Some of those rows are not on this worklist in your network.");
    }

    private static IReadOnlyList<WorklistFact> Facts(IReadOnlyList<string> names, string values)
    {
        var parts = values.Length == 0 ? [] : values.Split('|');
        return [.. names.Select((n, i) => new WorklistFact(n, i < parts.Length ? parts[i] : "none"))];
    }

    // What was read, never patient values.
    private static string Describe(Worklist worklist, WorklistFilter filter, int rows, string what) =>
        string.Join("; ", new[]
        {
            worklist.PracticeCode is { } p ? $"worklist for {p}" : "network worklist",
            what,
            filter.Status is { } s ? $"status {s}" : null,
            filter.Practice is { } fp ? $"practice {fp}" : null,
            filter.AssignedTo is { Length: > 0 } a ? $"assigned {a}" : null,
            filter.StillQualifies is { } q ? (q ? "still qualifying" : "no longer qualifying") : null,
            string.Create(CultureInfo.InvariantCulture, $"{rows} rows"),
        }.Where(s => s is not null));
}

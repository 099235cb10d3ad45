using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Population;

/// <summary>One practice's data-quality figures: counts only, never a patient value.</summary>
public sealed record PracticeDataQuality(
    PracticeCode PracticeCode,
    string PracticeName,
    int Patients,
    int RegisteredAlive,
    int Deceased,
    IReadOnlyDictionary<EventKind, int> EventsByKind,
    int MedicationRecords,
    int UnknownCodeRecords,
    int DistinctUnknownCodes)
{
    public int Events => EventsByKind.Values.Sum();
}

/// <summary>A code counted as unknown, how often, and why (its system is not SNOMED CT or dm+d, or it fails the check digit).</summary>
public sealed record UnknownCode(string CodeSystem, string Code, int Records, string Why);

/// <summary>
/// The network's (or, for a practice manager, their practice's) data-quality report. <see cref="InvalidIdentifiers"/>
/// and the last import are network-wide and left out (null) for a practice-scoped user, as quarantined resources
/// cannot be attributed to a practice.
/// </summary>
public sealed record DataQualityReport(
    IReadOnlyList<PracticeDataQuality> Practices,
    IReadOnlyList<UnknownCode> TopUnknownCodes,
    int? InvalidIdentifiers,
    DateTimeOffset? LastImportAt,
    RecordImportStatus? LastImportStatus);

/// <summary>
/// Aggregate checks of the imported records per practice: patients, events by kind, medicines, unknown codes and
/// quarantined identifiers. Each record table is grouped once in the database (by practice, kind and code); totals
/// and the check of each distinct code are done in memory.
/// </summary>
public sealed class DataQualityService(PcnDbContext db, TenantScope scope, TimeProvider clock)
{
    public async Task<DataQualityReport> GetReportAsync(CancellationToken ct = default)
    {
        var today = clock.TodayInEngland();
        var practices = await db.Practices.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.PracticeCode, p.Name }).ToListAsync(ct);

        var patients = await db.Patients.AsNoTracking()
            .GroupBy(p => p.PracticeCode)
            .Select(g => new
            {
                PracticeCode = g.Key,
                Total = g.Count(),
                Deceased = g.Count(p => p.DateOfDeath != null),
            }).ToListAsync(ct);
        var registeredAlive = await db.Patients.AsNoTracking()
            .Where(p => p.DateOfDeath == null
                && db.Registrations.Any(r => r.PcnId == p.PcnId && r.PatientId == p.PatientId && r.PracticeCode == p.PracticeCode && (r.End == null || r.End >= today)))
            .GroupBy(p => p.PracticeCode).Select(g => new { PracticeCode = g.Key, Count = g.Count() }).ToListAsync(ct);

        // One grouped pass over each record table (by practice, kind and code); the per-practice totals and the unknown
        // codes are then summed here. Joining to Patient applies its practice filter, so a practice manager counts only
        // their practice's rows.
        var events = await (from e in db.ClinicalEvents.AsNoTracking()
                            join p in db.Patients.AsNoTracking() on new { e.PcnId, e.PatientId } equals new { p.PcnId, p.PatientId }
                            group e by new { p.PracticeCode, e.Kind, e.CodeSystem, e.Code } into g
                            select new EventCount(g.Key.PracticeCode, g.Key.Kind, g.Key.CodeSystem, g.Key.Code, g.Count())).ToListAsync(ct);
        var medicines = await (from m in db.MedicationRecords.AsNoTracking()
                               join p in db.Patients.AsNoTracking() on new { m.PcnId, m.PatientId } equals new { p.PcnId, p.PatientId }
                               group m by new { p.PracticeCode, m.CodeSystem, m.Code } into g
                               select new CodeCount(g.Key.PracticeCode, g.Key.CodeSystem, g.Key.Code, g.Count())).ToListAsync(ct);

        var eventsByPractice = events.GroupBy(e => e.PracticeCode)
            .ToDictionary(g => g.Key, g => g.GroupBy(e => e.Kind).ToDictionary(k => k.Key, k => k.Sum(e => e.Records)));
        var medicinesByPractice = medicines.GroupBy(m => m.PracticeCode).ToDictionary(g => g.Key, g => g.Sum(m => m.Records));
        var whyByCode = new Dictionary<(string CodeSystem, string Code), string?>();
        var unknown = events.Select(e => new CodeCount(e.PracticeCode, e.CodeSystem, e.Code, e.Records)).Concat(medicines)
            .Select(c => (Count: c, Why: Why(whyByCode, c.CodeSystem, c.Code)))
            .Where(c => c.Why is not null).ToList();
        var unknownByPractice = unknown.GroupBy(u => u.Count.PracticeCode).ToDictionary(g => g.Key, g => g.ToList());

        var rows = practices.Select(p =>
        {
            var patientCounts = patients.Find(x => x.PracticeCode == p.PracticeCode);
            var kinds = eventsByPractice.GetValueOrDefault(p.PracticeCode);
            var practiceUnknown = unknownByPractice.GetValueOrDefault(p.PracticeCode) ?? [];
            return new PracticeDataQuality(
                p.PracticeCode,
                p.Name,
                patientCounts?.Total ?? 0,
                registeredAlive.Find(x => x.PracticeCode == p.PracticeCode)?.Count ?? 0,
                patientCounts?.Deceased ?? 0,
                Enum.GetValues<EventKind>().ToDictionary(k => k, k => kinds?.GetValueOrDefault(k) ?? 0),
                medicinesByPractice.GetValueOrDefault(p.PracticeCode),
                practiceUnknown.Sum(u => u.Count.Records),
                practiceUnknown.Select(u => (u.Count.CodeSystem, u.Count.Code)).Distinct().Count());
        }).ToList();

        var top = unknown.GroupBy(u => (u.Count.CodeSystem, u.Count.Code))
            .Select(g => new UnknownCode(g.Key.CodeSystem, g.Key.Code, g.Sum(u => u.Count.Records), g.First().Why!))
            .OrderByDescending(u => u.Records).ThenBy(u => u.Code, StringComparer.Ordinal).Take(20).ToList();

        if (scope.PracticeCode is not null)
        {
            return new DataQualityReport(rows, top, null, null, null);
        }

        // The latest finished run's quarantine: every import of the same records quarantines the same bad identifiers
        // again, so a sum over all runs would grow with each re-import. A completed run is preferred to one that stopped.
        var latestRun = await db.RecordImports.AsNoTracking()
            .Where(r => r.Status != RecordImportStatus.Queued && r.Status != RecordImportStatus.Running)
            .OrderByDescending(r => r.Status == RecordImportStatus.Completed).ThenByDescending(r => r.QueuedAt)
            .Select(r => (Guid?)r.ImportId).FirstOrDefaultAsync(ct);
        var invalidIdentifiers = latestRun is not { } runId ? 0 : await db.QuarantinedResources.AsNoTracking()
            .CountAsync(q => q.ImportId == runId && (EF.Functions.Like(q.Reason, "%NHS number%") || EF.Functions.Like(q.Reason, "%nhs number%")), ct);
        var last = await db.RecordImports.AsNoTracking().OrderByDescending(r => r.QueuedAt)
            .Select(r => new { At = r.FinishedAt ?? r.StartedAt ?? r.QueuedAt, r.Status }).FirstOrDefaultAsync(ct);
        return new DataQualityReport(rows, top, invalidIdentifiers, last?.At, last?.Status);
    }

    /// <summary>Why a code is unknown, or null when it is a known system and (for SNOMED CT) a well-formed identifier.</summary>
    internal static string? WhyUnknown(string codeSystem, string code) => codeSystem switch
    {
        CodeSystems.Snomed => SnomedCtId.IsValid(code) ? null : "Not a valid SNOMED CT identifier (check digit or form)",
        CodeSystems.Dmd => null,
        "" => "No code system",
        _ => "Code system is not SNOMED CT or dm+d",
    };

    private static string? Why(Dictionary<(string, string), string?> known, string codeSystem, string code)
    {
        if (!known.TryGetValue((codeSystem, code), out var why))
        {
            why = WhyUnknown(codeSystem, code);
            known[(codeSystem, code)] = why;
        }

        return why;
    }

    private sealed record EventCount(PracticeCode PracticeCode, EventKind Kind, string CodeSystem, string Code, int Records);

    private sealed record CodeCount(PracticeCode PracticeCode, string CodeSystem, string Code, int Records);
}

using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Population;

/// <summary>
/// One of the few places that read patient-identifiable rows: finding patients and reading one patient's record.
/// Every search and every record view writes an audit event (who, when, which patient by OpenPCN's own id, and how the
/// record was reached) in the same save; NHS numbers never go to the audit log or to logs.
/// </summary>
public sealed class PatientRecordService(PcnDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxPageSize = 200;
    public const string ViewedAction = "population.patient.viewed";
    public const string SearchedAction = "population.patients.searched";

    /// <summary>Patients matching <paramref name="search"/>, by practice then age. An NHS number must be valid.</summary>
    public async Task<Paged<PatientListItem>> SearchAsync(PatientSearch search, CancellationToken ct = default)
    {
        var today = clock.TodayInEngland();
        var query = db.Patients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.NhsNumber))
        {
            if (!NhsNumber.TryParse(search.NhsNumber, out var nhs))
            {
                throw new RuleViolationException(nameof(PatientSearch.NhsNumber), "Enter a valid NHS number, 10 digits like 943 476 5919");
            }

            query = query.Where(p => p.NhsNumber == nhs);
        }

        if (search.Practice is { } practice)
        {
            query = query.Where(p => p.PracticeCode == practice);
        }

        if (search.AgeBand is { } band)
        {
            var (from, to) = Range(band);
            var bornOnOrBefore = today.AddYears(-from);
            query = query.Where(p => p.DateOfBirth <= bornOnOrBefore);
            if (to is { } oldest)
            {
                var bornAfter = today.AddYears(-(oldest + 1));
                query = query.Where(p => p.DateOfBirth > bornAfter);
            }
        }

        var size = Math.Clamp(search.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, search.Page);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(p => p.PracticeCode).ThenBy(p => p.DateOfBirth).ThenBy(p => p.PatientId)
            .Skip((page - 1) * size).Take(size)
            .Select(p => new { p.PatientId, p.NhsNumber, p.PracticeCode, p.DateOfBirth, p.Sex, p.DateOfDeath })
            .ToListAsync(ct);
        var names = await PracticeNames.LoadAsync(db, ct);
        var items = rows.Select(p => new PatientListItem(p.PatientId, p.NhsNumber, p.PracticeCode, names.Of(p.PracticeCode),
            Patient.AgeOn(p.DateOfBirth, p.DateOfDeath ?? today), p.Sex, p.DateOfDeath is not null)).ToList();

        audit.Record(SearchedAction, "patients", Describe(search, total));
        await db.SaveChangesAsync(ct);
        return new Paged<PatientListItem>(items, page, size, total);
    }

    /// <summary>
    /// One patient's record, or null when there is no such patient in the caller's network (or practice). Writes the
    /// audit event <see cref="ViewedAction"/> with <paramref name="reason"/> (how or why the record was opened).
    /// </summary>
    public async Task<PatientRecord?> GetRecordAsync(long patientId, string reason, CancellationToken ct = default)
    {
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.PatientId == patientId, ct);
        if (patient is null)
        {
            return null;
        }

        var today = clock.TodayInEngland();
        var names = await PracticeNames.LoadAsync(db, ct);
        var demographics = new PatientDemographics(patient.PatientId, patient.NhsNumber, patient.DateOfBirth,
            patient.AgeOn(patient.DateOfDeath ?? today), patient.Sex, patient.PracticeCode, names.Of(patient.PracticeCode),
            patient.EthnicCategory, patient.Lsoa, patient.DeprivationDecile, patient.DateOfDeath);

        var registrations = (await db.Registrations.AsNoTracking().Where(r => r.PatientId == patientId)
                .Select(r => new { r.PracticeCode, r.Start, r.End }).ToListAsync(ct))
            .OrderByDescending(r => r.Start ?? DateOnly.MinValue)
            .Select(r => new RegistrationRow(r.PracticeCode, names.Of(r.PracticeCode), r.Start, r.End)).ToList();

        // One patient's events: a few thousand rows at most, read once on the (PcnId, PatientId, Date) index.
        var events = await db.ClinicalEvents.AsNoTracking().Where(e => e.PatientId == patientId)
            .Select(e => new EventRow(e.SourceKey, e.Seq, e.Kind, e.Code, e.Display, e.Date, e.EndDate, e.Value, e.Unit, e.Status, e.Priority))
            .ToListAsync(ct);
        var medicines = await db.MedicationRecords.AsNoTracking().Where(m => m.PatientId == patientId)
            .Select(m => new MedicineSource(m.Kind, m.Code, m.Display, m.Date, m.EndDate, m.Quantity, m.QuantityUnit, m.Status))
            .ToListAsync(ct);

        var record = new PatientRecord(
            demographics,
            registrations,
            Problems(events),
            PatientRecordReader.LatestObservations(events),
            PatientRecordReader.CurrentMedicines(medicines, today),
            CareHome(events),
            [.. events.Where(e => e.Kind == EventKind.Referral).OrderByDescending(e => e.Date).Take(20)
                .Select(e => new ReferralRow(e.Code, e.Display, e.Date, e.Priority, RecordCodes.IsUrgent(e.Priority), e.Status))],
            [.. events.Where(e => e.Kind == EventKind.CarePlan).OrderByDescending(e => e.Date)
                .Select(e => new CarePlanRow(e.Code, e.Display, e.Date, e.EndDate, e.Status))]);

        audit.Record(ViewedAction, patientId.ToString(System.Globalization.CultureInfo.InvariantCulture), Shorten(reason));
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>The network's practices, by name, for the patient list's filter.</summary>
    public async Task<IReadOnlyList<PracticeOption>> PracticesAsync(CancellationToken ct = default) =>
        await db.Practices.AsNoTracking().OrderBy(p => p.Name).Select(p => new PracticeOption(p.PracticeCode, p.Name)).ToListAsync(ct);

    internal static (int From, int? To) Range(AgeBand band) => band switch
    {
        AgeBand.Under18 => (0, 17),
        AgeBand.From18To64 => (18, 64),
        AgeBand.From65To79 => (65, 79),
        AgeBand.From80 => (80, null),
        _ => throw new RuleViolationException(nameof(PatientSearch.AgeBand), "Choose an age band from the list"),
    };

    private static List<ProblemRow> Problems(List<EventRow> events) =>
        [.. events.Where(e => e.Kind == EventKind.Condition)
            .Select(e => new ProblemRow(e.Code, e.Display, e.Date, e.EndDate, e.EndDate is null && !RecordCodes.IsResolvedStatus(e.Status)))
            .OrderByDescending(p => p.Active).ThenByDescending(p => p.Onset)];

    private static CareHomeStatus? CareHome(List<EventRow> events) =>
        events.Where(e => RecordCodes.CareHome.ContainsKey(e.Code)).OrderByDescending(e => e.Date).ThenByDescending(e => e.SourceKey)
            .Select(e => new CareHomeStatus(e.Code, e.Display, RecordCodes.CareHome[e.Code], e.Date)).FirstOrDefault();

    // What was searched, never the NHS number itself.
    private static string Describe(PatientSearch search, int total) =>
        string.Join("; ", new[]
        {
            string.IsNullOrWhiteSpace(search.NhsNumber) ? null : "by NHS number",
            search.Practice is { } p ? $"practice {p}" : null,
            search.AgeBand is { } b ? $"age {RecordCodes.AgeBandText(b)}" : null,
            $"{total} found",
        }.Where(s => s is not null));

    private static string Shorten(string reason) => reason.Length > 500 ? reason[..500] : reason;
}

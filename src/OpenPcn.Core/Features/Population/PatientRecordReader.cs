namespace OpenPcn.Core.Features.Population;

internal sealed record EventRow(long SourceKey, short Seq, EventKind Kind, string Code, string? Display, DateOnly Date, DateOnly? EndDate,
    decimal? Value, string? Unit, string? Status, string? Priority);

internal sealed record MedicineSource(MedicationKind Kind, string Code, string? Display, DateOnly Date, DateOnly? EndDate,
    decimal? Quantity, string? QuantityUnit, string? Status);

/// <summary>The record view's readings of a patient's rows: latest value per code, blood pressure pairs, current medicines.</summary>
internal static class PatientRecordReader
{
    /// <summary>How far back an issued prescription still counts as a current medicine.</summary>
    public const int CurrentIssueMonths = 6;

    public static List<ObservationRow> LatestObservations(List<EventRow> events)
    {
        var observations = events.Where(e => e.Kind == EventKind.Observation).ToList();
        var rows = new List<ObservationRow>();

        // A blood pressure is systolic and diastolic from the same reading (one resource, else the same date).
        var systolic = observations.Where(e => RecordCodes.Systolic.Contains(e.Code))
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.SourceKey).ToList();
        var diastolic = observations.Where(e => RecordCodes.Diastolic.Contains(e.Code)).ToList();
        foreach (var s in systolic)
        {
            var d = diastolic.Find(x => x.SourceKey == s.SourceKey) ?? diastolic.Find(x => x.Date == s.Date);
            if (d is not null && s.Value is not null && d.Value is not null)
            {
                rows.Add(new ObservationRow(s.Code, "Blood pressure", s.Date, $"{Number(s.Value)}/{Number(d.Value)}", s.Unit ?? d.Unit));
                break;
            }
        }

        rows.AddRange(observations
            .Where(e => !RecordCodes.Systolic.Contains(e.Code) && !RecordCodes.Diastolic.Contains(e.Code))
            .GroupBy(e => e.Code)
            .Select(g => g.OrderByDescending(e => e.Date).ThenByDescending(e => e.SourceKey).First())
            .Select(e => new ObservationRow(e.Code, e.Display, e.Date, e.Value is null ? "Recorded" : Number(e.Value), e.Unit)));
        return [.. rows.OrderByDescending(r => r.Date).ThenBy(r => r.Display, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Repeat templates still in force (no end date, or one not yet reached, and not stopped) and issues of the last
    /// six months; one row per code, the latest.
    /// </summary>
    public static List<MedicineRow> CurrentMedicines(List<MedicineSource> medicines, DateOnly today)
    {
        var issuedSince = today.AddMonths(-CurrentIssueMonths);
        return [.. medicines
            .Where(m => m.Kind == MedicationKind.RepeatTemplate
                ? (m.EndDate is null || m.EndDate >= today) && m.Status is null or "active" or "on-hold"
                : m.Kind == MedicationKind.Issue && m.Date >= issuedSince && m.Date <= today)
            .GroupBy(m => m.Code)
            .Select(g => g.OrderByDescending(m => m.Date).ThenBy(m => m.Kind).First())
            .OrderBy(m => m.Display ?? m.Code, StringComparer.OrdinalIgnoreCase)
            .Select(m => new MedicineRow(m.Code, m.Display, m.Kind, m.Date, m.Quantity, m.QuantityUnit))];
    }

    private static string Number(decimal? value) =>
        value?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}

using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Definitions;

/// <summary>Building blocks shared by the built-in definitions: who is registered, registers, current medicines, frailty.</summary>
public static class Populations
{
    /// <summary>
    /// Registered and alive on the index date: an open registration at any practice covering the index date (start
    /// missing or on or before it, end missing or on or after it) and no date of death on or before it.
    /// </summary>
    public static BoolExpr Registered => RegisteredOn(Cohort.IndexDate);

    /// <summary>Age in whole years on the index date.</summary>
    public static IntExpr Age => Cohort.Patients.AgeOn(Cohort.IndexDate);

    /// <summary>Registered and alive on <paramref name="date"/>; see <see cref="Registered"/>.</summary>
    public static BoolExpr RegisteredOn(DateExpr date) =>
        Cohort.Registrations
            .Where(r => (r.StartDate.IsNull() | (r.StartDate <= date)) & (r.EndDate.IsNull() | (r.EndDate >= date)))
            .Exists()
        & Cohort.Patients.AliveOn(date);

    /// <summary>The clinical events on or before the index date that <paramref name="condition"/> selects.</summary>
    public static ClinicalEventRows EventsUntilIndex(Func<ClinicalEventRows, BoolExpr> condition) =>
        Cohort.ClinicalEvents.Where(e => condition(e) & (e.Date <= Cohort.IndexDate));

    /// <summary>The latest date of a code in <paramref name="codelist"/> on or before the index date.</summary>
    public static DateExpr LatestDate(Codelist codelist) => EventsUntilIndex(e => e.Code.IsIn(codelist)).Maximum(e => e.Date);

    /// <summary>
    /// The NHS register rule for a diagnosis chosen by <paramref name="diagnosis"/>: a diagnosis on or before the index
    /// date and no <paramref name="resolved"/> event on or after the latest diagnosis (the latest diagnosis is later
    /// than the latest resolved code). Single-codelist registers use <see cref="Cohort.OnRegister"/>, which this
    /// generalises to diagnoses and resolutions made of several codelists.
    /// </summary>
    public static BoolExpr OnRegister(Func<ClinicalEventRows, BoolExpr> diagnosis, Func<ClinicalEventRows, BoolExpr>? resolved)
    {
        var latestDiagnosis = EventsUntilIndex(diagnosis).Maximum(e => e.Date);
        if (resolved is null)
        {
            return latestDiagnosis.IsNotNull();
        }

        var latestResolved = EventsUntilIndex(resolved).Maximum(e => e.Date);
        return latestDiagnosis.IsNotNull() & (latestResolved.IsNull() | (latestDiagnosis > latestResolved));
    }

    /// <summary>
    /// Medicines current on the index date: issued in the six months up to it, or on a repeat template that is
    /// active on it (status active or not recorded, started on or before it and not ended before it).
    /// </summary>
    public static MedicationRows CurrentMedicines(Func<MedicationRows, BoolExpr>? which = null)
    {
        var index = Cohort.IndexDate;
        var sixMonthsAgo = index.AddMonths(-6);
        return Cohort.Medications.Where(m =>
        {
            var issued = m.Kind.Is("issue") & (m.Date >= sixMonthsAgo) & (m.Date <= index);
            var repeat = m.Kind.Is("repeat_template") & (m.Status.IsNull() | m.Status.Is("active"))
                & (m.Date.IsNull() | (m.Date <= index)) & (m.EndDate.IsNull() | (m.EndDate >= index));
            var current = issued | repeat;
            return which is null ? current : which(m) & current;
        });
    }

    /// <summary>
    /// The patient's latest electronic frailty index category code (MILDFRAIL_COD, MODFRAIL_COD or SEVFRAIL_COD) on or
    /// before the index date, as a picked row: its <c>Code</c> and <c>Date</c>.
    /// </summary>
    public static ClinicalEventRows LatestFrailty(CodelistLibrary codelists)
    {
        var (mild, moderate, severe) = (codelists.Get("MILDFRAIL_COD"), codelists.Get("MODFRAIL_COD"), codelists.Get("SEVFRAIL_COD"));
        return EventsUntilIndex(e => e.Code.IsIn(mild) | e.Code.IsIn(moderate) | e.Code.IsIn(severe)).Latest(e => e.Date);
    }

    /// <summary>A query of <paramref name="population"/> with the named columns, in order.</summary>
    public static CohortQuery Query(BoolExpr population, params (string Name, Expr Value)[] columns) =>
        new(population.Series, [.. columns.Select(c => new QueryColumn(c.Name, c.Value.Series))]);
}

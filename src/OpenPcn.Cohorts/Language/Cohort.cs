using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Schema;

namespace OpenPcn.Cohorts.Language;

/// <summary>
/// Where a definition starts: the tables, the index date and a few helpers. For example, people with a blood
/// pressure of 140/90 or more at their latest reading:
/// <code>
/// var bp = Cohort.ClinicalEvents.WithCode(systolicCodes).Latest(e => e.Date);
/// var population = bp.Value >= 140;
/// </code>
/// </summary>
public static class Cohort
{
    /// <summary>The <c>patients</c> table.</summary>
    public static PatientsTable Patients { get; } = new();

    /// <summary>The <c>registrations</c> table.</summary>
    public static RegistrationRows Registrations { get; } = new(new TableFrame(CohortTables.Registrations));

    /// <summary>The <c>clinical_events</c> table.</summary>
    public static ClinicalEventRows ClinicalEvents { get; } = new(new TableFrame(CohortTables.ClinicalEvents));

    /// <summary>The <c>medications</c> table.</summary>
    public static MedicationRows Medications { get; } = new(new TableFrame(CohortTables.Medications));

    /// <summary>The date the definition is run for.</summary>
    public static DateExpr IndexDate { get; } = new(new IndexDate());

    /// <summary><paramref name="then"/> where <paramref name="condition"/> is true, else <paramref name="otherwise"/> (null if omitted).</summary>
    public static T If<T>(BoolExpr condition, T then, T? otherwise = null)
        where T : Expr => Expr.Wrap<T>(new Case(condition.Series, then.Series, otherwise?.Series));

    /// <summary>A typed null of <typeparamref name="T"/>'s type.</summary>
    public static T Null<T>()
        where T : Expr
    {
        var type = typeof(T) == typeof(BoolExpr) ? CohortType.Boolean
            : typeof(T) == typeof(IntExpr) ? CohortType.Integer
            : typeof(T) == typeof(DecimalExpr) ? CohortType.Decimal
            : typeof(T) == typeof(DateExpr) ? CohortType.Date
            : CohortType.Text;
        return Expr.Wrap<T>(new Value(null, type));
    }

    /// <summary>
    /// On an NHS register on <paramref name="asOf"/>: a diagnosis code on or before it, and no resolved code later
    /// than or on the same day as the latest diagnosis (QOF: the latest diagnosis is after the latest resolved code).
    /// </summary>
    public static BoolExpr OnRegister(Codelist diagnosis, Codelist? resolved, DateExpr asOf)
    {
        var latestDiagnosis = ClinicalEvents.WithCode(diagnosis).Where(e => e.Date <= asOf).Maximum(e => e.Date);
        if (resolved is null)
        {
            return latestDiagnosis.IsNotNull();
        }

        var latestResolved = ClinicalEvents.WithCode(resolved).Where(e => e.Date <= asOf).Maximum(e => e.Date);
        return latestDiagnosis.IsNotNull() & (latestResolved.IsNull() | (latestDiagnosis > latestResolved));
    }
}

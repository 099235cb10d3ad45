using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Schema;

namespace OpenPcn.Cohorts.Language;

/// <summary>The <c>patients</c> table: one row per patient.</summary>
#pragma warning disable CA1822 // instance members so that Cohort.Patients.DateOfBirth reads like the other tables
public sealed class PatientsTable
{
    internal PatientsTable()
    {
    }

    private static readonly Frame Frame = new TableFrame(CohortTables.Patients);

    /// <summary>Date of birth.</summary>
    public DateExpr DateOfBirth => new(new Column(Frame, "date_of_birth"));

    /// <summary>female, male, other or unknown.</summary>
    public TextExpr Sex => new(new Column(Frame, "sex"));

    /// <summary>NHS Data Dictionary ethnic category letter.</summary>
    public TextExpr EthnicCategory => new(new Column(Frame, "ethnic_category"));

    /// <summary>LSOA of the address.</summary>
    public TextExpr Lsoa => new(new Column(Frame, "lsoa"));

    /// <summary>IMD decile (1 most deprived).</summary>
    public IntExpr DeprivationDecile => new(new Column(Frame, "deprivation_decile"));

    /// <summary>Date of death.</summary>
    public DateExpr DateOfDeath => new(new Column(Frame, "date_of_death"));

    /// <summary>ODS code of the practice of the latest registration.</summary>
    public TextExpr Practice => new(new Column(Frame, "practice"));

    /// <summary>Age in whole years on <paramref name="date"/>.</summary>
    public IntExpr AgeOn(DateExpr date) => DateOfBirth.YearsUntil(date);

    /// <summary>Alive on <paramref name="date"/> (no date of death, or one after it).</summary>
    public BoolExpr AliveOn(DateExpr date) => DateOfDeath.IsNull() | (DateOfDeath > date);
}

#pragma warning restore CA1822

/// <summary>The <c>registrations</c> table.</summary>
public sealed class RegistrationRows : Rows<RegistrationRows>
{
    internal RegistrationRows(Frame frame)
        : base(frame)
    {
    }

    /// <summary>ODS code of the practice.</summary>
    public TextExpr Practice => TextColumn("practice");

    /// <summary>First day registered.</summary>
    public DateExpr StartDate => DateColumn("start_date");

    /// <summary>Last day registered; null while open.</summary>
    public DateExpr EndDate => DateColumn("end_date");

    private protected override RegistrationRows Wrap(Frame frame) => new(frame);
}

/// <summary>The <c>clinical_events</c> table.</summary>
public sealed class ClinicalEventRows : Rows<ClinicalEventRows>
{
    internal ClinicalEventRows(Frame frame)
        : base(frame)
    {
    }

    /// <summary>condition, observation, procedure, referral, care_plan, appointment, immunisation, allergy, encounter.</summary>
    public TextExpr Kind => TextColumn("kind");

    /// <summary>The code.</summary>
    public TextExpr Code => TextColumn("code");

    /// <summary>When recorded or started.</summary>
    public DateExpr Date => DateColumn("date");

    /// <summary>When it ended.</summary>
    public DateExpr EndDate => DateColumn("end_date");

    /// <summary>A measurement's value.</summary>
    public DecimalExpr Value => DecimalColumn("value");

    /// <summary>The value's unit.</summary>
    public TextExpr Unit => TextColumn("unit");

    /// <summary>Status as recorded.</summary>
    public TextExpr Status => TextColumn("status");

    /// <summary>A referral's priority.</summary>
    public TextExpr Priority => TextColumn("priority");

    /// <summary>The rows whose code is in <paramref name="codelist"/>.</summary>
    public ClinicalEventRows WithCode(Codelist codelist) => Where(e => e.Code.IsIn(codelist));

    private protected override ClinicalEventRows Wrap(Frame frame) => new(frame);
}

/// <summary>The <c>medications</c> table.</summary>
public sealed class MedicationRows : Rows<MedicationRows>
{
    internal MedicationRows(Frame frame)
        : base(frame)
    {
    }

    /// <summary>issue, repeat_template or statement.</summary>
    public TextExpr Kind => TextColumn("kind");

    /// <summary>The dm+d code.</summary>
    public TextExpr Code => TextColumn("code");

    /// <summary>When issued, authorised or stated.</summary>
    public DateExpr Date => DateColumn("date");

    /// <summary>When a repeat or statement ended.</summary>
    public DateExpr EndDate => DateColumn("end_date");

    /// <summary>Quantity issued.</summary>
    public DecimalExpr Quantity => DecimalColumn("quantity");

    /// <summary>Status as recorded.</summary>
    public TextExpr Status => TextColumn("status");

    /// <summary>The rows whose code is in <paramref name="codelist"/>.</summary>
    public MedicationRows WithCode(Codelist codelist) => Where(m => m.Code.IsIn(codelist));

    private protected override MedicationRows Wrap(Frame frame) => new(frame);
}

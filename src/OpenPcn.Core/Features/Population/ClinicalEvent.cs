using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Population;

/// <summary>What kind of record a <see cref="ClinicalEvent"/> is (which FHIR resource it came from).</summary>
public enum EventKind
{
    /// <summary>Condition: a problem or diagnosis; <see cref="ClinicalEvent.EndDate"/> is when it was resolved.</summary>
    Condition = 1,

    /// <summary>Observation: a finding or measurement; a blood pressure gives one row per component.</summary>
    Observation = 2,

    /// <summary>Procedure, including reviews, health checks and care-home status codes recorded as procedures.</summary>
    Procedure = 3,

    /// <summary>ServiceRequest: a referral; <see cref="ClinicalEvent.Priority"/> marks urgent ones.</summary>
    Referral = 4,

    /// <summary>CarePlan: a personalised care and support plan.</summary>
    CarePlan = 5,

    /// <summary>Appointment (past), its code the service or appointment type and its status the outcome.</summary>
    Appointment = 6,

    /// <summary>Immunization.</summary>
    Immunisation = 7,

    /// <summary>AllergyIntolerance.</summary>
    Allergy = 8,

    /// <summary>Encounter.</summary>
    Encounter = 9,
}

/// <summary>
/// One coded entry in a patient's record: a diagnosis, finding, measurement, procedure, referral, care plan or
/// appointment. The table case-finding reads (by code and date) alongside <see cref="MedicationRecord"/>.
/// </summary>
public sealed class ClinicalEvent : ITenantOwned
{
    private ClinicalEvent()
    {
        CodeSystem = string.Empty;
        Code = string.Empty;
    }

    public int PcnId { get; private set; }

    public long SourceKey { get; private set; }

    /// <summary>Position within the source resource (a blood pressure's systolic is 0, diastolic 1).</summary>
    public short Seq { get; private set; }

    public long PatientId { get; private set; }

    public EventKind Kind { get; private set; }

    /// <summary>Code system URI (<see cref="CodeSystems"/>).</summary>
    public string CodeSystem { get; private set; }

    public string Code { get; private set; }

    /// <summary>The display text the record carried for the code.</summary>
    public string? Display { get; private set; }

    /// <summary>Clinical date: onset, effective, performed, authored or appointment date.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>End of the event: a condition's abatement (resolved) date, a period's end.</summary>
    public DateOnly? EndDate { get; private set; }

    /// <summary>Numeric value (a measurement, a score), when there is one.</summary>
    public decimal? Value { get; private set; }

    /// <summary>UCUM unit of <see cref="Value"/>, e.g. <c>mm[Hg]</c>, <c>mmol/mol</c>.</summary>
    public string? Unit { get; private set; }

    /// <summary>The resource's status, e.g. a condition's clinical status <c>resolved</c>, an appointment's <c>noshow</c>.</summary>
    public string? Status { get; private set; }

    /// <summary>A referral's priority: <c>routine</c>, <c>urgent</c>, <c>asap</c> or <c>stat</c>.</summary>
    public string? Priority { get; private set; }
}

internal sealed class ClinicalEventConfiguration : IEntityTypeConfiguration<ClinicalEvent>
{
    public void Configure(EntityTypeBuilder<ClinicalEvent> builder)
    {
        builder.HasKey(e => new { e.PcnId, e.SourceKey, e.Seq });
        builder.HasOne<Pcn>().WithMany().HasForeignKey(e => e.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.CodeSystem).HasMaxLength(200);
        builder.Property(e => e.Code).HasMaxLength(64);
        builder.Property(e => e.Display).HasMaxLength(300);
        builder.Property(e => e.Value).HasPrecision(18, 6);
        builder.Property(e => e.Unit).HasMaxLength(40);
        builder.Property(e => e.Status).HasMaxLength(40);
        builder.Property(e => e.Priority).HasMaxLength(10);
        builder.HasIndex(e => new { e.PcnId, e.Code, e.Date });
        builder.HasIndex(e => new { e.PcnId, e.PatientId, e.Date });
    }
}

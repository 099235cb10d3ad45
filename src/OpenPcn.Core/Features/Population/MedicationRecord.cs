using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Population;

/// <summary>What a <see cref="MedicationRecord"/> records.</summary>
public enum MedicationKind
{
    /// <summary>A prescription issued (MedicationRequest, intent order).</summary>
    Issue = 1,

    /// <summary>A repeat template authorising issues (MedicationRequest, intent plan); its end date ends the repeat.</summary>
    RepeatTemplate = 2,

    /// <summary>A medicine the patient is recorded as taking (MedicationStatement).</summary>
    Statement = 3,
}

/// <summary>
/// A medicine in a patient's record, coded in dm+d (a VMP or AMP) or the system it arrived with.
/// </summary>
public sealed class MedicationRecord : ITenantOwned
{
    private MedicationRecord()
    {
        CodeSystem = string.Empty;
        Code = string.Empty;
    }

    public int PcnId { get; private set; }

    public long SourceKey { get; private set; }

    public short Seq { get; private set; }

    public long PatientId { get; private set; }

    public MedicationKind Kind { get; private set; }

    public string CodeSystem { get; private set; }

    public string Code { get; private set; }

    public string? Display { get; private set; }

    /// <summary>Date issued, authorised or asserted.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>When a repeat template or statement ended (or a validity period ends).</summary>
    public DateOnly? EndDate { get; private set; }

    public decimal? Quantity { get; private set; }

    public string? QuantityUnit { get; private set; }

    /// <summary>FHIR status, e.g. <c>active</c>, <c>completed</c>, <c>stopped</c>.</summary>
    public string? Status { get; private set; }
}

internal sealed class MedicationRecordConfiguration : IEntityTypeConfiguration<MedicationRecord>
{
    public void Configure(EntityTypeBuilder<MedicationRecord> builder)
    {
        builder.HasKey(m => new { m.PcnId, m.SourceKey, m.Seq });
        builder.HasOne<Pcn>().WithMany().HasForeignKey(m => m.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.CodeSystem).HasMaxLength(200);
        builder.Property(m => m.Code).HasMaxLength(64);
        builder.Property(m => m.Display).HasMaxLength(300);
        builder.Property(m => m.Quantity).HasPrecision(18, 4);
        builder.Property(m => m.QuantityUnit).HasMaxLength(60);
        builder.Property(m => m.Status).HasMaxLength(40);
        builder.HasIndex(m => new { m.PcnId, m.Code, m.Date });
        builder.HasIndex(m => new { m.PcnId, m.PatientId, m.Date });
    }
}

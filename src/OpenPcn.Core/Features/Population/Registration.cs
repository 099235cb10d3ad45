using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Population;

/// <summary>
/// A period of registration at a practice (FHIR EpisodeOfCare of type registration, or the Patient's registered GP
/// practice when no period is given). An open end means still registered; a null start means "not stated".
/// </summary>
public sealed class Registration : ITenantOwned
{
    private Registration()
    {
    }

    public int PcnId { get; private set; }

    /// <summary>The FHIR resource this row came from (<see cref="SourceResource"/>).</summary>
    public long SourceKey { get; private set; }

    public short Seq { get; private set; }

    public long PatientId { get; private set; }

    public PracticeCode PracticeCode { get; private set; }

    public DateOnly? Start { get; private set; }

    public DateOnly? End { get; private set; }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.HasKey(r => new { r.PcnId, r.SourceKey, r.Seq });
        builder.HasOne<Pcn>().WithMany().HasForeignKey(r => r.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.PracticeCode).HasMaxLength(6);
        builder.HasIndex(r => new { r.PcnId, r.PatientId });
    }
}

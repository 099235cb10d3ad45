using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Population;

/// <summary>
/// One FHIR resource as last imported: its type and logical id (or, for resources without one, a stable identity
/// such as a bundle entry's full URL), a hash of its content and the patient it belongs to. Every record row carries
/// its <see cref="SourceKey"/>, so re-importing the same content changes nothing and a changed resource replaces
/// exactly the rows it produced.
/// </summary>
public sealed class SourceResource : ITenantOwned
{
    private SourceResource()
    {
        ResourceType = string.Empty;
        LogicalId = string.Empty;
    }

    public int PcnId { get; private set; }

    public long SourceKey { get; private set; }

    /// <summary>FHIR resource type, e.g. <c>Observation</c>.</summary>
    public string ResourceType { get; private set; }

    /// <summary>The resource's logical id, or the stable identity used when it has none.</summary>
    public string LogicalId { get; private set; }

    /// <summary>64-bit hash of the resource's content as imported.</summary>
    public long ContentHash { get; private set; }

    /// <summary><c>meta.lastUpdated</c>, when given.</summary>
    public DateTimeOffset? LastUpdated { get; private set; }

    public long? PatientId { get; private set; }

    /// <summary>The import run that last wrote this resource.</summary>
    public Guid LastImportId { get; private set; }
}

internal sealed class SourceResourceConfiguration : IEntityTypeConfiguration<SourceResource>
{
    public void Configure(EntityTypeBuilder<SourceResource> builder)
    {
        builder.HasKey(s => new { s.PcnId, s.SourceKey });
        builder.HasOne<Pcn>().WithMany().HasForeignKey(s => s.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.SourceKey).ValueGeneratedNever();
        builder.Property(s => s.ResourceType).HasMaxLength(40);
        builder.Property(s => s.LogicalId).HasMaxLength(200);
        builder.HasIndex(s => new { s.PcnId, s.ResourceType, s.LogicalId }).IsUnique();
    }
}

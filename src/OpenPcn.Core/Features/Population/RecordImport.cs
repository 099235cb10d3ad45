using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Population;

/// <summary>Where a <see cref="RecordImport"/> stands.</summary>
public enum RecordImportStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
    Cancelled = 4,

    /// <summary>Found still running when the application started: the process stopped mid-way; run it again to finish.</summary>
    Interrupted = 5,
}

/// <summary>
/// One run of the FHIR record import for a network: what was read, from where, by whom, and the outcome, with counts
/// by resource type. Its rejected resources are <see cref="QuarantinedResource"/> rows.
/// </summary>
public sealed class RecordImport : ITenantOwned
{
    private RecordImport()
    {
        Source = string.Empty;
        CountsByType = "{}";
    }

    internal RecordImport(int pcnId, Guid importId, string source, string? startedBy, DateTimeOffset queuedAt)
    {
        PcnId = pcnId;
        ImportId = importId;
        Source = source;
        StartedBy = startedBy;
        QueuedAt = queuedAt;
        CountsByType = "{}";
    }

    public int PcnId { get; private set; }

    public Guid ImportId { get; private set; }

    /// <summary>The file or folder name imported (a name, not a patient value).</summary>
    public string Source { get; private set; }

    public string? StartedBy { get; private set; }

    public DateTimeOffset QueuedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public RecordImportStatus Status { get; private set; }

    /// <summary>Resources read from the input.</summary>
    public int Read { get; private set; }

    /// <summary>Resources stored: new, or changed since the last import.</summary>
    public int Accepted { get; private set; }

    /// <summary>Resources already stored with the same content (a re-import), or of a type OpenPCN does not keep.</summary>
    public int Skipped { get; private set; }

    /// <summary>Resources quarantined with a reason.</summary>
    public int Rejected { get; private set; }

    /// <summary>JSON object: resource type → {read, accepted, skipped, rejected}.</summary>
    public string CountsByType { get; private set; }

    /// <summary>Why the run failed, when it did (no patient values).</summary>
    public string? Error { get; private set; }

    internal void Start(DateTimeOffset at)
    {
        Status = RecordImportStatus.Running;
        StartedAt = at;
    }

    internal void Progress(int read, int accepted, int skipped, int rejected, string countsByType)
    {
        Read = read;
        Accepted = accepted;
        Skipped = skipped;
        Rejected = rejected;
        CountsByType = countsByType;
    }

    internal void Finish(RecordImportStatus status, DateTimeOffset at, string? error = null)
    {
        Status = status;
        FinishedAt = at;
        Error = error;
    }
}

/// <summary>A resource the import refused, where it was and why. Holds no resource content.</summary>
public sealed class QuarantinedResource : ITenantOwned
{
    private QuarantinedResource()
    {
        File = string.Empty;
        Location = string.Empty;
        Reason = string.Empty;
    }

    internal QuarantinedResource(int pcnId, Guid importId, int seq, string file, string location, string? resourceType, string? logicalId, string reason)
    {
        PcnId = pcnId;
        ImportId = importId;
        Seq = seq;
        File = file;
        Location = location;
        ResourceType = resourceType;
        LogicalId = logicalId;
        Reason = reason;
    }

    public int PcnId { get; private set; }

    public Guid ImportId { get; private set; }

    public int Seq { get; private set; }

    /// <summary>The file's name within the import (relative path).</summary>
    public string File { get; private set; }

    /// <summary><c>line 12</c> for NDJSON, <c>entry 3</c> for a Bundle.</summary>
    public string Location { get; private set; }

    public string? ResourceType { get; private set; }

    public string? LogicalId { get; private set; }

    public string Reason { get; private set; }
}

internal sealed class RecordImportConfiguration : IEntityTypeConfiguration<RecordImport>
{
    public void Configure(EntityTypeBuilder<RecordImport> builder)
    {
        builder.HasKey(r => new { r.PcnId, r.ImportId });
        builder.HasOne<Pcn>().WithMany().HasForeignKey(r => r.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Source).HasMaxLength(400);
        builder.Property(r => r.StartedBy).HasMaxLength(256);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasIndex(r => new { r.PcnId, r.QueuedAt });
    }
}

internal sealed class QuarantinedResourceConfiguration : IEntityTypeConfiguration<QuarantinedResource>
{
    public void Configure(EntityTypeBuilder<QuarantinedResource> builder)
    {
        builder.HasKey(q => new { q.PcnId, q.ImportId, q.Seq });
        builder.Property(q => q.File).HasMaxLength(400);
        builder.Property(q => q.Location).HasMaxLength(60);
        builder.Property(q => q.ResourceType).HasMaxLength(40);
        builder.Property(q => q.LogicalId).HasMaxLength(200);
        builder.Property(q => q.Reason).HasMaxLength(1000);
        builder.HasOne<RecordImport>().WithMany().HasForeignKey(q => new { q.PcnId, q.ImportId }).OnDelete(DeleteBehavior.Cascade);
    }
}

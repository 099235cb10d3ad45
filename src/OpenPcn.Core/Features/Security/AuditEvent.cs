using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;

namespace OpenPcn.Core.Features.Security;

/// <summary>
/// Who did what, when, in which network. Written for every change to a network, every import, sign-in events and
/// (from the patient-records issue on) every patient-level view and export. Never holds patient values.
/// </summary>
public sealed class AuditEvent : ITenantOwned
{
    public AuditEvent(int pcnId, DateTimeOffset occurredAt, string? userId, string action, string subject, string? detail = null)
    {
        PcnId = pcnId;
        AuditEventId = Guid.CreateVersion7(occurredAt);
        OccurredAt = occurredAt;
        UserId = userId;
        Action = action;
        Subject = subject;
        Detail = detail;
    }

    public int PcnId { get; private set; }

    public Guid AuditEventId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string? UserId { get; private set; }

    /// <summary>What happened, as a dotted name: <c>network.practice.added</c>, <c>users.roles.changed</c>.</summary>
    public string Action { get; private set; }

    /// <summary>What it happened to: a practice code, a user's email, a file name.</summary>
    public string Subject { get; private set; }

    public string? Detail { get; private set; }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(a => new { a.PcnId, a.AuditEventId });
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.Subject).HasMaxLength(300);
        builder.Property(a => a.Detail).HasMaxLength(2000);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasOne<Pcn>().WithMany().HasForeignKey(a => a.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.PcnId, a.OccurredAt });
    }
}

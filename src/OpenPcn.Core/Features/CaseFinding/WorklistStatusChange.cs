using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>One change of a worklist row's status: who, when, from what, to what, and an optional note.</summary>
public sealed class WorklistStatusChange : IPracticeOwned
{
    internal WorklistStatusChange(int pcnId, Guid worklistId, long patientId, PracticeCode practiceCode, DateTimeOffset at, string by,
        WorklistStatus from, WorklistStatus to, string? note)
    {
        PcnId = pcnId;
        ChangeId = Guid.CreateVersion7(at);
        WorklistId = worklistId;
        PatientId = patientId;
        PracticeCode = practiceCode;
        At = at;
        By = by;
        From = from;
        To = to;
        Note = note is { Length: > 500 } ? note[..500] : note;
    }

    private WorklistStatusChange()
    {
        By = string.Empty;
    }

    public int PcnId { get; private set; }

    public Guid ChangeId { get; private set; }

    public Guid WorklistId { get; private set; }

    public long PatientId { get; private set; }

    public PracticeCode PracticeCode { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>A user name, or <c>cli</c>.</summary>
    public string By { get; private set; }

    public WorklistStatus From { get; private set; }

    public WorklistStatus To { get; private set; }

    public string? Note { get; private set; }
}

internal sealed class WorklistStatusChangeConfiguration : IEntityTypeConfiguration<WorklistStatusChange>
{
    public void Configure(EntityTypeBuilder<WorklistStatusChange> builder)
    {
        builder.HasKey(c => new { c.PcnId, c.ChangeId });
        builder.Property(c => c.PracticeCode).HasMaxLength(6);
        builder.Property(c => c.By).HasMaxLength(256);
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.HasOne<WorklistEntry>().WithMany().HasForeignKey(c => new { c.PcnId, c.WorklistId, c.PatientId })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PcnId, c.WorklistId, c.PatientId, c.At });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>Where a patient on a worklist has got to.</summary>
public enum WorklistStatus
{
    /// <summary>Found; nobody has acted yet.</summary>
    ToDo = 0,

    /// <summary>The patient has been contacted (letter, text or call).</summary>
    Contacted = 1,

    /// <summary>An appointment or review is booked.</summary>
    Booked = 2,

    /// <summary>Done: the review, test or plan is recorded.</summary>
    Done = 3,

    /// <summary>The patient declined.</summary>
    Declined = 4,

    /// <summary>A clinician judged it not appropriate for this patient.</summary>
    NotAppropriate = 5,
}

/// <summary>
/// One patient on a <see cref="Worklist"/>: why they are on it (the reason and the facts as of the latest run that
/// found them), their status and who changed it, who it is assigned to, and whether they still qualify. Owned by the
/// patient's practice, so a practice manager sees only their own practice's rows.
/// </summary>
public sealed class WorklistEntry : IPracticeOwned
{
    internal WorklistEntry(int pcnId, Guid worklistId, long patientId, PracticeCode practiceCode, DateOnly found)
    {
        PcnId = pcnId;
        WorklistId = worklistId;
        PatientId = patientId;
        PracticeCode = practiceCode;
        FirstFound = found;
        LastFound = found;
        StillQualifies = true;
        Reason = string.Empty;
        FactValues = string.Empty;
    }

    private WorklistEntry()
    {
        Reason = string.Empty;
        FactValues = string.Empty;
    }

    public int PcnId { get; private set; }

    public Guid WorklistId { get; private set; }

    public long PatientId { get; private set; }

    /// <summary>The patient's practice when last found.</summary>
    public PracticeCode PracticeCode { get; private set; }

    /// <summary>Why the patient is on the list, e.g. "latest BP 152/94 on 2026-03-02; no HYP_COD".</summary>
    public string Reason { get; private set; }

    /// <summary>The fact values as shown (in the worklist's fact order), separated by <c>|</c>.</summary>
    public string FactValues { get; private set; }

    public WorklistStatus Status { get; private set; }

    public DateTimeOffset? StatusChangedAt { get; private set; }

    public string? StatusChangedBy { get; private set; }

    /// <summary>A user name of the network, or a practice code; null when unassigned.</summary>
    public string? AssignedTo { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    public string? AssignedBy { get; private set; }

    /// <summary>The index date of the first run that found the patient.</summary>
    public DateOnly FirstFound { get; private set; }

    /// <summary>The index date of the latest run that found the patient.</summary>
    public DateOnly LastFound { get; private set; }

    /// <summary>Whether the latest run found the patient.</summary>
    public bool StillQualifies { get; private set; }

    /// <summary>The index date of the run that first no longer found the patient; null while they qualify.</summary>
    public DateOnly? StoppedQualifyingOn { get; private set; }

    internal const string QualifiesAgainNote = "Qualifies again";

    internal IReadOnlyList<string> Facts => FactValues.Length == 0 ? [] : FactValues.Split('|');

    /// <summary>The run found the patient. Returns the status change when a closed row that had stopped qualifying reopens.</summary>
    internal WorklistStatusChange? Found(PracticeCode practice, DateOnly indexDate, string reason, IReadOnlyList<string> facts, string by,
        DateTimeOffset at)
    {
        var reopened = !StillQualifies && Status is WorklistStatus.Done or WorklistStatus.Declined or WorklistStatus.NotAppropriate;
        PracticeCode = practice;
        LastFound = indexDate;
        StillQualifies = true;
        StoppedQualifyingOn = null;
        Reason = reason.Length > 1000 ? reason[..1000] : reason;
        FactValues = string.Join('|', facts.Select(f => f.Replace('|', '/')));
        return reopened ? ChangeStatus(WorklistStatus.ToDo, by, at, QualifiesAgainNote) : null;
    }

    internal void NotFound(DateOnly indexDate)
    {
        if (StillQualifies)
        {
            StillQualifies = false;
            StoppedQualifyingOn = indexDate;
        }
    }

    internal WorklistStatusChange ChangeStatus(WorklistStatus status, string by, DateTimeOffset at, string? note)
    {
        var change = new WorklistStatusChange(PcnId, WorklistId, PatientId, PracticeCode, at, by, Status, status, note);
        Status = status;
        StatusChangedAt = at;
        StatusChangedBy = by;
        return change;
    }

    internal void Assign(string? assignee, string by, DateTimeOffset at)
    {
        AssignedTo = assignee;
        AssignedAt = assignee is null ? null : at;
        AssignedBy = assignee is null ? null : by;
    }
}

internal sealed class WorklistEntryConfiguration : IEntityTypeConfiguration<WorklistEntry>
{
    public void Configure(EntityTypeBuilder<WorklistEntry> builder)
    {
        builder.HasKey(e => new { e.PcnId, e.WorklistId, e.PatientId });
        builder.Property(e => e.PatientId).ValueGeneratedNever();
        builder.Property(e => e.PracticeCode).HasMaxLength(6);
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.Property(e => e.FactValues).HasMaxLength(4000);
        builder.Property(e => e.StatusChangedBy).HasMaxLength(256);
        builder.Property(e => e.AssignedTo).HasMaxLength(256);
        builder.Property(e => e.AssignedBy).HasMaxLength(256);
        builder.HasOne<Worklist>().WithMany().HasForeignKey(e => new { e.PcnId, e.WorklistId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.PcnId, e.WorklistId, e.PracticeCode, e.Status });
    }
}

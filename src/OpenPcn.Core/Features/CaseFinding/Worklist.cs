using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>
/// A cohort definition run for the whole network or for one practice, kept so that it can be worked: one
/// <see cref="WorklistEntry"/> per patient ever found, each with a status. Re-running updates the same worklist.
/// </summary>
public sealed class Worklist : ITenantOwned
{
    internal Worklist(int pcnId, Guid worklistId, string definitionName, string title, string category, PracticeCode? practiceCode)
    {
        PcnId = pcnId;
        WorklistId = worklistId;
        DefinitionName = definitionName;
        Title = title;
        Category = category;
        PracticeCode = practiceCode;
        FactNames = string.Empty;
        LastRunBy = string.Empty;
    }

    private Worklist()
    {
        DefinitionName = string.Empty;
        Title = string.Empty;
        Category = string.Empty;
        FactNames = string.Empty;
        LastRunBy = string.Empty;
    }

    public int PcnId { get; private set; }

    public Guid WorklistId { get; private set; }

    /// <summary>The cohort definition's name (a built-in or a local definition of the network).</summary>
    public string DefinitionName { get; private set; }

    /// <summary>The definition's title when last run (kept if the definition is later renamed or deleted).</summary>
    public string Title { get; private set; }

    /// <summary>register, case-finding or local.</summary>
    public string Category { get; private set; }

    /// <summary>The practice the worklist was run for, or null for the whole network.</summary>
    public PracticeCode? PracticeCode { get; private set; }

    /// <summary>The fact (column) names of the latest run, separated by <c>|</c>.</summary>
    public string FactNames { get; private set; }

    /// <summary>The index date of the latest run.</summary>
    public DateOnly LastIndexDate { get; private set; }

    public DateTimeOffset LastRunAt { get; private set; }

    /// <summary>Who ran it last (a user name, or <c>cli</c>).</summary>
    public string LastRunBy { get; private set; }

    /// <summary>How long the latest run's query took, in milliseconds.</summary>
    public long LastRunMilliseconds { get; private set; }

    /// <summary>Patients who qualified on the latest run.</summary>
    public int QualifyingCount { get; private set; }

    /// <summary>Patients added by the latest run (not on the list before).</summary>
    public int AddedCount { get; private set; }

    /// <summary>Patients who stopped qualifying at the latest run.</summary>
    public int NoLongerQualifyingCount { get; private set; }

    internal IReadOnlyList<string> Facts => FactNames.Length == 0 ? [] : FactNames.Split('|');

    internal void Ran(string title, IReadOnlyList<string> factNames, DateOnly indexDate, DateTimeOffset at, string by, long milliseconds,
        int qualifying, int added, int stopped)
    {
        Title = title;
        FactNames = string.Join('|', factNames);
        LastIndexDate = indexDate;
        LastRunAt = at;
        LastRunBy = by;
        LastRunMilliseconds = milliseconds;
        QualifyingCount = qualifying;
        AddedCount = added;
        NoLongerQualifyingCount = stopped;
    }
}

internal sealed class WorklistConfiguration : IEntityTypeConfiguration<Worklist>
{
    public void Configure(EntityTypeBuilder<Worklist> builder)
    {
        builder.HasKey(w => new { w.PcnId, w.WorklistId });
        builder.Property(w => w.DefinitionName).HasMaxLength(80);
        builder.Property(w => w.Title).HasMaxLength(200);
        builder.Property(w => w.Category).HasMaxLength(20);
        builder.Property(w => w.PracticeCode).HasMaxLength(6);
        builder.Property(w => w.FactNames).HasMaxLength(2000);
        builder.Property(w => w.LastRunBy).HasMaxLength(256);
        builder.HasIndex(w => new { w.PcnId, w.DefinitionName, w.PracticeCode });
        builder.HasOne<Pcn>().WithMany().HasForeignKey(w => w.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}

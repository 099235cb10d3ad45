using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Network;

/// <summary>
/// A period during which a practice is a Core Network Practice of this PCN. A practice belongs to one PCN at any
/// date: overlaps within the network are refused by <see cref="Practice.AddMembership"/> and across networks by
/// the network service.
/// </summary>
public sealed class PracticeMembership : IPracticeOwned
{
    internal PracticeMembership(int pcnId, PracticeCode practiceCode, EffectivePeriod period, string? startBasis)
    {
        PcnId = pcnId;
        PracticeCode = practiceCode;
        StartDate = period.Start;
        EndDate = period.End;
        StartBasis = startBasis;
    }

    private PracticeMembership()
    {
    }

    public int PcnId { get; private set; }

    public PracticeCode PracticeCode { get; private set; }

    /// <summary>First day as a member.</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>Last day as a member; empty while current.</summary>
    public DateOnly? EndDate { get; private set; }

    /// <summary>
    /// Where the start date came from when it is not a known fact, e.g. "earliest practice map extract showing it"
    /// for a network set up from the national files without ePCN dates (the practice may have joined earlier).
    /// </summary>
    public string? StartBasis { get; private set; }

    public EffectivePeriod Period => new(StartDate, EndDate);

    internal void End(DateOnly endDate) => EndDate = new EffectivePeriod(StartDate, endDate).End;
}

internal sealed class PracticeMembershipConfiguration : IEntityTypeConfiguration<PracticeMembership>
{
    public void Configure(EntityTypeBuilder<PracticeMembership> builder)
    {
        builder.HasKey(m => new { m.PcnId, m.PracticeCode, m.StartDate });
        builder.Property(m => m.PracticeCode).HasMaxLength(6);
        builder.Property(m => m.StartBasis).HasMaxLength(300);
        builder.Ignore(m => m.Period);
        builder.HasIndex(m => m.PracticeCode);
    }
}

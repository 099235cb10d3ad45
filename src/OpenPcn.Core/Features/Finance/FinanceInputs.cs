using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Finance;

/// <summary>The CQC-registered beds of the care homes aligned to the network in a month (for the Care Home Premium).</summary>
public sealed class CareHomeBeds : ITenantOwned
{
    internal CareHomeBeds(int pcnId, DateOnly month, int beds, string enteredBy, DateTimeOffset enteredAt)
    {
        PcnId = pcnId;
        Month = FundingStreams.SaneMonth(month);
        EnteredBy = enteredBy;
        Set(beds, enteredBy, enteredAt);
    }

    private CareHomeBeds()
    {
        EnteredBy = string.Empty;
    }

    public int PcnId { get; private set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private set; }

    public int Beds { get; private set; }

    public string EnteredBy { get; private set; }

    public DateTimeOffset EnteredAt { get; private set; }

    internal void Set(int beds, string enteredBy, DateTimeOffset enteredAt)
    {
        if (beds is < 0 or > 100_000)
        {
            throw new RuleViolationException(nameof(Beds), "Beds must be 0 or more (and fewer than 100,000).");
        }

        Beds = beds;
        EnteredBy = enteredBy;
        EnteredAt = enteredAt;
    }
}

/// <summary>The IIF points the network achieved in a financial year (declared at year end, paid in March).</summary>
public sealed class IifAchievement : ITenantOwned
{
    internal IifAchievement(int pcnId, int startYear, decimal points, string enteredBy, DateTimeOffset enteredAt)
    {
        PcnId = pcnId;
        StartYear = new FinancialYear(startYear).StartYear;
        EnteredBy = enteredBy;
        Set(points, enteredBy, enteredAt);
    }

    private IifAchievement()
    {
        EnteredBy = string.Empty;
    }

    public int PcnId { get; private set; }

    /// <summary>The calendar year the financial year starts in (2026 for 2026/27).</summary>
    public int StartYear { get; private set; }

    public decimal Points { get; private set; }

    public string EnteredBy { get; private set; }

    public DateTimeOffset EnteredAt { get; private set; }

    internal void Set(decimal points, string enteredBy, DateTimeOffset enteredAt)
    {
        if (points is < 0 or > 10_000 || decimal.Round(points, 2) != points)
        {
            throw new RuleViolationException(nameof(Points), "Points must be 0 or more, to at most two decimal places.");
        }

        Points = points;
        EnteredBy = enteredBy;
        EnteredAt = enteredAt;
    }
}

internal sealed class CareHomeBedsConfiguration : IEntityTypeConfiguration<CareHomeBeds>
{
    public void Configure(EntityTypeBuilder<CareHomeBeds> builder)
    {
        builder.HasKey(b => new { b.PcnId, b.Month });
        builder.Property(b => b.EnteredBy).HasMaxLength(256);
        builder.HasOne<Pcn>().WithMany().HasForeignKey(b => b.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IifAchievementConfiguration : IEntityTypeConfiguration<IifAchievement>
{
    public void Configure(EntityTypeBuilder<IifAchievement> builder)
    {
        builder.HasKey(i => new { i.PcnId, i.StartYear });
        builder.Property(i => i.Points).HasPrecision(9, 2);
        builder.Property(i => i.EnteredBy).HasMaxLength(256);
        builder.HasOne<Pcn>().WithMany().HasForeignKey(i => i.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}

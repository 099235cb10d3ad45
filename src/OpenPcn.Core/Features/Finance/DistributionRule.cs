using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Finance;

/// <summary>How a stream's money is shared among the practices.</summary>
public enum RuleKind
{
    RawList,
    WeightedList,
    FixedPlusShare,
    Activity,
}

/// <summary>The list a share is in proportion to (for <see cref="RuleKind.FixedPlusShare"/>).</summary>
public enum ShareBasis
{
    Raw,
    Weighted,
}

/// <summary>
/// The network agreement's rule for one stream from a financial year on: keep a top-slice percentage for the network,
/// then share the rest by raw list, weighted list, a fixed amount per practice a month plus a share of what is left,
/// or activity (units recorded per practice per month).
/// </summary>
public sealed class DistributionRule : ITenantOwned
{
    internal DistributionRule(int pcnId, FundingStream stream, int fromYear, RuleKind kind, decimal topSlicePercent, Money fixedPerPracticePerMonth,
        ShareBasis basis, string setBy, DateTimeOffset setAt)
    {
        PcnId = pcnId;
        Stream = stream;
        FromYear = new FinancialYear(fromYear).StartYear;
        SetBy = setBy;
        Change(kind, topSlicePercent, fixedPerPracticePerMonth, basis, setBy, setAt);
    }

    private DistributionRule()
    {
        SetBy = string.Empty;
    }

    public int PcnId { get; private set; }

    public FundingStream Stream { get; private set; }

    /// <summary>The financial year (its start year) the rule applies from.</summary>
    public int FromYear { get; private set; }

    public RuleKind Kind { get; private set; }

    /// <summary>The percentage kept by the network before sharing (0–100, at most two decimals).</summary>
    public decimal TopSlicePercent { get; private set; }

    /// <summary>For <see cref="RuleKind.FixedPlusShare"/>: the fixed amount each practice gets a month.</summary>
    public Money FixedPerPracticePerMonth { get; private set; }

    /// <summary>For <see cref="RuleKind.FixedPlusShare"/>: the list the rest is shared by.</summary>
    public ShareBasis Basis { get; private set; }

    public string SetBy { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    internal void Change(RuleKind kind, decimal topSlicePercent, Money fixedPerPracticePerMonth, ShareBasis basis, string setBy, DateTimeOffset setAt)
    {
        var errors = new Dictionary<string, string[]>();
        if (topSlicePercent is < 0 or > 100 || decimal.Round(topSlicePercent, 2) != topSlicePercent)
        {
            errors[nameof(TopSlicePercent)] = ["The top-slice is a percentage from 0 to 100, to at most two decimal places."];
        }

        if (fixedPerPracticePerMonth < Money.Zero)
        {
            errors[nameof(FixedPerPracticePerMonth)] = ["The fixed amount cannot be negative."];
        }

        if (kind != RuleKind.FixedPlusShare && fixedPerPracticePerMonth != Money.Zero)
        {
            errors[nameof(FixedPerPracticePerMonth)] = ["Only a fixed-plus-share rule has a fixed amount."];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }

        Kind = kind;
        TopSlicePercent = topSlicePercent;
        FixedPerPracticePerMonth = fixedPerPracticePerMonth;
        Basis = kind == RuleKind.WeightedList ? ShareBasis.Weighted : kind == RuleKind.RawList ? ShareBasis.Raw : basis;
        SetBy = setBy;
        SetAt = setAt;
    }

    /// <summary>The rule in words, as pages and statements show it.</summary>
    public string Describe() => Describe(Kind, TopSlicePercent, FixedPerPracticePerMonth, Basis);

    public static string Describe(RuleKind kind, decimal topSlicePercent, Money fixedPerPracticePerMonth, ShareBasis basis)
    {
        var slice = topSlicePercent > 0 ? string.Create(CultureInfo.InvariantCulture, $"{topSlicePercent:0.##}% kept by the network, then ") : string.Empty;
        var list = basis == ShareBasis.Weighted ? "weighted list" : "raw list";
        return slice + kind switch
        {
            RuleKind.RawList => "shared by raw list",
            RuleKind.WeightedList => "shared by weighted list",
            RuleKind.FixedPlusShare => $"{fixedPerPracticePerMonth} a practice a month, the rest shared by {list}",
            _ => "shared by activity (units delivered in the month)",
        };
    }
}

/// <summary>Units a practice delivered for a stream in a month (such as Enhanced Access appointments), for activity rules.</summary>
public sealed class PracticeActivity : ITenantOwned
{
    internal PracticeActivity(int pcnId, PracticeCode practiceCode, FundingStream stream, DateOnly month, decimal units, string enteredBy, DateTimeOffset enteredAt)
    {
        PcnId = pcnId;
        PracticeCode = practiceCode;
        Stream = stream;
        Month = FundingStreams.SaneMonth(month);
        EnteredBy = enteredBy;
        Set(units, enteredBy, enteredAt);
    }

    private PracticeActivity()
    {
        EnteredBy = string.Empty;
    }

    public int PcnId { get; private set; }

    public PracticeCode PracticeCode { get; private set; }

    public FundingStream Stream { get; private set; }

    public DateOnly Month { get; private set; }

    public decimal Units { get; private set; }

    public string EnteredBy { get; private set; }

    public DateTimeOffset EnteredAt { get; private set; }

    internal void Set(decimal units, string enteredBy, DateTimeOffset enteredAt)
    {
        if (units is < 0 or > 10_000_000 || decimal.Round(units, 2) != units)
        {
            throw new RuleViolationException(nameof(Units), "Units must be 0 or more, to at most two decimal places.");
        }

        Units = units;
        EnteredBy = enteredBy;
        EnteredAt = enteredAt;
    }
}

internal sealed class DistributionRuleConfiguration : IEntityTypeConfiguration<DistributionRule>
{
    public void Configure(EntityTypeBuilder<DistributionRule> builder)
    {
        builder.HasKey(r => new { r.PcnId, r.Stream, r.FromYear });
        builder.Property(r => r.Stream).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Basis).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.TopSlicePercent).HasPrecision(5, 2);
        builder.Property(r => r.SetBy).HasMaxLength(256);
        builder.HasOne<Pcn>().WithMany().HasForeignKey(r => r.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PracticeActivityConfiguration : IEntityTypeConfiguration<PracticeActivity>
{
    public void Configure(EntityTypeBuilder<PracticeActivity> builder)
    {
        builder.HasKey(a => new { a.PcnId, a.PracticeCode, a.Stream, a.Month });
        builder.Property(a => a.PracticeCode).HasMaxLength(10);
        builder.Property(a => a.Stream).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Units).HasPrecision(12, 2);
        builder.Property(a => a.EnteredBy).HasMaxLength(256);
        builder.HasOne<Pcn>().WithMany().HasForeignKey(a => a.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}

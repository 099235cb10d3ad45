using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Finance.Rates;

/// <summary>
/// A network's own figure for a rate from a date, entered by its finance lead (audited): an ARRS role's maximum per
/// WTE per year in a region (<see cref="Role"/> and <see cref="Region"/> set), or a payment rate in £
/// (<see cref="Rate"/> set). It wins over the shipped figure from its date.
/// </summary>
public sealed class RateOverride : ITenantOwned
{
    internal RateOverride(int pcnId, Guid rateOverrideId, string? role, ArrsRegion? region, string? rate, DateOnly effectiveFrom, decimal pounds,
        string reason, string enteredBy, DateTimeOffset enteredAt)
    {
        if ((role is null) == (rate is null) || (role is not null && region is null))
        {
            throw new RuleViolationException(nameof(Rate), "Name either an ARRS role and region, or a payment rate.");
        }

        if (pounds < 0)
        {
            throw new RuleViolationException(nameof(Pounds), "A rate cannot be negative.");
        }

        if (role is not null && decimal.Round(pounds, 2) != pounds)
        {
            throw new RuleViolationException(nameof(Pounds), "An ARRS maximum is whole pence.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new RuleViolationException(nameof(Reason), "Say where the figure comes from (the DES, an ICB letter…).");
        }

        PcnId = pcnId;
        RateOverrideId = rateOverrideId;
        Role = role;
        Region = region;
        Rate = rate;
        EffectiveFrom = effectiveFrom;
        Pounds = pounds;
        Reason = reason.Trim();
        EnteredBy = enteredBy;
        EnteredAt = enteredAt;
    }

    private RateOverride()
    {
        Reason = string.Empty;
        EnteredBy = string.Empty;
    }

    public int PcnId { get; private set; }

    public Guid RateOverrideId { get; private set; }

    public string? Role { get; private set; }

    public ArrsRegion? Region { get; private set; }

    public string? Rate { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>£ a year per WTE (an ARRS maximum) or £ per unit (a payment rate).</summary>
    public decimal Pounds { get; private set; }

    public string Reason { get; private set; }

    public string EnteredBy { get; private set; }

    public DateTimeOffset EnteredAt { get; private set; }
}

internal sealed class RateOverrideConfiguration : IEntityTypeConfiguration<RateOverride>
{
    public void Configure(EntityTypeBuilder<RateOverride> builder)
    {
        builder.HasKey(r => new { r.PcnId, r.RateOverrideId });
        builder.Property(r => r.Role).HasMaxLength(60);
        builder.Property(r => r.Rate).HasMaxLength(60);
        builder.Property(r => r.Region).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Pounds).HasPrecision(12, 3);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.EnteredBy).HasMaxLength(256);
        builder.HasOne<Pcn>().WithMany().HasForeignKey(r => r.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Network;

/// <summary>
/// A Primary Care Network: the tenant. Everything a network owns carries its <see cref="PcnId"/>.
/// </summary>
public sealed class Pcn : ITenantOwned
{
    public Pcn(PcnCode code, string name, Geography geography, bool isDemo = false)
    {
        Code = code;
        Name = RequireName(name);
        Geography = geography;
        IsDemo = isDemo;
    }

    private Pcn()
    {
        Name = string.Empty;
        Geography = null!;
    }

    public int PcnId { get; private set; }

    public PcnCode Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The ICB and sub-ICB location the network belongs to.</summary>
    public Geography Geography { get; private set; }

    /// <summary>A fictional network for trying OpenPCN; never mixed with real data.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>The organisation that receives the network's money (usually a member practice).</summary>
    public NominatedPayee? NominatedPayee { get; private set; }

    /// <summary>The commissioner's approval for a population outside 30,000–50,000, if there is one.</summary>
    public PopulationVariation PopulationVariation { get; private set; }

    public string? PopulationVariationNote { get; private set; }

    public void Rename(string name) => Name = RequireName(name);

    public void MoveTo(Geography geography) => Geography = geography;

    public void SetNominatedPayee(NominatedPayee? payee) => NominatedPayee = payee;

    public void RecordPopulationVariation(PopulationVariation variation, string? note)
    {
        if (variation != PopulationVariation.None && string.IsNullOrWhiteSpace(note))
        {
            throw new RuleViolationException(nameof(PopulationVariationNote),
                "Say who approved the variation and when (for example the ICB's letter of 3 March 2025).");
        }

        PopulationVariation = variation;
        PopulationVariationNote = variation == PopulationVariation.None ? null : note!.Trim();
    }

    private static string RequireName(string name) =>
        string.IsNullOrWhiteSpace(name)
            ? throw new RuleViolationException(nameof(Name), "Enter the network's name.")
            : name.Trim();
}

/// <summary>Where a network or practice sits: ICB and sub-ICB location (ODS codes and names).</summary>
public sealed record Geography(string IcbCode, string IcbName, string SubIcbCode, string SubIcbName)
{
    public static readonly Geography Unknown = new(string.Empty, "Unknown ICB", string.Empty, "Unknown sub-ICB location");
}

/// <summary>The organisation paid on the network's behalf.</summary>
public sealed record NominatedPayee(string OrganisationCode, string Name);

/// <summary>Why a network's population may sit outside 30,000–50,000 (pcn-facts §1).</summary>
public enum PopulationVariation
{
    None = 0,

    /// <summary>Fewer than 30,000 with commissioner approval, for example a rural or remote network.</summary>
    ApprovedSmaller = 1,

    /// <summary>More than 50,000 with commissioner approval.</summary>
    ApprovedLarger = 2,
}

internal sealed class PcnConfiguration : IEntityTypeConfiguration<Pcn>
{
    public void Configure(EntityTypeBuilder<Pcn> builder)
    {
        builder.HasKey(p => p.PcnId);
        builder.Property(p => p.PcnId).ValueGeneratedOnAdd();
        builder.Property(p => p.Code).HasMaxLength(6);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.PopulationVariation).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.PopulationVariationNote).HasMaxLength(500);
        builder.ComplexProperty(p => p.Geography, g =>
        {
            g.Property(x => x.IcbCode).HasColumnName("IcbCode").HasMaxLength(10);
            g.Property(x => x.IcbName).HasColumnName("IcbName").HasMaxLength(200);
            g.Property(x => x.SubIcbCode).HasColumnName("SubIcbCode").HasMaxLength(10);
            g.Property(x => x.SubIcbName).HasColumnName("SubIcbName").HasMaxLength(200);
        });
        builder.OwnsOne(p => p.NominatedPayee, o =>
        {
            o.Property(x => x.OrganisationCode).HasColumnName("PayeeCode").HasMaxLength(10);
            o.Property(x => x.Name).HasColumnName("PayeeName").HasMaxLength(200);
        });
    }
}

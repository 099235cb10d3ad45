using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Network;

/// <summary>
/// An organisation other than a Core Network Practice that works with the network under the Network Agreement:
/// a community or mental health trust, social care, a pharmacy, a hospital, a voluntary organisation.
/// </summary>
public sealed class NetworkPartner : ITenantOwned
{
    public NetworkPartner(int pcnId, string name, PartnerKind kind, OdsCode? odsCode, EffectivePeriod period, string? contact)
    {
        PcnId = pcnId;
        PartnerId = Guid.CreateVersion7();
        Name = string.Empty;
        Update(name, kind, odsCode, period, contact);
    }

    private NetworkPartner()
    {
        Name = string.Empty;
    }

    public int PcnId { get; private set; }

    public Guid PartnerId { get; private set; }

    public string Name { get; private set; }

    public PartnerKind Kind { get; private set; }

    public OdsCode? OdsCode { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    /// <summary>Who to contact there (a role or a shared mailbox, not a patient).</summary>
    public string? Contact { get; private set; }

    public EffectivePeriod Period => new(StartDate, EndDate);

    public void Update(string name, PartnerKind kind, OdsCode? odsCode, EffectivePeriod period, string? contact)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new RuleViolationException(nameof(Name), "Enter the partner's name.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new RuleViolationException(nameof(Kind), "Choose the kind of partner.");
        }

        Name = name.Trim();
        Kind = kind;
        OdsCode = odsCode;
        StartDate = period.Start;
        EndDate = period.End;
        Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
    }
}

/// <summary>The kinds of non-practice partner the Network Agreement names.</summary>
public enum PartnerKind
{
    CommunityServices = 1,
    MentalHealth = 2,
    SocialCare = 3,
    CommunityPharmacy = 4,
    Hospital = 5,
    Voluntary = 6,
    Other = 9,
}

public static class PartnerKindNames
{
    public static string Describe(this PartnerKind kind) => kind switch
    {
        PartnerKind.CommunityServices => "Community services",
        PartnerKind.MentalHealth => "Mental health",
        PartnerKind.SocialCare => "Social care",
        PartnerKind.CommunityPharmacy => "Community pharmacy",
        PartnerKind.Hospital => "Hospital",
        PartnerKind.Voluntary => "Voluntary, community and social enterprise",
        _ => "Other",
    };
}

internal sealed class NetworkPartnerConfiguration : IEntityTypeConfiguration<NetworkPartner>
{
    public void Configure(EntityTypeBuilder<NetworkPartner> builder)
    {
        builder.HasKey(p => new { p.PcnId, p.PartnerId });
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.OdsCode).HasMaxLength(10);
        builder.Property(p => p.Contact).HasMaxLength(200);
        builder.Ignore(p => p.Period);
        builder.HasOne<Pcn>().WithMany().HasForeignKey(p => p.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}

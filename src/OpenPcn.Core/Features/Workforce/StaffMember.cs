using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Workforce;

/// <summary>
/// A person who works for the network or one of its practices: one record however many contracts they hold over
/// time. Their contracts (<see cref="StaffContract"/>) never overlap: a change of hours or role ends one and starts
/// another, so every month's claim reads one contract per person.
/// </summary>
public sealed class StaffMember : ITenantOwned
{
    private readonly List<StaffContract> _contracts = [];

    internal StaffMember(int pcnId, Guid staffMemberId, string name, string? registration)
    {
        PcnId = pcnId;
        StaffMemberId = staffMemberId;
        Name = string.Empty;
        Rename(name, registration);
    }

    private StaffMember()
    {
        Name = string.Empty;
    }

    public int PcnId { get; private set; }

    public Guid StaffMemberId { get; private set; }

    /// <summary>The person's name as the network knows them (staff data, not patient data).</summary>
    public string Name { get; private set; }

    /// <summary>Professional registration, such as "GPhC 2212345" or "HCPC PA12345", when the role has one.</summary>
    public string? ProfessionalRegistration { get; private set; }

    public IReadOnlyList<StaffContract> Contracts => _contracts;

    internal void Rename(string name, string? registration)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            throw new RuleViolationException(nameof(Name), "Enter the person's name (up to 200 characters).");
        }

        Name = name.Trim();
        ProfessionalRegistration = string.IsNullOrWhiteSpace(registration) ? null : registration.Trim();
    }

    /// <summary>Adds a contract; refused when it overlaps one the person already holds.</summary>
    internal StaffContract AddContract(Guid contractId, ContractTerms terms, ContractDetails details)
    {
        RefuseOverlap(terms.Period, except: null);
        var contract = new StaffContract(PcnId, contractId, StaffMemberId, terms, details);
        _contracts.Add(contract);
        return contract;
    }

    /// <summary>Refuses <paramref name="period"/> when another of the person's contracts covers any of its days.</summary>
    internal void RefuseOverlap(EffectivePeriod period, Guid? except)
    {
        var clash = _contracts.FirstOrDefault(c => c.ContractId != except && c.Period.Overlaps(period));
        if (clash is not null)
        {
            throw new RuleViolationException(nameof(StaffContract.Start),
                $"{Name} already has a contract {clash.Period}; end it before this one starts (a change of hours or role is a new contract).");
        }
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.HasKey(s => new { s.PcnId, s.StaffMemberId });
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.ProfessionalRegistration).HasMaxLength(60);
        builder.HasOne<Network.Pcn>().WithMany().HasForeignKey(s => s.PcnId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Contracts).WithOne().HasForeignKey(c => new { c.PcnId, c.StaffMemberId }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Contracts).HasField("_contracts");
    }
}

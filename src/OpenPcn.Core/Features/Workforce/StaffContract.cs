using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.Workforce;

/// <summary>Who employs a member of staff: one of the member practices, or a lead provider (a federation, a trust).</summary>
public enum EmployerKind
{
    MemberPractice,
    LeadProvider,
}

/// <summary>The parts of a contract that do not change what is claimed.</summary>
public sealed record ContractDetails(string Band, EmployerKind EmployerKind, PracticeCode? EmployerPractice, string EmployerName,
    bool IsArrs, bool AdditionalityConfirmed, Guid? SupervisorStaffMemberId);

/// <summary>
/// One contract of a member of staff: role, employer, hours and pay, dates, whether it is claimed under ARRS (and
/// whether additionality to the 31 March 2019 baseline is confirmed), a supervisor, and where the person works
/// (<see cref="Deployments"/>: sessions a week per practice).
/// </summary>
public sealed class StaffContract : ITenantOwned
{
    private readonly List<Deployment> _deployments = [];

    internal StaffContract(int pcnId, Guid contractId, Guid staffMemberId, ContractTerms terms, ContractDetails details)
    {
        PcnId = pcnId;
        ContractId = contractId;
        StaffMemberId = staffMemberId;
        Role = string.Empty;
        Band = string.Empty;
        EmployerName = string.Empty;
        Change(terms, details);
    }

    private StaffContract()
    {
        Role = string.Empty;
        Band = string.Empty;
        EmployerName = string.Empty;
    }

    public int PcnId { get; private set; }

    public Guid ContractId { get; private set; }

    public Guid StaffMemberId { get; private set; }

    /// <summary>The ARRS role code (also set for staff not claimed under ARRS, for reporting).</summary>
    public string Role { get; private set; }

    /// <summary>Agenda for Change band (or "salaried GP range"), as agreed.</summary>
    public string Band { get; private set; }

    public ArrsRegion Region { get; private set; }

    public decimal Wte { get; private set; }

    public Money AnnualSalary { get; private set; }

    public Money AnnualEmployerNi { get; private set; }

    public Money AnnualEmployerPension { get; private set; }

    public DateOnly Start { get; private set; }

    public DateOnly? End { get; private set; }

    public EmployerKind EmployerKind { get; private set; }

    /// <summary>The employing practice, when a member practice employs.</summary>
    public PracticeCode? EmployerPractice { get; private set; }

    /// <summary>The employer's name (the practice's, or the lead provider's).</summary>
    public string EmployerName { get; private set; }

    public bool IsArrs { get; private set; }

    public bool AdditionalityConfirmed { get; private set; }

    public Guid? SupervisorStaffMemberId { get; private set; }

    public IReadOnlyList<Deployment> Deployments => _deployments;

    public EffectivePeriod Period => new(Start, End);

    public ContractTerms Terms => new(Role, Region, Wte, AnnualSalary, AnnualEmployerNi, AnnualEmployerPension, Start, End);

    public ContractDetails Details => new(Band, EmployerKind, EmployerPractice, EmployerName, IsArrs, AdditionalityConfirmed, SupervisorStaffMemberId);

    /// <summary>Replaces the terms and details (terms are validated when built; the employer here).</summary>
    internal void Change(ContractTerms terms, ContractDetails details)
    {
        if (!Enum.IsDefined(details.EmployerKind))
        {
            throw new RuleViolationException(nameof(EmployerKind), "Choose the employer: a member practice or a lead provider.");
        }

        if (details.EmployerKind == EmployerKind.MemberPractice && details.EmployerPractice is null)
        {
            throw new RuleViolationException(nameof(EmployerPractice), "Choose the employing practice.");
        }

        if (string.IsNullOrWhiteSpace(details.EmployerName))
        {
            throw new RuleViolationException(nameof(EmployerName), "Enter the employer's name.");
        }

        Role = terms.Role;
        Region = terms.Region;
        Wte = terms.Wte;
        AnnualSalary = terms.AnnualSalary;
        AnnualEmployerNi = terms.AnnualEmployerNi;
        AnnualEmployerPension = terms.AnnualEmployerPension;
        Start = terms.Start;
        End = terms.End;
        Band = details.Band.Trim();
        EmployerKind = details.EmployerKind;
        EmployerPractice = details.EmployerKind == EmployerKind.MemberPractice ? details.EmployerPractice : null;
        EmployerName = details.EmployerName.Trim();
        IsArrs = details.IsArrs;
        AdditionalityConfirmed = details.AdditionalityConfirmed;
        SupervisorStaffMemberId = details.SupervisorStaffMemberId;
    }

    /// <summary>Sets where the person works: sessions a week per practice (replacing the previous split).</summary>
    internal void Deploy(IReadOnlyList<(PracticeCode Practice, decimal SessionsPerWeek)> split)
    {
        var errors = new List<string>();
        if (split.Any(s => s.SessionsPerWeek <= 0 || s.SessionsPerWeek > 10))
        {
            errors.Add("Sessions a week must be more than 0 and at most 10 for each practice.");
        }

        if (split.GroupBy(s => s.Practice).Any(g => g.Count() > 1))
        {
            errors.Add("Name each practice once.");
        }

        if (errors.Count > 0)
        {
            throw new RuleViolationException(nameof(Deployments), string.Join(" ", errors));
        }

        _deployments.Clear();
        _deployments.AddRange(split.Select(s => new Deployment(PcnId, ContractId, s.Practice, s.SessionsPerWeek)));
    }
}

internal sealed class StaffContractConfiguration : IEntityTypeConfiguration<StaffContract>
{
    public void Configure(EntityTypeBuilder<StaffContract> builder)
    {
        builder.HasKey(c => new { c.PcnId, c.ContractId });
        builder.Property(c => c.Role).HasMaxLength(60);
        builder.Property(c => c.Band).HasMaxLength(40);
        builder.Property(c => c.EmployerName).HasMaxLength(200);
        builder.Property(c => c.Wte).HasPrecision(5, 4);
        builder.Property(c => c.Region).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.EmployerKind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => new { c.PcnId, c.StaffMemberId, c.Start });
        builder.Ignore(c => c.Period);
        builder.Ignore(c => c.Terms);
        builder.Ignore(c => c.Details);
        builder.HasMany(c => c.Deployments).WithOne().HasForeignKey(d => new { d.PcnId, d.ContractId }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Deployments).HasField("_deployments");
    }
}

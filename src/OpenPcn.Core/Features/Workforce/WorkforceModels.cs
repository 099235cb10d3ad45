using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Network;

namespace OpenPcn.Core.Features.Workforce;

/// <summary>A new member of staff, or a change of name or registration.</summary>
public sealed record StaffInput(string Name, string? ProfessionalRegistration);

/// <summary>
/// A contract as entered: the claim terms (role, region, WTE, pay and on-costs a year, dates) and the details
/// (band, employer, ARRS or not, additionality, supervisor). The employer's name may be left empty for a member
/// practice (the practice's name is used).
/// </summary>
public sealed record ContractInput(
    string Role, ArrsRegion Region, decimal Wte, Money AnnualSalary, Money AnnualEmployerNi, Money AnnualEmployerPension,
    DateOnly Start, DateOnly? End, string Band, EmployerKind EmployerKind, PracticeCode? EmployerPractice, string? EmployerName,
    bool IsArrs, bool AdditionalityConfirmed, Guid? SupervisorStaffMemberId = null);

/// <summary>Sessions a week (a session is half a day) at one member practice.</summary>
public sealed record DeploymentInput(PracticeCode Practice, decimal SessionsPerWeek);

/// <summary>Where a contract is worked, with the practice's name.</summary>
public sealed record DeploymentView(PracticeCode Practice, string PracticeName, decimal SessionsPerWeek);

/// <summary>One contract as shown: terms, details, the role's name and where it is worked.</summary>
public sealed record ContractView(
    Guid ContractId, string Role, string RoleName, string Band, ArrsRegion Region, decimal Wte, Money AnnualSalary, Money AnnualEmployerNi,
    Money AnnualEmployerPension, Money AnnualCost, DateOnly Start, DateOnly? End, EmployerKind EmployerKind, PracticeCode? EmployerPractice,
    string EmployerName, bool IsArrs, bool AdditionalityConfirmed, Guid? SupervisorStaffMemberId, IReadOnlyList<DeploymentView> Deployments)
{
    /// <summary>"Z00001 4 sessions, Z00002 2 sessions", or "Not deployed".</summary>
    public string DeploymentSummary => Deployments.Count == 0
        ? "Not deployed"
        : string.Join(", ", Deployments.Select(d => FormattableString.Invariant($"{d.PracticeName} {d.SessionsPerWeek:0.##}")));
}

/// <summary>A row of the staff table: the person and their current (or latest) contract.</summary>
public sealed record StaffRow(Guid StaffMemberId, string Name, string? ProfessionalRegistration, ContractView? Contract, bool InPost);

/// <summary>One member of staff with every contract, latest first.</summary>
public sealed record StaffDetail(Guid StaffMemberId, string Name, string? ProfessionalRegistration, IReadOnlyList<ContractView> Contracts);

/// <summary>Total WTE in post today for one role, for the table and chart on the workforce page.</summary>
public sealed record RoleTotal(string Role, string RoleName, int People, decimal Wte, bool IsArrs);

/// <summary>A role a contract may have: the ARRS catalogue's, then the few roles outside ARRS (<see cref="WorkforceRoles.Other"/>).</summary>
public sealed record RoleOption(string Code, string Name, string Band, bool InRateBook);

/// <summary>A planned post as entered.</summary>
public sealed record PlannedPostInput(string Role, decimal Wte, string? Practices, DateOnly ExpectedStart, Money ExpectedAnnualCost, string? Notes);

/// <summary>A planned post as shown.</summary>
public sealed record PlannedPostView(
    Guid PlannedPostId, string Role, string RoleName, decimal Wte, string? Practices, DateOnly ExpectedStart, Money ExpectedAnnualCost,
    PlannedPostStage Stage, string? Notes, Guid? ContractId);

/// <summary>
/// Roles the network employs outside ARRS (its manager, administrators): allowed on a contract that is not claimed
/// under ARRS. Every ARRS contract's role must be in the rate book.
/// </summary>
public static class WorkforceRoles
{
    public static readonly IReadOnlyList<ArrsRole> Other =
    [
        new("pcn-manager", "PCN manager", "8a-8b"),
        new("pcn-administrator", "PCN administrator", "3-4"),
        new("clinical-director-support", "Clinical director support", "various"),
    ];

    /// <summary>The role's name from the rate book, or from <see cref="Other"/>, or the code itself.</summary>
    public static string NameOf(RateBook rates, string code) =>
        rates.Role(code)?.Name ?? Other.FirstOrDefault(r => r.Code == code)?.Name ?? code;
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;

namespace OpenPcn.Core.Features.Workforce;

public sealed partial class WorkforceService
{
    /// <summary>
    /// Adds a contract to a member of staff. Refused: a role not in the rate book (or, for a contract outside ARRS,
    /// not one of <see cref="WorkforceRoles.Other"/>); WTE not in (0, 1]; negative pay; an end before the start; a
    /// period that overlaps another of the person's contracts; an employing practice that is not a member.
    /// </summary>
    public async Task<ContractView> AddContractAsync(Guid staffMemberId, ContractInput input, CancellationToken ct = default)
    {
        var staff = await LoadStaffAsync(staffMemberId, ct);
        var (terms, details) = await ValidateAsync(staffMemberId, input, ct);
        var contract = staff.AddContract(Guid.NewGuid(), terms, details);
        db.Add(contract);
        audit.Record("workforce.contract.added", staffMemberId.ToString(), Describe(contract));
        await db.SaveChangesAsync(ct);
        return await ContractAsync(staffMemberId, contract.ContractId, ct);
    }

    /// <summary>Changes a contract's terms and details (the same checks as adding, overlap with the person's other contracts).</summary>
    public async Task<ContractView> ChangeContractAsync(Guid staffMemberId, Guid contractId, ContractInput input, CancellationToken ct = default)
    {
        var staff = await LoadStaffAsync(staffMemberId, ct);
        var contract = staff.Contracts.FirstOrDefault(c => c.ContractId == contractId) ?? throw NoContract();
        var (terms, details) = await ValidateAsync(staffMemberId, input, ct);
        staff.RefuseOverlap(terms.Period, except: contractId);
        var before = Describe(contract);
        contract.Change(terms, details);
        audit.Record("workforce.contract.changed", staffMemberId.ToString(), $"{before} -> {Describe(contract)}");
        await db.SaveChangesAsync(ct);
        return await ContractAsync(staffMemberId, contractId, ct);
    }

    /// <summary>Ends a contract on <paramref name="lastDay"/> (a leaver, or before a change of hours or role).</summary>
    public async Task<ContractView> EndContractAsync(Guid staffMemberId, Guid contractId, DateOnly lastDay, CancellationToken ct = default)
    {
        var staff = await LoadStaffAsync(staffMemberId, ct);
        var contract = staff.Contracts.FirstOrDefault(c => c.ContractId == contractId) ?? throw NoContract();
        var terms = contract.Terms;
        if (lastDay < terms.Start)
        {
            throw new RuleViolationException(nameof(StaffContract.End),
                string.Create(CultureInfo.InvariantCulture, $"The last day {lastDay:d MMM yyyy} is before the contract's start {terms.Start:d MMM yyyy}."));
        }

        contract.Change(terms with { End = lastDay }, contract.Details);
        audit.Record("workforce.contract.ended", staffMemberId.ToString(), string.Create(CultureInfo.InvariantCulture, $"contract {contractId} last day {lastDay:yyyy-MM-dd}"));
        await db.SaveChangesAsync(ct);
        return await ContractAsync(staffMemberId, contractId, ct);
    }

    /// <summary>Replaces where a contract is worked: sessions a week at member practices of the network.</summary>
    public async Task<ContractView> SetDeploymentsAsync(Guid staffMemberId, Guid contractId, IReadOnlyList<DeploymentInput> split, CancellationToken ct = default)
    {
        var staff = await LoadStaffAsync(staffMemberId, ct);
        var contract = staff.Contracts.FirstOrDefault(c => c.ContractId == contractId) ?? throw NoContract();
        var practices = await db.Practices.AsNoTracking().Include(p => p.Memberships).ToListAsync(ct);
        var notMembers = split.Where(s => !practices.Exists(p => p.PracticeCode == s.Practice && p.Memberships.Any(m => m.Period.Overlaps(contract.Period))))
            .Select(s => s.Practice.Value).ToList();
        if (notMembers.Count > 0)
        {
            throw new RuleViolationException(nameof(StaffContract.Deployments),
                $"{string.Join(", ", notMembers)} {(notMembers.Count == 1 ? "is not a member practice" : "are not member practices")} of the network while the contract runs.");
        }

        // The new split may reuse a practice (the same key): forget the old rows, delete them in the database, then add
        // the new ones, in one transaction.
        foreach (var entry in db.ChangeTracker.Entries<Deployment>().Where(e => e.Entity.ContractId == contractId).ToList())
        {
            entry.State = EntityState.Detached;
        }

        contract.Deploy([.. split.Select(s => (s.Practice, s.SessionsPerWeek))]);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<Deployment>().Where(d => d.ContractId == contractId).ExecuteDeleteAsync(ct);
        db.AddRange(contract.Deployments);
        audit.Record("workforce.deployments.set", staffMemberId.ToString(), $"contract {contractId}: " + (split.Count == 0
            ? "none"
            : string.Join(", ", split.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Practice} {s.SessionsPerWeek:0.##}")))));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await ContractAsync(staffMemberId, contractId, ct);
    }

    /// <summary>One contract of a member of staff.</summary>
    public async Task<ContractView> ContractAsync(Guid staffMemberId, Guid contractId, CancellationToken ct = default) =>
        (await GetStaffAsync(staffMemberId, ct)).Contracts.FirstOrDefault(c => c.ContractId == contractId) ?? throw NoContract();

    private async Task<StaffMember> LoadStaffAsync(Guid staffMemberId, CancellationToken ct) =>
        await db.Set<StaffMember>().Include(s => s.Contracts).ThenInclude(c => c.Deployments)
            .SingleOrDefaultAsync(s => s.StaffMemberId == staffMemberId, ct) ?? throw NoStaff();

    private async Task<(ContractTerms Terms, ContractDetails Details)> ValidateAsync(Guid staffMemberId, ContractInput input, CancellationToken ct)
    {
        var terms = new ContractTerms(input.Role ?? string.Empty, input.Region, input.Wte, input.AnnualSalary, input.AnnualEmployerNi,
            input.AnnualEmployerPension, input.Start, input.End);
        var rates = await networkRates.GetAsync(ct);
        if (rates.Role(terms.Role) is null)
        {
            if (input.IsArrs || WorkforceRoles.Other.All(r => r.Code != terms.Role))
            {
                throw new RuleViolationException(nameof(ContractInput.Role),
                    $"'{terms.Role}' is an unknown role: choose one of the rate book's roles{(input.IsArrs ? " (an ARRS contract must have one)" : " or a role outside ARRS")}.");
            }
        }

        var employerName = input.EmployerName?.Trim() ?? string.Empty;
        if (input.EmployerKind == EmployerKind.MemberPractice)
        {
            if (input.EmployerPractice is not { } code)
            {
                throw new RuleViolationException(nameof(ContractInput.EmployerPractice), "Choose the employing practice.");
            }

            var practice = await db.Practices.AsNoTracking().Include(p => p.Memberships).SingleOrDefaultAsync(p => p.PracticeCode == code, ct);
            if (practice is null || !practice.Memberships.Any(m => m.Period.Overlaps(terms.Period)))
            {
                throw new RuleViolationException(nameof(ContractInput.EmployerPractice), $"{code} is not a member practice of the network while the contract runs.");
            }

            employerName = employerName.Length == 0 ? practice.Name : employerName;
        }
        else if (employerName.Length == 0)
        {
            throw new RuleViolationException(nameof(ContractInput.EmployerName), "Enter the lead provider's name.");
        }

        if (input.SupervisorStaffMemberId is { } supervisor
            && (supervisor == staffMemberId || !await db.Set<StaffMember>().AnyAsync(s => s.StaffMemberId == supervisor, ct)))
        {
            throw new RuleViolationException(nameof(ContractInput.SupervisorStaffMemberId), "Choose another member of the network's staff as supervisor.");
        }

        if (string.IsNullOrWhiteSpace(input.Band) || input.Band.Trim().Length > 40)
        {
            throw new RuleViolationException(nameof(ContractInput.Band), "Enter the Agenda for Change band (up to 40 characters), for example 7.");
        }

        return (terms, new ContractDetails(input.Band, input.EmployerKind, input.EmployerPractice, employerName, input.IsArrs,
            input.AdditionalityConfirmed, input.SupervisorStaffMemberId));
    }

    // Audit detail may hold amounts (never log lines).
    private static string Describe(StaffContract c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Role} band {c.Band} {c.Wte:0.####} WTE {c.Period}, salary {c.AnnualSalary}, NI {c.AnnualEmployerNi}, pension {c.AnnualEmployerPension}, {(c.IsArrs ? "ARRS" : "not ARRS")}, employer {c.EmployerName}");

    private static NotFoundException NoContract() => new("There is no such contract for this member of staff.");
}

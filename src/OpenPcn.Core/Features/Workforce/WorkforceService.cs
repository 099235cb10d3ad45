using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Workforce;

/// <summary>
/// The network's staff record: people, their contracts (pay, hours, dates, ARRS), where they work (deployments) and
/// the recruitment pipeline (planned posts). Every change is validated and audited (<c>workforce.*</c>, subject = the
/// staff member's or planned post's id); pay is written to the audit detail only, never to log lines.
/// </summary>
public sealed partial class WorkforceService(PcnDbContext db, NetworkRates networkRates, TenantScope scope, AuditLog audit, TimeProvider clock)
{
    /// <summary>Every member of staff with their contract in force today (or their latest), by name.</summary>
    public async Task<IReadOnlyList<StaffRow>> ListStaffAsync(CancellationToken ct = default)
    {
        var staff = await db.Set<StaffMember>().AsNoTracking().Include(s => s.Contracts).ThenInclude(c => c.Deployments).ToListAsync(ct);
        var rates = await networkRates.GetAsync(ct);
        var names = await PracticeNames.LoadAsync(db, ct);
        var today = clock.TodayInEngland();
        return [.. staff.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Select(s =>
        {
            var current = s.Contracts.FirstOrDefault(c => c.Period.Contains(today));
            var shown = current ?? s.Contracts.MaxBy(c => c.Start);
            return new StaffRow(s.StaffMemberId, s.Name, s.ProfessionalRegistration, shown is null ? null : View(shown, rates, names), current is not null);
        })];
    }

    /// <summary>WTE in post today by role (people with a contract in force today), largest first.</summary>
    public static IReadOnlyList<RoleTotal> TotalsByRole(IReadOnlyList<StaffRow> staff) =>
        [.. staff.Where(s => s.InPost && s.Contract is not null).GroupBy(s => (s.Contract!.Role, s.Contract.RoleName))
            .Select(g => new RoleTotal(g.Key.Role, g.Key.RoleName, g.Count(), g.Sum(s => s.Contract!.Wte), g.Any(s => s.Contract!.IsArrs)))
            .OrderByDescending(t => t.Wte).ThenBy(t => t.RoleName, StringComparer.Ordinal)];

    /// <summary>One member of staff with all their contracts (latest first) and deployments.</summary>
    /// <exception cref="NotFoundException">No such person in the network.</exception>
    public async Task<StaffDetail> GetStaffAsync(Guid staffMemberId, CancellationToken ct = default)
    {
        var staff = await db.Set<StaffMember>().AsNoTracking().Include(s => s.Contracts).ThenInclude(c => c.Deployments)
            .SingleOrDefaultAsync(s => s.StaffMemberId == staffMemberId, ct) ?? throw NoStaff();
        var rates = await networkRates.GetAsync(ct);
        var names = await PracticeNames.LoadAsync(db, ct);
        return new StaffDetail(staff.StaffMemberId, staff.Name, staff.ProfessionalRegistration,
            [.. staff.Contracts.OrderByDescending(c => c.Start).Select(c => View(c, rates, names))]);
    }

    /// <summary>The roles a contract or planned post may have: the rate book's, then the roles outside ARRS.</summary>
    public async Task<IReadOnlyList<RoleOption>> RolesAsync(CancellationToken ct = default)
    {
        var rates = await networkRates.GetAsync(ct);
        return [.. rates.Roles.Select(r => new RoleOption(r.Code, r.Name, r.Band, true)),
            .. WorkforceRoles.Other.Select(r => new RoleOption(r.Code, r.Name, r.Band, false))];
    }

    /// <summary>The network's member practices today (code and name), for employer and deployment choices.</summary>
    public async Task<IReadOnlyList<(PracticeCode Code, string Name)>> MemberPracticesAsync(CancellationToken ct = default)
    {
        var today = clock.TodayInEngland();
        var practices = await db.Practices.AsNoTracking().Include(p => p.Memberships).ToListAsync(ct);
        return [.. practices.Where(p => p.IsMemberOn(today)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => (p.PracticeCode, p.Name))];
    }

    /// <summary>Adds a member of staff (no contract yet).</summary>
    public async Task<StaffDetail> AddStaffAsync(StaffInput input, CancellationToken ct = default)
    {
        var pcnId = scope.PcnId ?? throw new InvalidOperationException("Staff belong to a network.");
        var staff = new StaffMember(pcnId, Guid.NewGuid(), input.Name, input.ProfessionalRegistration);
        db.Add(staff);
        audit.Record("workforce.staff.added", staff.StaffMemberId.ToString(), staff.Name);
        await db.SaveChangesAsync(ct);
        return await GetStaffAsync(staff.StaffMemberId, ct);
    }

    /// <summary>Changes a member of staff's name or professional registration.</summary>
    public async Task<StaffDetail> RenameStaffAsync(Guid staffMemberId, StaffInput input, CancellationToken ct = default)
    {
        var staff = await db.Set<StaffMember>().SingleOrDefaultAsync(s => s.StaffMemberId == staffMemberId, ct) ?? throw NoStaff();
        var before = staff.Name;
        staff.Rename(input.Name, input.ProfessionalRegistration);
        audit.Record("workforce.staff.renamed", staffMemberId.ToString(), before == staff.Name ? "registration changed" : $"{before} -> {staff.Name}");
        await db.SaveChangesAsync(ct);
        return await GetStaffAsync(staffMemberId, ct);
    }

    internal static ContractView View(StaffContract c, RateBook rates, PracticeNames names) =>
        new(c.ContractId, c.Role, WorkforceRoles.NameOf(rates, c.Role), c.Band, c.Region, c.Wte, c.AnnualSalary, c.AnnualEmployerNi,
            c.AnnualEmployerPension, c.Terms.AnnualCost, c.Start, c.End, c.EmployerKind, c.EmployerPractice, c.EmployerName, c.IsArrs,
            c.AdditionalityConfirmed, c.SupervisorStaffMemberId,
            [.. c.Deployments.OrderByDescending(d => d.SessionsPerWeek).ThenBy(d => d.PracticeCode.Value, StringComparer.Ordinal)
                .Select(d => new DeploymentView(d.PracticeCode, names.Of(d.PracticeCode), d.SessionsPerWeek))]);

    private static NotFoundException NoStaff() => new("There is no such member of staff in your network.");
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Storage;

namespace OpenPcn.Web.Tests.TenancyMatrix;

/// <summary>Workforce in the matrix: a member of staff with a deployed contract and a planned post in each network.</summary>
public sealed partial class MatrixContext
{
    public Guid AStaffId { get; private set; }

    public Guid AContractId { get; private set; }

    public Guid APlannedPostId { get; private set; }

    public Guid BStaffId { get; private set; }

    public Guid BContractId { get; private set; }

    public Guid BPlannedPostId { get; private set; }

    /// <summary>A full-time clinical pharmacist employed by <paramref name="practice"/> from 1 April 2025.</summary>
    public static ContractInput Contract(string practice) =>
        new("clinical-pharmacist", ArrsRegion.National, 1m, Money.FromPounds(48_000m), Money.FromPounds(5_368.20m), Money.FromPounds(6_940.80m),
            new DateOnly(2025, 4, 1), null, "7", EmployerKind.MemberPractice, PracticeCode.Parse(practice), null, true, true);

    /// <summary>The API's contract body with <paramref name="practice"/> as employer.</summary>
    public static object ContractJson(string practice) => new
    {
        role = "clinical-pharmacist",
        wte = 1m,
        annualSalary = 48_000m,
        annualEmployerNi = 5_368.20m,
        annualEmployerPension = 6_940.80m,
        start = "2025-04-01",
        end = (string?)null,
        band = "7",
        employerKind = "MemberPractice",
        employerPractice = practice,
        employerName = (string?)null,
        isArrs = true,
        additionalityConfirmed = true,
    };

    /// <summary>The contract form's fields with <paramref name="employer"/> (a practice code) as employer.</summary>
    public static Dictionary<string, string> ContractFields(string employer) => new()
    {
        ["Form.Role"] = "clinical-pharmacist",
        ["Form.Band"] = "7",
        ["Form.Wte"] = "1",
        ["Form.Employer"] = employer,
        ["Form.LeadProvider"] = "",
        ["Form.Salary"] = "48000",
        ["Form.Ni"] = "",
        ["Form.Pension"] = "",
        ["Form.Start.Day"] = "1",
        ["Form.Start.Month"] = "4",
        ["Form.Start.Year"] = "2025",
        ["Form.End.Day"] = "",
        ["Form.End.Month"] = "",
        ["Form.End.Year"] = "",
        ["Form.Arrs"] = "yes",
        ["Form.Region"] = "National",
        ["Form.Additionality"] = "yes",
    };

    public static Dictionary<string, string> PlannedPostFields() => new()
    {
        ["Form.Role"] = "dietitian",
        ["Form.Wte"] = "0.6",
        ["Form.Practices"] = "All",
        ["Form.Cost"] = "33000",
        ["Form.Notes"] = "",
        ["Form.ExpectedStart.Day"] = "4",
        ["Form.ExpectedStart.Month"] = "1",
        ["Form.ExpectedStart.Year"] = "2027",
    };

    public async Task PrepareWorkforceAsync()
    {
        (AStaffId, AContractId, APlannedPostId) = await StaffAsync(A.PcnId, A.User(Roles.FinanceLead).UserId, "Alder pharmacist", A.PracticeCodes[0]);
        (BStaffId, BContractId, BPlannedPostId) = await StaffAsync(B.PcnId, B.User(Roles.FinanceLead).UserId, "Birch secret pharmacist", B.PracticeCodes[0]);
    }

    /// <summary>A fresh member of staff in A with no contract, for a form or request that adds one.</summary>
    public async Task<Guid> NewStaffInAAsync()
    {
        await using var scope = Db.PcnScope(A.PcnId, actor: A.User(Roles.FinanceLead).UserId);
        return (await scope.ServiceProvider.GetRequiredService<WorkforceService>().AddStaffAsync(new StaffInput($"Fresh person {Next()}", null))).StaffMemberId;
    }

    /// <summary>A fresh member of staff in A with one contract, for a form or request that changes or ends it.</summary>
    public async Task<(Guid StaffId, Guid ContractId)> NewContractInAAsync()
    {
        var staff = await NewStaffInAAsync();
        await using var scope = Db.PcnScope(A.PcnId, actor: A.User(Roles.FinanceLead).UserId);
        var contract = await scope.ServiceProvider.GetRequiredService<WorkforceService>().AddContractAsync(staff, Contract(A.PracticeCodes[0]));
        return (staff, contract.ContractId);
    }

    /// <summary>A fresh planned post in A (a vacancy), for a form or request that moves or deletes it.</summary>
    public async Task<Guid> NewPlannedPostInAAsync()
    {
        await using var scope = Db.PcnScope(A.PcnId, actor: A.User(Roles.FinanceLead).UserId);
        return (await scope.ServiceProvider.GetRequiredService<WorkforceService>().AddPlannedPostAsync(
            new PlannedPostInput("dietitian", 0.6m, null, new DateOnly(2027, 1, 4), Money.FromPounds(33_000m), null))).PlannedPostId;
    }

    private async Task<(Guid Staff, Guid Contract, Guid Post)> StaffAsync(int pcnId, string actor, string name, string practice)
    {
        await using var scope = Db.PcnScope(pcnId, actor: actor);
        var workforce = scope.ServiceProvider.GetRequiredService<WorkforceService>();
        var staff = await workforce.AddStaffAsync(new StaffInput(name, null));
        var contract = await workforce.AddContractAsync(staff.StaffMemberId, Contract(practice));
        await workforce.SetDeploymentsAsync(staff.StaffMemberId, contract.ContractId, [new(PracticeCode.Parse(practice), 10m)]);
        var post = await workforce.AddPlannedPostAsync(new PlannedPostInput("dietitian", 0.6m, $"{name}'s practices", new DateOnly(2027, 1, 4), Money.FromPounds(33_000m), null));
        return (staff.StaffMemberId, contract.ContractId, post.PlannedPostId);
    }

    private async Task<object> SnapshotWorkforceBAsync(PcnDbContext context)
    {
        var pcnId = B.PcnId;
        var staff = await context.Set<StaffMember>().AsNoTracking().Where(s => s.PcnId == pcnId).OrderBy(s => s.StaffMemberId)
            .Select(s => new { s.StaffMemberId, s.Name, s.ProfessionalRegistration }).ToListAsync();
        var contracts = (await context.Set<StaffContract>().AsNoTracking().Include(c => c.Deployments).Where(c => c.PcnId == pcnId).ToListAsync())
            .OrderBy(c => c.ContractId).Select(c => new { c.ContractId, c.Terms, c.Details, Deployments = c.Deployments.OrderBy(d => d.PracticeCode.Value).Select(d => new { d.PracticeCode, d.SessionsPerWeek }) })
            .ToList();
        var posts = await context.Set<PlannedPost>().AsNoTracking().Where(p => p.PcnId == pcnId).OrderBy(p => p.PlannedPostId)
            .Select(p => new { p.PlannedPostId, p.Role, p.Wte, p.Stage, p.ExpectedStart, p.ContractId }).ToListAsync();
        return new { staff, contracts, posts };
    }
}

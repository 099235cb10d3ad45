using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using static OpenPcn.Core.Tests.Features.Workforce.WorkforceTestData;

namespace OpenPcn.Core.Tests.Features.Workforce;

[Trait("Category", "Integration")]
public sealed class WorkforceServiceTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AddContract_Valid_IsListedWithRoleNameEmployerAndDeploymentAndAudited(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var pcnId = await NetworkAsync(db);
        await using var scope = db.PcnScope(pcnId);
        var workforce = scope.ServiceProvider.GetRequiredService<WorkforceService>();

        var staff = await workforce.AddStaffAsync(new StaffInput("Hannah Price", "GPhC 2290001"));
        var contract = await workforce.AddContractAsync(staff.StaffMemberId, Pharmacist());
        await workforce.SetDeploymentsAsync(staff.StaffMemberId, contract.ContractId, [new(First, 6m), new(Second, 4m)]);
        // Deploy again with one practice kept (the same key): the old split is replaced, not added to.
        await workforce.SetDeploymentsAsync(staff.StaffMemberId, contract.ContractId, [new(First, 4m), new(Second, 6m)]);

        var row = Assert.Single(await workforce.ListStaffAsync());
        Assert.True(row.InPost);
        Assert.Equal("Clinical pharmacist", row.Contract!.RoleName);
        Assert.Equal("Practice P82001", row.Contract.EmployerName);
        // 48,000 + 5,368.20 + 6,940.80 = 60,309.00 a year.
        Assert.Equal(Money.FromPounds(60_309m), row.Contract.AnnualCost);
        Assert.Equal([(Second, 6m), (First, 4m)], row.Contract.Deployments.Select(d => (d.Practice, d.SessionsPerWeek)));
        var actions = await AuditActionsAsync(db, pcnId);
        Assert.Equal(["workforce.contract.added", "workforce.deployments.set", "workforce.deployments.set", "workforce.staff.added"], actions);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AddContract_BadInput_IsRefusedBesideTheField(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var pcnId = await NetworkAsync(db);
        await using var scope = db.PcnScope(pcnId);
        var workforce = scope.ServiceProvider.GetRequiredService<WorkforceService>();
        var id = (await workforce.AddStaffAsync(new StaffInput("Hannah Price", null))).StaffMemberId;

        var negative = await Assert.ThrowsAsync<RuleViolationException>(() => workforce.AddContractAsync(id, Pharmacist(wte: -0.5m)));
        Assert.Contains("more than 0 and at most 1", Assert.Single(negative.Errors["Wte"]), StringComparison.Ordinal);
        var overOne = await Assert.ThrowsAsync<RuleViolationException>(() => workforce.AddContractAsync(id, Pharmacist(wte: 1.2m)));
        Assert.True(overOne.Errors.ContainsKey("Wte"));
        var backwards = await Assert.ThrowsAsync<RuleViolationException>(() =>
            workforce.AddContractAsync(id, Pharmacist(new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30))));
        Assert.Equal("The end date 30 Apr 2026 is before the start date 1 May 2026.", Assert.Single(backwards.Errors["End"]));
        var unknown = await Assert.ThrowsAsync<RuleViolationException>(() => workforce.AddContractAsync(id, Pharmacist(role: "astronaut")));
        Assert.Contains("unknown role", Assert.Single(unknown.Errors["Role"]), StringComparison.Ordinal);
        var supervisor = await Assert.ThrowsAsync<RuleViolationException>(() => workforce.AddContractAsync(id, Pharmacist() with { SupervisorStaffMemberId = id }));
        Assert.True(supervisor.Errors.ContainsKey("SupervisorStaffMemberId"));
        // A role outside ARRS is allowed only on a contract that is not claimed.
        await Assert.ThrowsAsync<RuleViolationException>(() => workforce.AddContractAsync(id, Pharmacist(role: "pcn-manager")));
        Assert.Empty((await workforce.GetStaffAsync(id)).Contracts);
        Assert.Equal("PCN manager", (await workforce.AddContractAsync(id, Pharmacist(role: "pcn-manager", arrs: false))).RoleName);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AddAndChangeContract_Overlapping_AreRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var pcnId = await NetworkAsync(db);
        await using var scope = db.PcnScope(pcnId);
        var workforce = scope.ServiceProvider.GetRequiredService<WorkforceService>();
        var id = (await workforce.AddStaffAsync(new StaffInput("Hannah Price", null))).StaffMemberId;
        // 1 Apr 2025 – 31 Mar 2026 full time, then 0.6 WTE from 1 Apr 2026.
        await workforce.AddContractAsync(id, Pharmacist(new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31)));
        var later = await workforce.AddContractAsync(id, Pharmacist(new DateOnly(2026, 4, 1), wte: 0.6m));

        var overlap = await Assert.ThrowsAsync<RuleViolationException>(() => workforce.AddContractAsync(id, Pharmacist(new DateOnly(2026, 1, 1))));
        Assert.Contains("already has a contract 1 Apr 2025 to 31 Mar 2026", Assert.Single(overlap.Errors["Start"]), StringComparison.Ordinal);
        await Assert.ThrowsAsync<RuleViolationException>(() => workforce.ChangeContractAsync(id, later.ContractId, Pharmacist(new DateOnly(2026, 3, 1), wte: 0.6m)));

        var changed = await workforce.ChangeContractAsync(id, later.ContractId, Pharmacist(new DateOnly(2026, 4, 1), wte: 0.8m));
        Assert.Equal(0.8m, changed.Wte);
        Assert.Equal(2, (await workforce.GetStaffAsync(id)).Contracts.Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EndContract_Leaver_IsNoLongerInPostAndEndBeforeStartIsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var pcnId = await NetworkAsync(db);
        await using var scope = db.PcnScope(pcnId);
        var workforce = scope.ServiceProvider.GetRequiredService<WorkforceService>();
        var id = (await workforce.AddStaffAsync(new StaffInput("Amira Hassan", null))).StaffMemberId;
        var contract = await workforce.AddContractAsync(id, Pharmacist());

        await Assert.ThrowsAsync<RuleViolationException>(() => workforce.EndContractAsync(id, contract.ContractId, new DateOnly(2025, 3, 31)));
        // Today is 23 Nov 2026 (the test clock): a leaver on 20 Sep 2026 is listed but no longer in post.
        var ended = await workforce.EndContractAsync(id, contract.ContractId, new DateOnly(2026, 9, 20));

        Assert.Equal(new DateOnly(2026, 9, 20), ended.End);
        var row = Assert.Single(await workforce.ListStaffAsync());
        Assert.False(row.InPost);
        Assert.Empty(WorkforceService.TotalsByRole(await workforce.ListStaffAsync()));
        Assert.Contains("workforce.contract.ended", await AuditActionsAsync(db, pcnId));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SetDeployments_PracticeOfAnotherNetworkOrBadSessions_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var pcnId = await NetworkAsync(db);
        await NetworkAsync(db, "U22222");
        await using var scope = db.PcnScope(pcnId);
        var workforce = scope.ServiceProvider.GetRequiredService<WorkforceService>();
        var id = (await workforce.AddStaffAsync(new StaffInput("Marcus Bell", null))).StaffMemberId;
        var contract = await workforce.AddContractAsync(id, Pharmacist());

        var other = await Assert.ThrowsAsync<RuleViolationException>(() =>
            workforce.SetDeploymentsAsync(id, contract.ContractId, [new(First, 4m), new(PracticeCode.Parse("P83001"), 6m)]));
        Assert.Equal("P83001 is not a member practice of the network while the contract runs.", Assert.Single(other.Errors["Deployments"]));
        await Assert.ThrowsAsync<RuleViolationException>(() => workforce.SetDeploymentsAsync(id, contract.ContractId, [new(First, 0m)]));
        var employer = await Assert.ThrowsAsync<RuleViolationException>(() =>
            workforce.AddContractAsync(id, Pharmacist(new DateOnly(2027, 4, 1)) with { EmployerPractice = PracticeCode.Parse("P83001") }));
        Assert.True(employer.Errors.ContainsKey("EmployerPractice"));
        Assert.Empty((await workforce.ContractAsync(id, contract.ContractId)).Deployments);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Staff_OfAnotherNetwork_IsNotFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await NetworkAsync(db);
        var b = await NetworkAsync(db, "U22222");
        Guid bStaff;
        await using (var scope = db.PcnScope(b))
        {
            bStaff = (await scope.ServiceProvider.GetRequiredService<WorkforceService>().AddStaffAsync(new StaffInput("Birch person", null))).StaffMemberId;
        }

        await using (var scope = db.PcnScope(a))
        {
            var workforce = scope.ServiceProvider.GetRequiredService<WorkforceService>();
            Assert.Empty(await workforce.ListStaffAsync());
            await Assert.ThrowsAsync<NotFoundException>(() => workforce.GetStaffAsync(bStaff));
            await Assert.ThrowsAsync<NotFoundException>(() => workforce.AddContractAsync(bStaff, Pharmacist()));
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PlannedPost_MovesForwardOnlyAndStartsAsAContract(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var pcnId = await NetworkAsync(db);
        await using var scope = db.PcnScope(pcnId);
        var workforce = scope.ServiceProvider.GetRequiredService<WorkforceService>();
        var post = await workforce.AddPlannedPostAsync(new PlannedPostInput("dietitian", 0.6m, "P82001 and P82002", new DateOnly(2027, 1, 4),
            Money.FromPounds(33_000m), null));
        Assert.Equal(PlannedPostStage.Vacancy, post.Stage);
        Assert.Equal("Dietitian", post.RoleName);

        await Assert.ThrowsAsync<RuleViolationException>(() => workforce.AddPlannedPostAsync(new PlannedPostInput("astronaut", 1m, null, new DateOnly(2027, 1, 4), Money.Zero, null)));
        await Assert.ThrowsAsync<RuleViolationException>(() => workforce.AddPlannedPostAsync(new PlannedPostInput("dietitian", 0m, null, new DateOnly(2027, 1, 4), Money.Zero, null)));
        await workforce.MovePlannedPostAsync(post.PlannedPostId, PlannedPostStage.Offered, null);
        var back = await Assert.ThrowsAsync<RuleViolationException>(() => workforce.MovePlannedPostAsync(post.PlannedPostId, PlannedPostStage.Advertised, null));
        Assert.Contains("only moves forward", back.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<RuleViolationException>(() => workforce.MovePlannedPostAsync(post.PlannedPostId, PlannedPostStage.Started, null));

        var id = (await workforce.AddStaffAsync(new StaffInput("New dietitian", null))).StaffMemberId;
        var contract = await workforce.AddContractAsync(id, Pharmacist(new DateOnly(2027, 1, 4), role: "dietitian", wte: 0.6m));
        var started = await workforce.MovePlannedPostAsync(post.PlannedPostId, PlannedPostStage.Started, contract.ContractId);
        Assert.Equal((PlannedPostStage.Started, contract.ContractId), (started.Stage, started.ContractId));
        await Assert.ThrowsAsync<RuleViolationException>(() => workforce.MovePlannedPostAsync(post.PlannedPostId, PlannedPostStage.Withdrawn, null));
        Assert.Contains("workforce.planned-post.advanced", await AuditActionsAsync(db, pcnId));
    }

    private static async Task<List<string>> AuditActionsAsync(TestDatabase db, int pcnId)
    {
        await using var scope = db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        return (await context.AuditEvents.AsNoTracking().Where(e => e.PcnId == pcnId && e.Action.StartsWith("workforce.")).ToListAsync())
            .Select(e => e.Action).Order(StringComparer.Ordinal).ToList();
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using static OpenPcn.Core.Tests.Features.Finance.FinanceTestData;

namespace OpenPcn.Core.Tests.Features.Finance;

[Trait("Category", "Integration")]
public sealed class StatementServiceTests
{
    /// <summary>
    /// October 2026 in network A: core funding £1,000.00 received (no rule: raw list 10,000/5,000/5,000 → 500/250/250);
    /// Enhanced Access £3,000.00 received, shared by activity (P82001 100, P82002 50, P82004 0 units → 2,000/1,000/0); the
    /// shared pharmacist (P82001 employs; see RechargeTests) and P82002's link worker.
    /// </summary>
    private static async Task<int> SeedOctoberAsync(TestDatabase db)
    {
        var (a, _) = await SeedAsync(db);
        await AddStaffAsync(db, SharedPharmacist(a), LinkWorker(a));
        await using var scope = db.PcnScope(a);
        var ledger = scope.ServiceProvider.GetRequiredService<PaymentLedger>();
        var inputs = scope.ServiceProvider.GetRequiredService<FinanceInputService>();
        await ledger.RecordAsync(new PaymentInput("core-funding", October, Money.FromPounds(1_000m), new DateOnly(2026, 10, 28), "ref 1"));
        await ledger.RecordAsync(new PaymentInput("enhanced-access", October, Money.FromPounds(3_000m), new DateOnly(2026, 10, 28), "ref 2"));
        await inputs.SetRuleAsync(new RuleInput("enhanced-access", 2026, RuleKind.Activity, 0, Money.Zero, ShareBasis.Raw));
        await inputs.SetActivityAsync(P1, "enhanced-access", October, 100);
        await inputs.SetActivityAsync(P2, "enhanced-access", October, 50);
        return a;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Get_PracticeWithStreamsArrsAndRecharge_TotalsAsWorkedByHand(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await SeedOctoberAsync(db);
        await using var scope = db.PcnScope(a);

        var s = await scope.ServiceProvider.GetRequiredService<StatementService>().GetAsync(P2, October);

        var core = s.Streams.Single(x => x.Stream == FundingStream.CoreFunding);
        Assert.Equal((Money.FromPounds(1_000m), Money.FromPounds(250m)), (core.Received, core.Amount));
        Assert.Contains("default", core.Rule, StringComparison.Ordinal);
        // Expected share: £4,871.63 × 5,000/20,000 = 1,217.9075 → floors 2,435.81/1,217.90/1,217.90, 2p to the .75s.
        Assert.Equal(Money.FromPounds(1_217.91m), core.ExpectedShare!.Total);
        // The network's expected figure carries its own workings: the rates, the populations and the census date.
        Assert.Contains("census date, 1 Jan 2026", core.ExpectedWorkings, StringComparison.Ordinal);
        Assert.Contains("£4,871.63", core.ExpectedWorkings, StringComparison.Ordinal);
        Assert.Equal(Money.FromPounds(1_000m), s.Streams.Single(x => x.Stream == FundingStream.EnhancedAccess).Amount);
        // Link worker: £17,600 ÷ 12 = £1,466.67 actual; maximum £36,428 × 0.5 ÷ 12 = £1,517.83; the lower, £1,466.67.
        var arrs = Assert.Single(s.Arrs);
        Assert.Equal(Money.FromPounds(1_466.67m), arrs.Reimbursable);
        Assert.Contains("Reimbursable: the lower, £1,466.67", arrs.Workings, StringComparison.Ordinal);
        Assert.Empty(s.Receivable);
        Assert.Equal(Money.FromPounds(446.17m), Assert.Single(s.Payable).Amount);
        // 250.00 + 1,000.00 + 1,466.67 + 0 − 446.17 = £2,270.50.
        Assert.Equal(Money.FromPounds(2_270.50m), s.TotalDue);

        // The employer receives the other two practices' shares: 446.17 + 446.16 = £892.33.
        var employer = await scope.ServiceProvider.GetRequiredService<StatementService>().GetAsync(P1, October);
        Assert.Equal(Money.FromPounds(892.33m), employer.ReceivableTotal);
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<PcnDbContext>().AuditEvents.CountAsync(e => e.Action == StatementService.ViewAction));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Get_MonthWithASubmittedClaim_ShowsWhatWasClaimedNotTodaysContract(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await SeedOctoberAsync(db);
        await using (var claims = db.PcnScope(a, actor: "finance"))
        {
            var service = claims.ServiceProvider.GetRequiredService<OpenPcn.Core.Features.Workforce.Claims.ArrsClaimService>();
            await service.BuildAsync(October);
            await service.SubmitAsync(October);
        }

        // After submission the link worker's pay is corrected to £30,000 in the contract; the claim still says £1,466.67.
        await using (var change = db.PcnScope(a))
        {
            var context = change.ServiceProvider.GetRequiredService<PcnDbContext>();
            var contract = await context.Set<OpenPcn.Core.Features.Workforce.StaffContract>().SingleAsync(c => c.EmployerPractice == P2);
            contract.Change(contract.Terms with { AnnualSalary = Money.FromPounds(30_000m) }, contract.Details);
            await context.SaveChangesAsync();
        }

        await using var scope = db.PcnScope(a);
        var s = await scope.ServiceProvider.GetRequiredService<StatementService>().GetAsync(P2, October);

        var arrs = Assert.Single(s.Arrs);
        Assert.Equal(Money.FromPounds(1_466.67m), arrs.Reimbursable);
        Assert.StartsWith("Claim line ", arrs.Workings, StringComparison.Ordinal);
        Assert.Equal("from the October 2026 claim, submitted", s.ArrsSource);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Get_PracticeManager_SeesOwnPracticeWithNetworkSharesAndNoOther(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await SeedOctoberAsync(db);
        await using var scope = db.PcnScope(a, P2, actor: "pm-2");
        var statements = scope.ServiceProvider.GetRequiredService<StatementService>();

        // Shares are still of the whole network's list (250.00, not the whole £1,000.00).
        var own = await statements.GetAsync(P2, October);
        Assert.Equal(Money.FromPounds(250m), own.Streams.Single(x => x.Stream == FundingStream.CoreFunding).Amount);
        Assert.Equal(P2, scope.ServiceProvider.GetRequiredService<OpenPcn.Core.Features.Security.TenantScope>().PracticeCode);

        await Assert.ThrowsAsync<NotFoundException>(() => statements.GetAsync(P1, October));
        await Assert.ThrowsAsync<NotFoundException>(() => statements.ExportAsync(P1, October, StatementFormat.Csv));
        Assert.Equal([P2], (await statements.PracticesAsync()).Select(p => p.Code));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_CsvAndExcel_HoldEveryFigureWithItsWorkingsAndAreAudited(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await SeedOctoberAsync(db);
        await using var scope = db.PcnScope(a);
        var statements = scope.ServiceProvider.GetRequiredService<StatementService>();

        var csv = await statements.ExportAsync(P2, October, StatementFormat.Csv);
        var xlsx = await statements.ExportAsync(P2, October, StatementFormat.Xlsx);

        var text = Encoding.UTF8.GetString(csv.Content);
        Assert.Equal("statement-P82002-2026-10.csv", csv.FileName);
        Assert.Contains("Total,Total due,,2270.50,", text, StringComparison.Ordinal);
        Assert.Contains("× 5000/20000 raw list = £250.00", text, StringComparison.Ordinal);
        Assert.Contains("-446.17", text, StringComparison.Ordinal);
        Assert.Equal("statement-P82002-2026-10.xlsx", xlsx.FileName);
        Assert.True(xlsx.Content.Length > 1000);
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<PcnDbContext>().AuditEvents.CountAsync(e => e.Action == StatementService.ExportAction));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Get_UnknownPractice_IsNotFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);

        await Assert.ThrowsAsync<NotFoundException>(() => scope.ServiceProvider.GetRequiredService<StatementService>().GetAsync(OpenPcn.Core.Features.Network.PracticeCode.Parse("P82003"), October));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Workforce;

/// <summary>
/// Network A (P82001 list 12,000, weighted 12,240; P82002 list 9,000, weighted 9,180; census 1 Jan 2026) and network
/// B (P82003). Today is 23 November 2026 (financial year 2026/27). Network A's staff, made through the entities:
/// - Alice Pharmacist: clinical pharmacist, national, 1 WTE, £48,000 + £6,000 NI + £6,000 pension = £60,000 a year
///   (£5,000.00 a month; maximum £65,838 ÷ 12 = £5,486.50), from 1 April 2026, additionality confirmed.
/// - Ben Linkworker: social prescribing link worker, 0.5 WTE, £15,000 + £1,500 + £1,500 = £18,000 a year (£1,500.00 a
///   month; maximum £36,428 × 0.5 ÷ 12 = £1,517.83), from 15 October 2026.
/// - Carol Nurse: a practice nurse not claimed under ARRS.
/// Network B's Zed Other (clinical pharmacist) must never appear in A's figures.
/// </summary>
internal static class ClaimsTestData
{
    public static readonly DateOnly October = new(2026, 10, 1);

    public static async Task<(int A, int B, Guid Alice, Guid Ben)> SeedAsync(TestDatabase db)
    {
        var a = await db.CreateNetworkAsync("U11111", "A", "QOP", ("P82001", 12_000), ("P82002", 9_000));
        var b = await db.CreateNetworkAsync("U22222", "B", "QOP", ("P82003", 8_000));
        await using var scope = db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var alice = AddStaff(context, a, "Alice Pharmacist", Terms("clinical-pharmacist", 1m, 48_000m, 6_000m, 6_000m, new DateOnly(2026, 4, 1)));
        var ben = AddStaff(context, a, "Ben Linkworker", Terms("social-prescribing-link-worker", 0.5m, 15_000m, 1_500m, 1_500m, new DateOnly(2026, 10, 15)));
        AddStaff(context, a, "Carol Nurse", Terms("nursing-associate", 1m, 30_000m, 3_000m, 3_000m, new DateOnly(2025, 1, 1)), isArrs: false);
        AddStaff(context, b, "Zed Other", Terms("clinical-pharmacist", 1m, 48_000m, 6_000m, 6_000m, new DateOnly(2025, 1, 1)));
        await context.SaveChangesAsync();
        return (a, b, alice, ben);
    }

    public static ContractTerms Terms(string role, decimal wte, decimal salary, decimal ni, decimal pension, DateOnly start, DateOnly? end = null) =>
        new(role, ArrsRegion.National, wte, Money.FromPounds(salary), Money.FromPounds(ni), Money.FromPounds(pension), start, end);

    /// <summary>Adds a person with one contract (employed by the lead provider); returns the contract's id.</summary>
    public static Guid AddStaff(PcnDbContext context, int pcnId, string name, ContractTerms terms, bool isArrs = true, bool additionality = true)
    {
        var staff = new StaffMember(pcnId, Guid.NewGuid(), name, null);
        var contract = staff.AddContract(Guid.NewGuid(), terms,
            new ContractDetails("7", EmployerKind.LeadProvider, null, "The federation", isArrs, additionality, null));
        context.Add(staff);
        return contract.ContractId;
    }

    /// <summary>Changes a contract's terms directly (as the staff pages would), outside any claim.</summary>
    public static async Task ChangeTermsAsync(TestDatabase db, int pcnId, Guid contractId, Func<ContractTerms, ContractTerms> change)
    {
        await using var scope = db.PcnScope(pcnId);
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var contract = await context.Set<StaffContract>().SingleAsync(c => c.ContractId == contractId);
        contract.Change(change(contract.Terms), contract.Details);
        await context.SaveChangesAsync();
    }
}

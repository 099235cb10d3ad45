using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Finance;

/// <summary>
/// Network A: P82001 (10,000 registered), P82002 (5,000) and P82004 (5,000) on the 1 January 2026 census (weighted =
/// registered × 1.02, adjusted × 1.01: 20,400 weighted and 20,200 adjusted in all). Network B: P82003 (8,000).
/// </summary>
internal static class FinanceTestData
{
    public static readonly PracticeCode P1 = PracticeCode.Parse("P82001");
    public static readonly PracticeCode P2 = PracticeCode.Parse("P82002");
    public static readonly PracticeCode P4 = PracticeCode.Parse("P82004");
    public static readonly DateOnly October = new(2026, 10, 1);
    public static readonly FinancialYear Year = new(2026);

    public static async Task<(int A, int B)> SeedAsync(TestDatabase db)
    {
        var a = await db.CreateNetworkAsync("U11111", "A", "QOP", ("P82001", 10_000), ("P82002", 5_000), ("P82004", 5_000));
        var b = await db.CreateNetworkAsync("U22222", "B", "QOP", ("P82003", 8_000));
        return (a, b);
    }

    /// <summary>
    /// A clinical pharmacist employed by P82001 (ARRS, national, 1 WTE, £60,000 salary + £7,500 NI + £14,400 pension =
    /// £81,900 a year) from 1 April 2026, 3 sessions a week at each of the three practices.
    /// </summary>
    public static StaffMember SharedPharmacist(int pcnId)
    {
        var person = new StaffMember(pcnId, Guid.NewGuid(), "Asha Patel", "GPhC 2212345");
        var contract = person.AddContract(Guid.NewGuid(),
            new ContractTerms("clinical-pharmacist", ArrsRegion.National, 1m, Money.FromPounds(60_000), Money.FromPounds(7_500), Money.FromPounds(14_400),
                new DateOnly(2026, 4, 1), null),
            new ContractDetails("7", EmployerKind.MemberPractice, P1, "Practice P82001", true, true, null));
        contract.Deploy([(P1, 3m), (P2, 3m), (P4, 3m)]);
        return person;
    }

    /// <summary>
    /// A social prescribing link worker employed by P82002 (ARRS, 0.5 WTE, £14,000 + £1,000 NI + £2,600 pension = £17,600
    /// a year) from 1 April 2026, all at P82002.
    /// </summary>
    public static StaffMember LinkWorker(int pcnId)
    {
        var person = new StaffMember(pcnId, Guid.NewGuid(), "Ben Okoro", null);
        var contract = person.AddContract(Guid.NewGuid(),
            new ContractTerms("social-prescribing-link-worker", ArrsRegion.National, 0.5m, Money.FromPounds(14_000), Money.FromPounds(1_000),
                Money.FromPounds(2_600), new DateOnly(2026, 4, 1), null),
            new ContractDetails("5", EmployerKind.MemberPractice, P2, "Practice P82002", true, true, null));
        contract.Deploy([(P2, 5m)]);
        return person;
    }

    /// <summary>Saves <paramref name="staff"/> with their contracts and deployments.</summary>
    public static async Task AddStaffAsync(TestDatabase db, params StaffMember[] staff)
    {
        await using var scope = db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        foreach (var s in staff)
        {
            context.Add(s);
        }

        await context.SaveChangesAsync();
    }
}

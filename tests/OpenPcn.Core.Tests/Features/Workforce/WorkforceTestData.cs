using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Workforce;

/// <summary>A network of two member practices (P82001, P82002) and contracts to add to its staff.</summary>
internal static class WorkforceTestData
{
    public static readonly PracticeCode First = PracticeCode.Parse("P82001");
    public static readonly PracticeCode Second = PracticeCode.Parse("P82002");

    public static Task<int> NetworkAsync(TestDatabase db, string code = "U11111") =>
        db.CreateNetworkAsync(code, "Workforce PCN", "QOP", (code == "U11111" ? "P82001" : "P83001", 10_000), (code == "U11111" ? "P82002" : "P83002", 8_000));

    /// <summary>
    /// A full-time clinical pharmacist employed by P82001 from 1 April 2025: salary £48,000, NI as entered (the 2024/25 rule, (48,000 − 9,100) ×
    /// 13.8% = £5,368.20), pension 48,000 × 14.46% = £6,940.80.
    /// </summary>
    public static ContractInput Pharmacist(DateOnly? start = null, DateOnly? end = null, decimal wte = 1m, string role = "clinical-pharmacist", bool arrs = true) =>
        new(role, ArrsRegion.National, wte, Money.FromPounds(48_000m), Money.FromPounds(5_368.20m), Money.FromPounds(6_940.80m),
            start ?? new DateOnly(2025, 4, 1), end, "7", EmployerKind.MemberPractice, First, null, arrs, true);
}

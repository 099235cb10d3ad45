using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Features.Finance.Rates;
using static OpenPcn.Core.Tests.Features.Finance.FinanceTestData;

namespace OpenPcn.Core.Tests.Features.Finance;

/// <summary>Recharges for shared staff, worked by hand from the shipped rates.</summary>
public sealed class RechargeTests
{
    [Fact]
    public void Compute_PostSharedByThreePractices_SharesNetCostBySessionsAndEmployerOwesNothingToItself()
    {
        // October 2026, 31 days in post. Actual: £81,900 ÷ 12 = £6,825.00. ARRS maximum (clinical pharmacist, national,
        // £65,838 from 1 Oct 2024, checked) × 1 WTE ÷ 12 = £5,486.50, so reimbursable £5,486.50. Net cost to the employer
        // (P82001) = 6,825.00 − 5,486.50 = £1,338.50, shared 3/3/3 sessions: 446.1666… each → floors 446.16 (1,338.48),
        // the 2p left to the first two (ties to the earlier): 446.17 / 446.17 / 446.16.
        var person = SharedPharmacist(1);

        var lines = RechargeService.Compute(October, NetworkRates.ShippedRates, [(person.Name, person.Contracts[0])]);

        Assert.Equal([P1, P2, P4], lines.Select(l => l.Payer));
        Assert.Equal(["£446.17", "£446.17", "£446.16"], lines.Select(l => l.Amount.ToString()));
        Assert.All(lines, l => Assert.Equal(Money.FromPounds(1_338.50m), l.NetCost));
        Assert.Equal(Money.FromPounds(1_338.50m), Money.Sum(lines.Select(l => l.Amount)));
        Assert.True(lines[0].IsEmployerOwnShare);
        Assert.False(lines[1].IsEmployerOwnShare);
        Assert.Contains("actual cost £6,825.00 − ARRS reimbursable £5,486.50 = £1,338.50; × 3/9 sessions a week = £446.17", lines[1].Workings, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_LeadProviderEmployer_EveryPracticeOwesTheLeadProvider()
    {
        // A care coordinator employed by a federation, not claimed under ARRS: £24,000 + £2,000 NI + £4,000 pension =
        // £30,000 a year → £2,500.00 in October. Shared 2/1 sessions: 1,666.666… / 833.333… → £1,666.67 / £833.33.
        var person = new OpenPcn.Core.Features.Workforce.StaffMember(1, Guid.NewGuid(), "Cara Doyle", null);
        var contract = person.AddContract(Guid.NewGuid(),
            new OpenPcn.Core.Features.Workforce.ContractTerms("care-coordinator", ArrsRegion.National, 1m, Money.FromPounds(24_000), Money.FromPounds(2_000),
                Money.FromPounds(4_000), new DateOnly(2026, 4, 1), null),
            new OpenPcn.Core.Features.Workforce.ContractDetails("4", OpenPcn.Core.Features.Workforce.EmployerKind.LeadProvider, null, "Vale GP Federation", false, false, null));
        contract.Deploy([(P1, 2m), (P2, 1m)]);

        var lines = RechargeService.Compute(October, NetworkRates.ShippedRates, [(person.Name, contract)]);

        Assert.Equal(["£1,666.67", "£833.33"], lines.Select(l => l.Amount.ToString()));
        Assert.All(lines, l => Assert.False(l.IsEmployerOwnShare));
        Assert.All(lines, l => Assert.Equal("Vale GP Federation", l.Employer));
        Assert.Contains("actual cost £2,500.00 (not ARRS) = £2,500.00", lines[0].Workings, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_PostAtOnePractice_IsNotRecharged()
    {
        var person = LinkWorker(1);

        Assert.Empty(RechargeService.Compute(October, NetworkRates.ShippedRates, [(person.Name, person.Contracts[0])]));
    }

    [Fact]
    public void Compute_MonthBeforeTheContract_IsNotRecharged()
    {
        var person = SharedPharmacist(1);

        Assert.Empty(RechargeService.Compute(new DateOnly(2026, 3, 1), NetworkRates.ShippedRates, [(person.Name, person.Contracts[0])]));
    }
}

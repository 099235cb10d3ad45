using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Features.Workforce.Claims;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Finance;

/// <summary>
/// One practice's share of a shared post's net cost in a month: <see cref="Payer"/> owes <see cref="Employer"/>
/// <see cref="Amount"/> (nothing is owed by the employing practice to itself; its own share is shown with
/// <see cref="IsEmployerOwnShare"/>).
/// </summary>
public sealed record RechargeLine(Guid ContractId, string StaffName, string Role, string Employer, PracticeCode? EmployerPractice, PracticeCode Payer,
    decimal Sessions, decimal TotalSessions, Money NetCost, Money Amount, string Workings)
{
    public bool IsEmployerOwnShare => EmployerPractice == Payer;
}

/// <summary>
/// Recharges for shared staff: for each contract deployed to more than one practice, the month's cost to its employer
/// (actual cost from <see cref="ArrsClaimCalculator"/>, less the ARRS reimbursable for an ARRS contract) is shared by
/// sessions a week with <see cref="Money.Allocate"/>; each practice that does not employ owes the employer its share.
/// </summary>
public sealed class RechargeService(PcnDbContext db, NetworkRates networkRates)
{
    public async Task<IReadOnlyList<RechargeLine>> ForMonthAsync(DateOnly month, CancellationToken ct = default)
    {
        var rates = await networkRates.GetAsync(ct);
        var staff = await db.Set<StaffMember>().AsNoTracking().Include(s => s.Contracts).ThenInclude(c => c.Deployments).ToListAsync(ct);
        return Compute(month, rates, staff.SelectMany(s => s.Contracts.Select(c => (s.Name, c))).ToList());
    }

    public static IReadOnlyList<RechargeLine> Compute(DateOnly month, RateBook rates, IReadOnlyList<(string Name, StaffContract Contract)> contracts)
    {
        var inv = CultureInfo.InvariantCulture;
        var m = FundingStreams.MonthOf(month);
        var period = new EffectivePeriod(m, m.AddMonths(1).AddDays(-1));
        var lines = new List<RechargeLine>();
        foreach (var (name, c) in contracts.Where(x => x.Contract.Deployments.Count > 1 && x.Contract.Period.Overlaps(period)).OrderBy(x => x.Name))
        {
            var w = ArrsClaimCalculator.Calculate(c.Terms, m, rates, c.AdditionalityConfirmed);
            var reimbursed = c.IsArrs ? w.Reimbursable : Money.Zero;
            var net = w.ActualCost - reimbursed;
            var deployments = c.Deployments.OrderBy(d => d.PracticeCode.Value).ToList();
            var total = deployments.Sum(d => d.SessionsPerWeek);
            var shares = net.Allocate(deployments.Select(d => d.SessionsPerWeek).ToList());
            var costText = c.IsArrs
                ? string.Create(inv, $"actual cost {w.ActualCost} − ARRS reimbursable {reimbursed} = {net}")
                : string.Create(inv, $"actual cost {w.ActualCost} (not ARRS) = {net}");
            for (var i = 0; i < deployments.Count; i++)
            {
                var d = deployments[i];
                lines.Add(new RechargeLine(c.ContractId, name, rates.Role(c.Role)?.Name ?? c.Role, c.EmployerName, c.EmployerPractice, d.PracticeCode,
                    d.SessionsPerWeek, total, net, shares[i],
                    string.Create(inv, $"{costText}; × {d.SessionsPerWeek:0.##}/{total:0.##} sessions a week = {shares[i]}")));
            }
        }

        return lines;
    }
}

using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Finance;

/// <summary>
/// The demo network's money (fictional): care-home beds each month, last year's IIF points, the distribution rules of
/// a typical network agreement, Enhanced Access activity per practice, and the payments received for the twelve
/// months up to last month — each stream's expected amount, with one Enhanced Access month £412.37 short so the
/// variance page has something to show. Uses the shipped rates (a fresh demo network has no overrides of its own).
/// </summary>
public sealed class DemoFinance(PcnDbContext db, TenantScope scope)
{
    /// <summary>The shortfall of the one short month.</summary>
    public static readonly Money Shortfall = Money.FromPounds(412.37m);

    /// <summary>Adds the demo's finance rows to <paramref name="pcnId"/>; does nothing when its rules already exist.</summary>
    public async Task SeedAsync(int pcnId, DateOnly today, CancellationToken ct = default)
    {
        var (pcn, practice, system, actor) = (scope.PcnId, scope.PracticeCode, scope.IsSystem, scope.ActorId);
        scope.SetPcn(pcnId);
        scope.SetActor("demo");
        try
        {
            if (await db.Set<DistributionRule>().AnyAsync(ct))
            {
                return;
            }

            await AddAsync(pcnId, today, ct);
        }
        finally
        {
            if (system)
            {
                scope.SetSystem();
            }
            else if (pcn is { } id)
            {
                scope.SetPcn(id, practice);
            }

            scope.SetActor(actor);
        }
    }

    private async Task AddAsync(int pcnId, DateOnly today, CancellationToken ct)
    {
        var at = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var thisMonth = FundingStreams.MonthOf(today);
        var months = Enumerable.Range(1, 12).Select(i => thisMonth.AddMonths(-i)).Reverse().ToList();
        var lastYear = FinancialYear.Of(today).StartYear - 1;

        foreach (var month in Enumerable.Range(0, 24).Select(i => thisMonth.AddMonths(-12 + i)))
        {
            db.Add(new CareHomeBeds(pcnId, month, 58 + (month.Month % 3), "demo", at));
        }

        db.Add(new IifAchievement(pcnId, lastYear, 142.5m, "demo", at));
        db.Add(new DistributionRule(pcnId, FundingStream.CoreFunding, lastYear, RuleKind.WeightedList, 10m, Money.Zero, ShareBasis.Weighted, "demo", at));
        db.Add(new DistributionRule(pcnId, FundingStream.EnhancedAccess, lastYear, RuleKind.Activity, 0m, Money.Zero, ShareBasis.Raw, "demo", at));
        db.Add(new DistributionRule(pcnId, FundingStream.CareHomePremium, lastYear, RuleKind.RawList, 0m, Money.Zero, ShareBasis.Raw, "demo", at));
        db.Add(new DistributionRule(pcnId, FundingStream.Casp, lastYear, RuleKind.FixedPlusShare, 0m, Money.FromPounds(500m), ShareBasis.Weighted, "demo", at));
        db.Add(new DistributionRule(pcnId, FundingStream.Caip, lastYear, RuleKind.FixedPlusShare, 0m, Money.FromPounds(500m), ShareBasis.Weighted, "demo", at));
        await db.SaveChangesAsync(ct);

        var beds = await db.Set<CareHomeBeds>().AsNoTracking().ToListAsync(ct);
        var populations = new NetworkPopulations(db);
        var expected = new Dictionary<int, Entitlements>();
        foreach (var year in months.Select(FinancialYear.Of).Distinct())
        {
            expected[year.StartYear] = EntitlementService.Compute(year, NetworkRates.ShippedRates, await populations.OnAsync(year.CensusDate, ct), beds,
                year.StartYear == lastYear ? 142.5m : null, []);
        }

        var shortMonth = months[^4];
        foreach (var month in months)
        {
            var e = expected[FinancialYear.Of(month).StartYear];
            foreach (var p in e.Populations)
            {
                // Appointments delivered: about one per 100 patients a month, varying by practice and month.
                var units = Math.Round(p.Registered / 100m * (0.85m + (((p.Practice.Value[^1] - '0') + month.Month) % 5 * 0.07m)), 0);
                db.Add(new PracticeActivity(pcnId, p.Practice, FundingStream.EnhancedAccess, month, units, "demo", at));
            }

            foreach (var stream in FundingStreams.All)
            {
                var amount = e.Cell(stream, month);
                if (stream == FundingStream.EnhancedAccess && month == shortMonth)
                {
                    amount -= Shortfall;
                }

                if (amount > Money.Zero)
                {
                    var received = month.AddMonths(1).AddDays(-4);
                    db.Add(new PaymentReceived(pcnId, Guid.NewGuid(), stream, month, amount, received,
                        $"NHSE {FundingStreams.Code(stream).ToUpperInvariant()} {month:yyyyMM} (fictional)", null, null, "demo", at));
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

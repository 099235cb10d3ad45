using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Finance;

/// <summary>A distribution rule as typed on the form or sent to the API.</summary>
public sealed record RuleInput(string Stream, int FromYear, RuleKind Kind, decimal TopSlicePercent, Money FixedPerPracticePerMonth, ShareBasis Basis);

/// <summary>
/// The figures entitlements and distribution are worked from, entered by the finance lead (audited): care-home beds a
/// month, IIF points a year, the distribution rule of each stream, and practice activity.
/// </summary>
public sealed class FinanceInputService(PcnDbContext db, TenantScope scope, AuditLog audit, TimeProvider clock)
{
    public async Task<CareHomeBeds> SetBedsAsync(DateOnly month, int beds, CancellationToken ct = default)
    {
        var m = FundingStreams.SaneMonth(month);
        var row = await db.Set<CareHomeBeds>().FirstOrDefaultAsync(b => b.Month == m, ct);
        if (row is null)
        {
            row = new CareHomeBeds(PcnId, m, beds, Actor, clock.GetUtcNow());
            db.Add(row);
        }
        else
        {
            row.Set(beds, Actor, clock.GetUtcNow());
        }

        audit.Record("finance.beds.set", $"{m:yyyy-MM}", $"{beds} beds");
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task<IifAchievement> SetIifPointsAsync(FinancialYear year, decimal points, CancellationToken ct = default)
    {
        var row = await db.Set<IifAchievement>().FirstOrDefaultAsync(i => i.StartYear == year.StartYear, ct);
        if (row is null)
        {
            row = new IifAchievement(PcnId, year.StartYear, points, Actor, clock.GetUtcNow());
            db.Add(row);
        }
        else
        {
            row.Set(points, Actor, clock.GetUtcNow());
        }

        audit.Record("finance.iif.set", year.ToString(), $"{points} points");
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task<DistributionRule> SetRuleAsync(RuleInput input, CancellationToken ct = default)
    {
        var stream = FundingStreams.Parse(input.Stream);
        var row = await db.Set<DistributionRule>().FirstOrDefaultAsync(r => r.Stream == stream && r.FromYear == input.FromYear, ct);
        if (row is null)
        {
            row = new DistributionRule(PcnId, stream, input.FromYear, input.Kind, input.TopSlicePercent, input.FixedPerPracticePerMonth, input.Basis, Actor, clock.GetUtcNow());
            db.Add(row);
        }
        else
        {
            row.Change(input.Kind, input.TopSlicePercent, input.FixedPerPracticePerMonth, input.Basis, Actor, clock.GetUtcNow());
        }

        audit.Record("finance.rule.set", $"{FundingStreams.Code(stream)} from {new FinancialYear(input.FromYear)}", row.Describe());
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task<PracticeActivity> SetActivityAsync(PracticeCode practice, string stream, DateOnly month, decimal units, CancellationToken ct = default)
    {
        var s = FundingStreams.Parse(stream);
        var m = FundingStreams.SaneMonth(month);
        if (!await db.Practices.AnyAsync(p => p.PracticeCode == practice, ct))
        {
            throw new RuleViolationException("Practice", $"Practice {practice} is not in this network.");
        }

        var row = await db.Set<PracticeActivity>().FirstOrDefaultAsync(a => a.PracticeCode == practice && a.Stream == s && a.Month == m, ct);
        if (row is null)
        {
            row = new PracticeActivity(PcnId, practice, s, m, units, Actor, clock.GetUtcNow());
            db.Add(row);
        }
        else
        {
            row.Set(units, Actor, clock.GetUtcNow());
        }

        audit.Record("finance.activity.set", $"{practice} {FundingStreams.Code(s)} {m:yyyy-MM}", $"{units} units");
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task<IReadOnlyList<DistributionRule>> RulesAsync(CancellationToken ct = default) =>
        (await db.Set<DistributionRule>().AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Stream).ThenBy(r => r.FromYear).ToList();

    public async Task<IReadOnlyList<CareHomeBeds>> BedsAsync(FinancialYear year, CancellationToken ct = default) =>
        await db.Set<CareHomeBeds>().AsNoTracking().Where(b => b.Month >= year.Start && b.Month <= year.End).OrderBy(b => b.Month).ToListAsync(ct);

    public async Task<IifAchievement?> IifAsync(FinancialYear year, CancellationToken ct = default) =>
        await db.Set<IifAchievement>().AsNoTracking().FirstOrDefaultAsync(i => i.StartYear == year.StartYear, ct);

    private int PcnId => scope.PcnId ?? throw new InvalidOperationException("Finance figures belong to a network.");

    private string Actor => scope.ActorId ?? "system";
}

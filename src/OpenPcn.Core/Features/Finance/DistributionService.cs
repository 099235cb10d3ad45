using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Finance;

/// <summary>The rule applied to a stream in a month (the default, share of raw list, when none is set).</summary>
public sealed record AppliedRule(RuleKind Kind, decimal TopSlicePercent, Money FixedPerPracticePerMonth, ShareBasis Basis, bool IsDefault)
{
    public static readonly AppliedRule Default = new(RuleKind.RawList, 0, Money.Zero, ShareBasis.Raw, true);

    public static AppliedRule Of(DistributionRule rule) => new(rule.Kind, rule.TopSlicePercent, rule.FixedPerPracticePerMonth, rule.Basis, false);

    public string Describe() => DistributionRule.Describe(Kind, TopSlicePercent, FixedPerPracticePerMonth, Basis)
        + (IsDefault ? " (the default: no rule is set for this stream)" : string.Empty);
}

/// <summary>What a practice's share is worked from: its list sizes and its activity units in the month.</summary>
public sealed record ShareInput(PracticeCode Practice, string Name, int Registered, decimal Weighted, decimal Units);

/// <summary>One practice's share of a stream's month: the fixed part, the share part and its basis, with the formula.</summary>
public sealed record PracticeShare(PracticeCode Practice, string Name, decimal Basis, decimal BasisTotal, Money Fixed, Money Share, string Formula)
{
    public Money Total => Fixed + Share;
}

/// <summary>A stream's month shared out: amount → top-slice → fixed parts → shares. The parts always add up to the amount.</summary>
public sealed record StreamDistribution(FundingStream Stream, DateOnly Month, Money Amount, AppliedRule Rule, Money TopSlice, IReadOnlyList<PracticeShare> Shares,
    string? Problem)
{
    public Money Distributed => Money.Sum(Shares.Select(s => s.Total));
}

/// <summary>
/// Shares what was received for each stream in a month among the practices by the network's rule. Rounding: the
/// top-slice is Round(amount × % ÷ 100) (halves away from zero); shares use <see cref="Money.Allocate"/> (largest
/// remainder), so top-slice + fixed parts + shares = the amount received, to the penny.
/// </summary>
public sealed class DistributionService(PcnDbContext db, NetworkPopulations populations, PaymentLedger ledger)
{
    /// <summary>The rule in force for <paramref name="stream"/> in <paramref name="month"/>'s financial year.</summary>
    public async Task<AppliedRule> RuleAsync(FundingStream stream, DateOnly month, CancellationToken ct = default)
    {
        var year = FinancialYear.Of(month).StartYear;
        var rule = (await db.Set<DistributionRule>().AsNoTracking().Where(r => r.Stream == stream && r.FromYear <= year).ToListAsync(ct))
            .OrderByDescending(r => r.FromYear).FirstOrDefault();
        return rule is null ? AppliedRule.Default : AppliedRule.Of(rule);
    }

    /// <summary>What the practices' shares are worked from in <paramref name="month"/>: lists on the year's census date, and activity.</summary>
    public async Task<IReadOnlyList<ShareInput>> InputsAsync(FundingStream stream, DateOnly month, CancellationToken ct = default)
    {
        var m = FundingStreams.MonthOf(month);
        var pops = await populations.OnAsync(FinancialYear.Of(m).CensusDate, ct);
        var units = await db.Set<PracticeActivity>().AsNoTracking().Where(a => a.Stream == stream && a.Month == m).ToListAsync(ct);
        return pops.Select(p => new ShareInput(p.Practice, p.Name, p.Registered, p.Weighted,
            units.FirstOrDefault(u => u.PracticeCode == p.Practice)?.Units ?? 0)).ToList();
    }

    /// <summary>Each stream's RECEIVED amount for the month, shared out.</summary>
    public async Task<IReadOnlyList<StreamDistribution>> ForMonthAsync(DateOnly month, CancellationToken ct = default)
    {
        var result = new List<StreamDistribution>();
        foreach (var stream in FundingStreams.All)
        {
            result.Add(Distribute(stream, month, await ledger.ReceivedAsync(stream, month, ct), await RuleAsync(stream, month, ct), await InputsAsync(stream, month, ct)));
        }

        return result;
    }

    /// <summary>The rule itself: shares <paramref name="amount"/> among <paramref name="practices"/>.</summary>
    public static StreamDistribution Distribute(FundingStream stream, DateOnly month, Money amount, AppliedRule rule, IReadOnlyList<ShareInput> practices)
    {
        var inv = CultureInfo.InvariantCulture;
        var m = FundingStreams.MonthOf(month);
        if (practices.Count == 0)
        {
            return new StreamDistribution(stream, m, amount, rule, amount, [], "No member practices: the whole amount stays with the network.");
        }

        var topSlice = Money.Round(amount.Pounds * rule.TopSlicePercent / 100m);
        var rest = amount - topSlice;
        string? problem = null;
        var fixedEach = Money.Zero;
        if (rule.Kind == RuleKind.FixedPlusShare)
        {
            var n = practices.Count;
            fixedEach = rule.FixedPerPracticePerMonth;
            if (rest < fixedEach * n)
            {
                // Too little to pay every practice its fixed amount: what there is is shared equally.
                var equal = rest.Allocate(practices.Select(_ => 1m).ToList());
                problem = string.Create(inv, $"{rest} is less than {n} × {fixedEach}: shared equally instead.");
                return new StreamDistribution(stream, m, amount, rule, topSlice,
                    practices.Select((p, i) => new PracticeShare(p.Practice, p.Name, 1, n, equal[i], Money.Zero, string.Create(inv, $"{rest} ÷ {n} practices (largest remainder) = {equal[i]}"))).ToList(),
                    problem);
            }

            rest -= fixedEach * n;
        }

        var (basisName, weights) = rule.Kind switch
        {
            RuleKind.Activity => ("units", practices.Select(p => p.Units).ToList()),
            RuleKind.WeightedList => ("weighted list", practices.Select(p => p.Weighted).ToList()),
            RuleKind.FixedPlusShare when rule.Basis == ShareBasis.Weighted => ("weighted list", practices.Select(p => p.Weighted).ToList()),
            _ => ("raw list", practices.Select(p => (decimal)p.Registered).ToList()),
        };
        if (weights.Sum() == 0)
        {
            problem = rule.Kind == RuleKind.Activity ? "No activity is recorded for the month: shared by raw list instead." : $"No {basisName} is known: shared by raw list instead.";
            basisName = "raw list";
            weights = practices.Select(p => (decimal)p.Registered).ToList();
        }

        if (weights.Sum() == 0)
        {
            weights = practices.Select(_ => 1m).ToList();
            basisName = "equal shares";
            problem = "No list sizes are known: shared equally.";
        }

        var total = weights.Sum();
        var shares = rest.Allocate(weights);
        var slice = topSlice == Money.Zero ? string.Empty : string.Create(inv, $"({amount} − {rule.TopSlicePercent:0.##}% top-slice {topSlice}");
        var fixedPart = fixedEach == Money.Zero ? string.Empty : string.Create(inv, $"{(slice.Length == 0 ? "(" + amount : string.Empty)} − {practices.Count} × {fixedEach} fixed");
        var restText = slice.Length + fixedPart.Length == 0 ? amount.ToString() : $"{slice}{fixedPart}) = {rest}";
        var lines = practices.Select((p, i) => new PracticeShare(p.Practice, p.Name, weights[i], total, fixedEach, shares[i],
            string.Create(inv, $"{(fixedEach == Money.Zero ? string.Empty : $"{fixedEach} fixed + ")}{restText} × {weights[i]:0.##}/{total:0.##} {basisName} = {shares[i]}{(fixedEach == Money.Zero ? string.Empty : $"; total {fixedEach + shares[i]}")}")))
            .ToList();
        return new StreamDistribution(stream, m, amount, rule, topSlice, lines, problem);
    }
}

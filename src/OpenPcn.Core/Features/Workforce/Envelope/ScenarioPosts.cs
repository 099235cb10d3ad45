using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;

namespace OpenPcn.Core.Features.Workforce.Envelope;

/// <summary>A post as a forecast sees it: one stretch of terms (a contract may be split where a change starts).</summary>
public sealed record ForecastPost(Guid? ContractId, string Label, ContractTerms Terms, bool AdditionalityConfirmed);

/// <summary>Applies a scenario's changes to the posts in memory; the contracts themselves are never touched.</summary>
public static class ScenarioPosts
{
    public static List<ForecastPost> Apply(IReadOnlyList<ForecastPost> posts, IReadOnlyList<ScenarioChange> changes, RateBook rates)
    {
        var result = posts.ToList();
        foreach (var change in changes)
        {
            result = change.Kind switch
            {
                ScenarioChangeKind.AddPost => [.. result, AddPost(change, rates)],
                ScenarioChangeKind.EndContract => End(result, Require(result, change), change.From),
                ScenarioChangeKind.ChangeWte => ChangeWte(result, Require(result, change), change),
                _ => Uplift(result, change),
            };
        }

        return result;
    }

    private static ForecastPost AddPost(ScenarioChange c, RateBook rates)
    {
        if (c.Role is null || rates.Role(c.Role) is null)
        {
            throw new RuleViolationException(nameof(ScenarioChange.Role), $"There is no ARRS role '{c.Role}'.");
        }

        var terms = new ContractTerms(c.Role, c.Region, c.Wte ?? 0m, c.AnnualSalary ?? Money.Zero, c.AnnualEmployerNi ?? Money.Zero,
            c.AnnualEmployerPension ?? Money.Zero, c.From, null);
        return new ForecastPost(null, $"Planned: {rates.Role(c.Role)!.Name}", terms, true);
    }

    private static Guid Require(List<ForecastPost> posts, ScenarioChange c) =>
        c.ContractId is { } id && posts.Exists(p => p.ContractId == id)
            ? id
            : throw new RuleViolationException(nameof(ScenarioChange.ContractId), "Choose one of the network's ARRS contracts.");

    private static List<ForecastPost> End(List<ForecastPost> posts, Guid id, DateOnly lastDay) =>
        posts.Where(p => p.ContractId != id || p.Terms.Start <= lastDay)
            .Select(p => p.ContractId == id && (p.Terms.End is null || p.Terms.End > lastDay) ? p with { Terms = p.Terms with { End = lastDay } } : p)
            .ToList();

    private static List<ForecastPost> ChangeWte(List<ForecastPost> posts, Guid id, ScenarioChange c)
    {
        var wte = c.Wte ?? 0m;
        return Split(posts, p => p.ContractId == id, c.From, t =>
        {
            var f = wte / t.Wte;
            return new ContractTerms(t.Role, t.Region, wte, Scale(t.AnnualSalary, f), Scale(t.AnnualEmployerNi, f), Scale(t.AnnualEmployerPension, f), t.Start, t.End);
        });
    }

    private static List<ForecastPost> Uplift(List<ForecastPost> posts, ScenarioChange c)
    {
        if (c.Percent is not { } percent || percent is < -50 or > 100)
        {
            throw new RuleViolationException(nameof(ScenarioChange.Percent), "Enter an uplift between -50% and 100%.");
        }

        var f = 1 + (percent / 100m);
        return Split(posts, p => c.Role is null || p.Terms.Role == c.Role, c.From,
            t => t with { AnnualSalary = Scale(t.AnnualSalary, f), AnnualEmployerNi = Scale(t.AnnualEmployerNi, f), AnnualEmployerPension = Scale(t.AnnualEmployerPension, f) });
    }

    /// <summary>Each matching post is cut at <paramref name="from"/>; the part on and after it gets <paramref name="change"/>.</summary>
    private static List<ForecastPost> Split(List<ForecastPost> posts, Func<ForecastPost, bool> matches, DateOnly from, Func<ContractTerms, ContractTerms> change)
    {
        var result = new List<ForecastPost>();
        foreach (var p in posts)
        {
            var t = p.Terms;
            if (!matches(p) || t.End is { } end && end < from)
            {
                result.Add(p);
                continue;
            }

            if (t.Start < from)
            {
                result.Add(p with { Terms = t with { End = from.AddDays(-1) } });
                result.Add(p with { Terms = change(t with { Start = from }) });
            }
            else
            {
                result.Add(p with { Terms = change(t) });
            }
        }

        return result;
    }

    private static Money Scale(Money amount, decimal factor) => Money.Round(amount.Pounds * factor);
}

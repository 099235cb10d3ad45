using System.Globalization;

namespace OpenPcn.Core.Features.Network;

/// <summary>How a network measures against one formation rule.</summary>
public enum CheckOutcome
{
    /// <summary>The rule is met.</summary>
    Met = 0,

    /// <summary>The rule is not met but the network has recorded the variation the rules allow.</summary>
    Allowed = 1,

    /// <summary>Something to look at, not a breach (e.g. a practice whose ICB is not known).</summary>
    Warning = 2,

    /// <summary>The rule is not met.</summary>
    NotMet = 3,
}

/// <param name="Rule">Short name of the rule, e.g. "Population".</param>
/// <param name="Outcome">Met, allowed, warning or not met.</param>
/// <param name="Detail">What was found, in figures.</param>
/// <param name="Allowance">What the rules allow when it is not met, and how to record it.</param>
public sealed record FormationCheck(string Rule, CheckOutcome Outcome, string Detail, string? Allowance = null);

/// <summary>
/// The checks a network's formation must pass (Network Contract DES; pcn-facts §1): a registered population of
/// 30,000 to 50,000 unless the commissioner approves otherwise, every member practice in the network's ICB, a
/// nominated payee that can receive the money, and a clinical director in post.
/// </summary>
public static class FormationChecks
{
    public const int MinimumPopulation = 30_000;
    public const int MaximumPopulation = 50_000;

    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public sealed record MemberPractice(PracticeCode Code, string Name, string IcbCode, string SubIcbCode);

    public static IReadOnlyList<FormationCheck> Evaluate(
        PcnSummary pcn, NetworkTotals totals, IReadOnlyList<MemberPractice> currentMembers, int currentClinicalDirectors) =>
    [
        Population(pcn, totals, currentMembers.Count),
        SameIcb(pcn, currentMembers),
        Payee(pcn, currentMembers),
        ClinicalDirector(currentClinicalDirectors),
    ];

    internal static FormationCheck Population(PcnSummary pcn, NetworkTotals totals, int memberCount)
    {
        const string rule = "Population";
        var population = totals.Registered.ToString("N0", UkCulture);
        if (memberCount == 0)
        {
            return new(rule, CheckOutcome.NotMet, "The network has no current member practices.");
        }

        if (totals.CensusDate is null)
        {
            return new(rule, CheckOutcome.Warning, "No list sizes are recorded, so the population is not known.",
                "Import the national list-size file or record each practice's list size.");
        }

        var asAt = string.Create(UkCulture, $"on {totals.CensusDate:d MMMM yyyy}");
        if (totals.Registered is >= MinimumPopulation and <= MaximumPopulation)
        {
            return new(rule, CheckOutcome.Met, $"{population} registered patients {asAt}, within 30,000–50,000." +
                (memberCount == 1 ? " A single practice over 30,000 may form a network on its own." : string.Empty));
        }

        if (totals.Registered < MinimumPopulation)
        {
            var detail = $"{population} registered patients {asAt}, below 30,000.";
            return pcn.PopulationVariation == PopulationVariation.ApprovedSmaller
                ? new(rule, CheckOutcome.Allowed, detail, $"Commissioner approved a smaller network: {pcn.PopulationVariationNote}")
                : new(rule, CheckOutcome.NotMet, detail,
                    "The rules allow fewer than 30,000 only with the commissioner's approval, for example for a rural or remote network. Record the approval to clear this.");
        }

        var above = $"{population} registered patients {asAt}, above 50,000.";
        return pcn.PopulationVariation == PopulationVariation.ApprovedLarger
            ? new(rule, CheckOutcome.Allowed, above, $"Commissioner approved a larger network: {pcn.PopulationVariationNote}")
            : new(rule, CheckOutcome.NotMet, above,
                "The rules allow more than 50,000 only with the commissioner's approval. Record the approval to clear this.");
    }

    internal static FormationCheck SameIcb(PcnSummary pcn, IReadOnlyList<MemberPractice> members)
    {
        const string rule = "Same ICB";
        if (string.IsNullOrEmpty(pcn.IcbCode))
        {
            return new(rule, CheckOutcome.Warning, "The network's ICB is not recorded.", "Record the network's ICB.");
        }

        var unknown = members.Where(m => string.IsNullOrEmpty(m.IcbCode)).Select(m => m.Code.Value).ToList();
        var elsewhere = members.Where(m => m.IcbCode.Length > 0 && m.IcbCode != pcn.IcbCode)
            .Select(m => $"{m.Code} ({m.IcbCode})").ToList();
        if (elsewhere.Count > 0)
        {
            return new(rule, CheckOutcome.NotMet,
                $"{string.Join(", ", elsewhere)} {(elsewhere.Count == 1 ? "is" : "are")} not in {pcn.IcbName} ({pcn.IcbCode}).",
                "Every Core Network Practice must be in the network's ICB.");
        }

        if (unknown.Count > 0)
        {
            return new(rule, CheckOutcome.Warning, $"The ICB of {string.Join(", ", unknown)} is not known.",
                "Import the national practice map so each practice's ICB is known.");
        }

        var subIcbs = members.Select(m => m.SubIcbCode).Where(c => c.Length > 0).Distinct().Count();
        return new(rule, CheckOutcome.Met,
            $"All {members.Count} member practices are in {pcn.IcbName} ({pcn.IcbCode})" +
            (subIcbs > 1 ? $", across {subIcbs} sub-ICB locations." : "."));
    }

    internal static FormationCheck Payee(PcnSummary pcn, IReadOnlyList<MemberPractice> members)
    {
        const string rule = "Nominated payee";
        if (pcn.NominatedPayee is not { } payee)
        {
            return new(rule, CheckOutcome.NotMet, "No nominated payee is recorded.",
                "Record the practice or provider that receives the network's money.");
        }

        if (PracticeCode.TryParse(payee.OrganisationCode, out var practice) && !members.Any(m => m.Code == practice))
        {
            return new(rule, CheckOutcome.NotMet, $"{payee.Name} ({payee.OrganisationCode}) is a practice that is not a current member.",
                "A practice nominated as payee must be a Core Network Practice.");
        }

        return new(rule, CheckOutcome.Met, $"{payee.Name} ({payee.OrganisationCode}).");
    }

    internal static FormationCheck ClinicalDirector(int current) => current switch
    {
        0 => new("Clinical director", CheckOutcome.NotMet, "No clinical director is in post.",
            "Every network must have a clinical director."),
        1 => new("Clinical director", CheckOutcome.Met, "One clinical director in post."),
        _ => new("Clinical director", CheckOutcome.Met, $"{current} clinical directors share the role."),
    };
}

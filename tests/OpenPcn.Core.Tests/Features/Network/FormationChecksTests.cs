using OpenPcn.Core.Features.Network;

namespace OpenPcn.Core.Tests.Features.Network;

[Trait("Category", "Unit")]
public sealed class FormationChecksTests
{
    private static readonly DateOnly Census = new(2026, 1, 1);

    private static PcnSummary Pcn(PopulationVariation variation = PopulationVariation.None, string? note = null, NominatedPayee? payee = null) =>
        new(PcnCode.Parse("U12345"), "Test PCN", "QOP", "NHS Greater Manchester ICB", "00T", "Bolton", false, payee, variation, note);

    private static NetworkTotals Totals(int registered, int practices = 5) => new(practices, Census, false, registered, null, null);

    private static FormationChecks.MemberPractice Member(string code, string icb = "QOP", string subIcb = "00T") =>
        new(PracticeCode.Parse(code), code, icb, subIcb);

    [Theory]
    [InlineData(30_000, CheckOutcome.Met)]
    [InlineData(50_000, CheckOutcome.Met)]
    [InlineData(29_999, CheckOutcome.NotMet)]
    [InlineData(50_001, CheckOutcome.NotMet)]
    public void Population_Boundaries_AreInclusive(int registered, CheckOutcome expected)
    {
        Assert.Equal(expected, FormationChecks.Population(Pcn(), Totals(registered), 5).Outcome);
    }

    [Fact]
    public void Population_BelowWithApproval_IsAllowedAndQuotesTheApproval()
    {
        var check = FormationChecks.Population(Pcn(PopulationVariation.ApprovedSmaller, "ICB letter 3 March 2025"), Totals(24_500), 3);

        Assert.Equal(CheckOutcome.Allowed, check.Outcome);
        Assert.Contains("24,500", check.Detail, StringComparison.Ordinal);
        Assert.Contains("ICB letter 3 March 2025", check.Allowance, StringComparison.Ordinal);
    }

    [Fact]
    public void Population_BelowWithoutApproval_SaysWhatTheRulesAllow()
    {
        var check = FormationChecks.Population(Pcn(), Totals(24_500), 3);

        Assert.Equal(CheckOutcome.NotMet, check.Outcome);
        Assert.Contains("rural or remote", check.Allowance, StringComparison.Ordinal);
    }

    [Fact]
    public void Population_ApprovalForLargerDoesNotCoverSmaller()
    {
        Assert.Equal(CheckOutcome.NotMet, FormationChecks.Population(Pcn(PopulationVariation.ApprovedLarger, "x"), Totals(20_000), 3).Outcome);
    }

    [Fact]
    public void Population_SinglePracticeAbove50k_StillNeedsApproval()
    {
        Assert.Equal(CheckOutcome.NotMet, FormationChecks.Population(Pcn(), Totals(62_000, 1), 1).Outcome);
        Assert.Equal(CheckOutcome.Allowed, FormationChecks.Population(Pcn(PopulationVariation.ApprovedLarger, "ICB letter"), Totals(62_000, 1), 1).Outcome);
    }

    [Fact]
    public void Population_SinglePracticeOver30k_IsMetOnItsOwn()
    {
        var check = FormationChecks.Population(Pcn(), Totals(34_000, 1), 1);

        Assert.Equal(CheckOutcome.Met, check.Outcome);
        Assert.Contains("single practice", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Population_NoListSizes_IsAWarning()
    {
        var totals = new NetworkTotals(3, null, false, 0, null, null);
        Assert.Equal(CheckOutcome.Warning, FormationChecks.Population(Pcn(), totals, 3).Outcome);
    }

    [Fact]
    public void SameIcb_PracticeElsewhere_IsNotMetAndNamesIt()
    {
        var check = FormationChecks.SameIcb(Pcn(), [Member("P82001"), Member("P82002", icb: "QYG")]);

        Assert.Equal(CheckOutcome.NotMet, check.Outcome);
        Assert.Contains("P82002 (QYG)", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void SameIcb_UnknownIcb_IsAWarning()
    {
        Assert.Equal(CheckOutcome.Warning, FormationChecks.SameIcb(Pcn(), [Member("P82001"), Member("P82002", icb: "")]).Outcome);
    }

    [Fact]
    public void SameIcb_AllInIcb_IsMet()
    {
        var check = FormationChecks.SameIcb(Pcn(), [Member("P82001"), Member("P82002", subIcb: "01D")]);

        Assert.Equal(CheckOutcome.Met, check.Outcome);
        Assert.Contains("2 sub-ICB locations", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Payee_Missing_IsNotMet()
    {
        Assert.Equal(CheckOutcome.NotMet, FormationChecks.Payee(Pcn(), [Member("P82001")]).Outcome);
    }

    [Fact]
    public void Payee_PracticeThatIsNotAMember_IsNotMet()
    {
        var check = FormationChecks.Payee(Pcn(payee: new("P82009", "Elsewhere Surgery")), [Member("P82001")]);
        Assert.Equal(CheckOutcome.NotMet, check.Outcome);
    }

    [Fact]
    public void Payee_FederationOrMemberPractice_IsMet()
    {
        Assert.Equal(CheckOutcome.Met, FormationChecks.Payee(Pcn(payee: new("P82001", "Member")), [Member("P82001")]).Outcome);
        Assert.Equal(CheckOutcome.Met, FormationChecks.Payee(Pcn(payee: new("DGX", "GP Federation")), [Member("P82001")]).Outcome);
    }

    [Theory]
    [InlineData(0, CheckOutcome.NotMet)]
    [InlineData(1, CheckOutcome.Met)]
    [InlineData(2, CheckOutcome.Met)]
    public void ClinicalDirector_InPost_IsRequired(int current, CheckOutcome expected)
    {
        Assert.Equal(expected, FormationChecks.ClinicalDirector(current).Outcome);
    }
}

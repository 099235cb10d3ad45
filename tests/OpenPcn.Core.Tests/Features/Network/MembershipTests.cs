using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;

namespace OpenPcn.Core.Tests.Features.Network;

[Trait("Category", "Unit")]
public sealed class MembershipTests
{
    private static Practice NewPractice() =>
        new(1, PracticeCode.Parse("A81001"), "The Densham Surgery", "ts18 1hu", ClinicalSystem.Tpp, Geography.Unknown);

    [Fact]
    public void EffectivePeriod_EndBeforeStart_IsRefused()
    {
        var error = Assert.Throws<RuleViolationException>(() => new EffectivePeriod(new(2024, 4, 1), new(2024, 3, 31)));
        Assert.Contains("EndDate", error.Errors.Keys);
    }

    [Theory]
    [InlineData("2020-04-01", null, "2024-01-01", null, true)]
    [InlineData("2020-04-01", "2023-03-31", "2023-04-01", null, false)]
    [InlineData("2020-04-01", "2023-03-31", "2023-03-31", null, true)]
    [InlineData("2023-04-01", null, "2020-04-01", "2023-03-31", false)]
    [InlineData("2023-04-01", "2023-06-30", "2023-05-01", "2023-05-31", true)]
    public void EffectivePeriod_Overlaps_IsInclusiveOfBothEnds(string s1, string? e1, string s2, string? e2, bool overlaps)
    {
        var a = new EffectivePeriod(DateOnly.Parse(s1, null), e1 is null ? null : DateOnly.Parse(e1, null));
        var b = new EffectivePeriod(DateOnly.Parse(s2, null), e2 is null ? null : DateOnly.Parse(e2, null));
        Assert.Equal(overlaps, a.Overlaps(b));
        Assert.Equal(overlaps, b.Overlaps(a));
    }

    [Fact]
    public void AddMembership_Overlapping_IsRefused()
    {
        var practice = NewPractice();
        practice.AddMembership(new(new(2019, 7, 1), new(2023, 3, 31)));

        var error = Assert.Throws<RuleViolationException>(() => practice.AddMembership(new(new(2023, 3, 1), null)));

        Assert.Contains("cannot overlap", error.Message, StringComparison.Ordinal);
        Assert.Single(practice.Memberships);
    }

    [Fact]
    public void AddMembership_AfterEnd_IsAccepted()
    {
        var practice = NewPractice();
        practice.AddMembership(new(new(2019, 7, 1), new(2023, 3, 31)));
        practice.AddMembership(new(new(2023, 4, 1), null));

        Assert.True(practice.IsMemberOn(new(2023, 4, 1)));
        Assert.True(practice.IsMemberOn(new(2023, 3, 31)));
        Assert.False(practice.IsMemberOn(new(2019, 6, 30)));
    }

    [Fact]
    public void EndMembership_BeforeItsStart_IsRefused()
    {
        var practice = NewPractice();
        practice.AddMembership(new(new(2023, 4, 1), null));

        Assert.Throws<RuleViolationException>(() => practice.EndMembership(new(2023, 3, 31)));
    }

    [Fact]
    public void RecordListSize_SameCensusTwice_CorrectsTheFigure()
    {
        var practice = NewPractice();
        practice.RecordListSize(new(2026, 1, 1), 8900, null, null, "file");
        practice.RecordListSize(new(2026, 1, 1), 8950, 9100.5m, 9050.25m, "hand");

        var only = Assert.Single(practice.ListSizes);
        Assert.Equal(8950, only.Registered);
        Assert.Equal(9100.5m, only.Weighted);
    }

    [Fact]
    public void RecordListSize_Negative_IsRefused()
    {
        var error = Assert.Throws<RuleViolationException>(() => NewPractice().RecordListSize(new(2026, 1, 1), -1, -2m, null, "hand"));
        Assert.Equal(["Registered", "Weighted"], error.Errors.Keys.Order());
    }

    [Fact]
    public void Practice_Postcode_IsUpperCased()
    {
        Assert.Equal("TS18 1HU", NewPractice().Postcode);
    }
}

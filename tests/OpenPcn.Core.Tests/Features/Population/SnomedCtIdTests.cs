using OpenPcn.Core.Features.Population;

namespace OpenPcn.Core.Tests.Features.Population;

[Trait("Category", "Unit")]
public sealed class SnomedCtIdTests
{
    [Theory]
    [InlineData("22298006")] // Myocardial infarction
    [InlineData("38341003")] // Hypertensive disorder
    [InlineData("73211009")] // Diabetes mellitus
    [InlineData("160734000")] // Lives in a nursing home
    [InlineData("394923006")] // Lives in a residential home
    [InlineData("248171000000108")] // Lives in care home (UK extension)
    [InlineData("1091811000000102")] // Diastolic arterial pressure (UK extension)
    [InlineData("195967001")] // Asthma: uses the fifth permutation row (a wrong row once made this fail)
    [InlineData("35489007")] // Depressive disorder
    [InlineData("838691000000105")] // Referred by nursing home
    public void IsValid_RealIdentifiers_AreValid(string code) => Assert.True(SnomedCtId.IsValid(code));

    [Theory]
    [InlineData("22298007")] // check digit changed
    [InlineData("38341030")] // last two digits swapped
    [InlineData("73121009")] // adjacent digits swapped
    [InlineData("022298006")] // leading zero
    [InlineData("12345")] // too short
    [InlineData("1234567890123456789")] // too long
    [InlineData("2229800A")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_MalformedOrWrongCheckDigit_IsInvalid(string? code) => Assert.False(SnomedCtId.IsValid(code));

    [Theory]
    [InlineData("2229800", '6')]
    [InlineData("24817100000010", '8')]
    public void CheckDigitFor_Prefix_GivesTheDigitThatValidates(string prefix, char expected)
    {
        Assert.Equal(expected, SnomedCtId.CheckDigitFor(prefix));
        Assert.True(SnomedCtId.IsValid(prefix + SnomedCtId.CheckDigitFor(prefix)));
    }

    [Fact]
    public void TryParse_ValidCode_KeepsItsDigits()
    {
        Assert.True(SnomedCtId.TryParse("38341003", out var id));
        Assert.Equal("38341003", id.Value);
        Assert.Equal("38341003", id.ToString());
    }
}

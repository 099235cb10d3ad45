using OpenPcn.Core.Features.Network;

namespace OpenPcn.Core.Tests.Features.Network;

[Trait("Category", "Unit")]
public sealed class CodeTests
{
    [Theory]
    [InlineData("A81001", "A81001")]
    [InlineData(" a81001 ", "A81001")]
    [InlineData("Y00020", "Y00020")]
    public void PracticeCode_Valid_IsNormalised(string input, string expected)
    {
        Assert.True(PracticeCode.TryParse(input, out var code));
        Assert.Equal(expected, code.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A8100")]
    [InlineData("A810012")]
    [InlineData("181001")]
    [InlineData("AA1001")]
    [InlineData("A8100X")]
    [InlineData("U")]
    [InlineData(null)]
    public void PracticeCode_Invalid_IsRefused(string? input)
    {
        Assert.False(PracticeCode.TryParse(input, out _));
    }

    [Fact]
    public void PracticeCode_Parse_Invalid_ThrowsWithExample()
    {
        var error = Assert.Throws<FormatException>(() => PracticeCode.Parse("12345"));
        Assert.Contains("A81001", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("U89141", true)]
    [InlineData("u89141", true)]
    [InlineData("U", false)]
    [InlineData("A89141", false)]
    [InlineData("U8914", false)]
    [InlineData("U891411", false)]
    public void PcnCode_Parse_FollowsUAndFiveDigits(string input, bool valid)
    {
        Assert.Equal(valid, PcnCode.TryParse(input, out _));
    }

    [Theory]
    [InlineData("QOP", true)]
    [InlineData("00T", true)]
    [InlineData("RX1", true)]
    [InlineData("FA123", true)]
    [InlineData("AB", false)]
    [InlineData("A-1", false)]
    [InlineData("ABCDEFGHIJK", false)]
    public void OdsCode_Parse_AcceptsThreeToTenAlphanumerics(string input, bool valid)
    {
        Assert.Equal(valid, OdsCode.TryParse(input, out _));
    }

    [Fact]
    public void PracticeCode_Default_HasEmptyValue()
    {
        Assert.Equal(string.Empty, default(PracticeCode).ToString());
    }
}

using OpenPcn.Core.Features.Population;

namespace OpenPcn.Core.Tests.Features.Population;

[Trait("Category", "Unit")]
public sealed class EthnicCategoryTests
{
    [Theory]
    [InlineData("A", "White: British")]
    [InlineData("N", "Black or Black British: African")]
    [InlineData("Z", "Not stated")]
    [InlineData("Q", "Q")]
    public void Describe_Code_GivesTheDataDictionaryName(string code, string expected) =>
        Assert.Equal(expected, EthnicCategory.Describe(code));
}

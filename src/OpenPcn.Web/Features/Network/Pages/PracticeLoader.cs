using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;

namespace OpenPcn.Web.Features.Network.Pages;

internal static class PracticeLoader
{
    /// <summary>The practice named in a page's route, or <c>null</c> when the code is invalid or not in this network.</summary>
    public static async Task<PracticeDetail?> LoadAsync(NetworkService network, string code)
    {
        if (!PracticeCode.TryParse(code, out var practiceCode))
        {
            return null;
        }

        try
        {
            return await network.GetPracticeAsync(practiceCode);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}

internal static class ClinicalSystems
{
    public static string Describe(ClinicalSystem system) => system switch
    {
        ClinicalSystem.Emis => "EMIS Web",
        ClinicalSystem.Tpp => "TPP SystmOne",
        ClinicalSystem.Vision => "Vision",
        ClinicalSystem.Other => "Other",
        _ => "Not known",
    };

    public static IEnumerable<(string Value, string Text)> Options =>
        Enum.GetValues<ClinicalSystem>().Select(s => (s.ToString(), Describe(s)));
}

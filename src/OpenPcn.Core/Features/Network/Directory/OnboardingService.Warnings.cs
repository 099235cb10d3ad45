using System.Globalization;

namespace OpenPcn.Core.Features.Network.Directory;

public sealed partial class OnboardingService
{
    /// <summary>What an administrator should check before creating the network from the directory.</summary>
    private static List<string> Warnings(DirectoryPcn pcn, DirectoryView view, Geography geography, List<OnboardingPractice> practices, DateOnly today)
    {
        var warnings = new List<string>();
        if (view.IsOnboarded(pcn.Code))
        {
            warnings.Add($"{pcn.Code} is already set up in this install.");
        }

        if (pcn.CloseDate is { } closed && closed <= today)
        {
            warnings.Add($"ODS shows {pcn.Name} as closed on {Day(closed)}.");
        }

        if (practices.Count == 0)
        {
            warnings.Add("The directory shows no current member practices for this PCN.");
        }

        if (geography == Geography.Unknown)
        {
            warnings.Add("The directory has no sub-ICB location or ICB for this PCN; it will be set up with an unknown geography.");
        }

        var missing = practices.Count(p => view.Practice(p.Code) is null);
        if (missing > 0)
        {
            warnings.Add($"{Count(missing, "practice has", "practices have")} no details (name, postcode, supplier) in the directory.");
        }

        var noListSize = practices.Count(p => p.Registered is null);
        if (noListSize > 0)
        {
            warnings.Add($"{Count(noListSize, "practice has", "practices have")} no list size in the directory.");
        }

        var dates = practices.Where(p => p.ListSizeDate is not null).Select(p => p.ListSizeDate!.Value).Distinct().Order().ToList();
        if (dates.Count > 1)
        {
            warnings.Add($"The practices' latest list sizes are from different dates ({string.Join(", ", dates.Select(Day))}).");
        }

        foreach (var practice in practices)
        {
            var detail = view.Practice(practice.Code);
            if (detail?.IcbCode is { Length: > 0 } icb && geography.IcbCode.Length > 0 && !string.Equals(icb, geography.IcbCode, StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add($"Practice {practice.Code} ({practice.Name}) is in a different ICB ({icb}) from the network ({geography.IcbCode}).");
            }

            if (detail?.StatusCode is "C" || detail?.CloseDate is { } close && close <= today)
            {
                warnings.Add($"Practice {practice.Code} ({practice.Name}) is closed in ODS{(detail.CloseDate is { } c ? $" (closed {Day(c)})" : string.Empty)}.");
            }
        }

        return warnings;
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}

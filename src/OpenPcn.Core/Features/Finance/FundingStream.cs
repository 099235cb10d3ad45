using System.Globalization;
using OpenPcn.Core.Common;

namespace OpenPcn.Core.Features.Finance;

/// <summary>A stream of money paid to the network's nominated payee (ARRS is claimed by contract and shown apart).</summary>
public enum FundingStream
{
    CoreFunding,
    EnhancedAccess,
    Casp,
    Caip,
    CareHomePremium,
    Iif,
}

/// <summary>Names and codes of the funding streams, as pages, exports, the API and the CLI write them.</summary>
public static class FundingStreams
{
    public static readonly IReadOnlyList<FundingStream> All = Enum.GetValues<FundingStream>();

    public static string Name(FundingStream stream) => stream switch
    {
        FundingStream.CoreFunding => "Core PCN funding",
        FundingStream.EnhancedAccess => "Enhanced Access",
        FundingStream.Casp => "Capacity and Access Support (CASP)",
        FundingStream.Caip => "Capacity and Access Improvement (CAIP)",
        FundingStream.CareHomePremium => "Care Home Premium",
        _ => "Investment and Impact Fund (IIF)",
    };

    /// <summary>"core-funding", "enhanced-access", "casp", "caip", "care-home-premium", "iif".</summary>
    public static string Code(FundingStream stream) => stream switch
    {
        FundingStream.CoreFunding => "core-funding",
        FundingStream.EnhancedAccess => "enhanced-access",
        FundingStream.Casp => "casp",
        FundingStream.Caip => "caip",
        FundingStream.CareHomePremium => "care-home-premium",
        _ => "iif",
    };

    /// <summary>Reads a code or enum name; an unknown stream is a rule violation on <paramref name="field"/>.</summary>
    public static FundingStream Parse(string? text, string field = "Stream")
    {
        var t = (text ?? string.Empty).Trim();
        foreach (var s in All)
        {
            if (string.Equals(Code(s), t, StringComparison.OrdinalIgnoreCase) || string.Equals(s.ToString(), t, StringComparison.OrdinalIgnoreCase))
            {
                return s;
            }
        }

        throw new RuleViolationException(field, $"'{t}' is not a funding stream ({string.Join(", ", All.Select(Code))}).");
    }

    /// <summary>The first day of <paramref name="date"/>'s month.</summary>
    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    /// <summary>Reads "2026-10" as 1 October 2026.</summary>
    public static bool TryParseMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    /// <summary>Refuses a month outside 2000–2100 (a typing slip).</summary>
    public static DateOnly SaneMonth(DateOnly month, string field = "Month") =>
        month.Year is < 2000 or > 2100
            ? throw new RuleViolationException(field, string.Create(CultureInfo.InvariantCulture, $"{month:MMMM yyyy} is not a month OpenPCN accepts."))
            : MonthOf(month);
}

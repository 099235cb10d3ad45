using System.Globalization;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;

namespace OpenPcn.Core.Features.Workforce.Envelope;

/// <summary>What a what-if change does.</summary>
public enum ScenarioChangeKind
{
    /// <summary>A planned post from a date: role, region, WTE, salary and on-costs.</summary>
    AddPost,

    /// <summary>A contract's hours change from a date (pay and on-costs scale with the WTE).</summary>
    ChangeWte,

    /// <summary>A contract ends: <see cref="ScenarioChange.From"/> is the last day in post.</summary>
    EndContract,

    /// <summary>A pay uplift (salary and on-costs) of a percentage from a date, for every post or one role.</summary>
    PayUplift,
}

/// <summary>
/// One change of a what-if scenario. Scenarios live only in memory (and in a page's form or an API request): applying
/// one never writes to the database.
/// </summary>
public sealed record ScenarioChange(
    ScenarioChangeKind Kind,
    DateOnly From,
    string? Role = null,
    ArrsRegion Region = ArrsRegion.National,
    decimal? Wte = null,
    Money? AnnualSalary = null,
    Money? AnnualEmployerNi = null,
    Money? AnnualEmployerPension = null,
    Guid? ContractId = null,
    decimal? Percent = null)
{
    /// <summary>The change in words, as listed on the page.</summary>
    public string Describe() => Kind switch
    {
        ScenarioChangeKind.AddPost => Invariant($"Add a {Role} post ({ArrsClaimsText(Region)}, {Wte:0.####} WTE, salary {AnnualSalary}, NI {AnnualEmployerNi}, pension {AnnualEmployerPension}) from {From:d MMM yyyy}"),
        ScenarioChangeKind.ChangeWte => Invariant($"Change contract {ContractId} to {Wte:0.####} WTE from {From:d MMM yyyy}"),
        ScenarioChangeKind.EndContract => Invariant($"End contract {ContractId} on {From:d MMM yyyy}"),
        _ => Invariant($"Pay uplift of {Percent:0.##}% from {From:d MMM yyyy} for {(Role is null ? "every post" : Role)}"),
    };

    /// <summary>The change as one text value for a form field: <c>kind|from|role|region|wte|salary|ni|pension|contract|percent</c>.</summary>
    public string ToText() => string.Join('|',
        Kind.ToString(), From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Role ?? string.Empty, Region.ToString(),
        Wte?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, AnnualSalary?.ToPlainString() ?? string.Empty,
        AnnualEmployerNi?.ToPlainString() ?? string.Empty, AnnualEmployerPension?.ToPlainString() ?? string.Empty,
        ContractId?.ToString() ?? string.Empty, Percent?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);

    /// <summary>Reads <see cref="ToText"/>'s form back; false for anything else.</summary>
    public static bool TryParse(string? text, out ScenarioChange? change)
    {
        change = null;
        var p = (text ?? string.Empty).Split('|');
        if (p.Length != 10 || !Enum.TryParse<ScenarioChangeKind>(p[0], out var kind) || !Enum.IsDefined(kind)
            || !DateOnly.TryParseExact(p[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !Enum.TryParse<ArrsRegion>(p[3], out var region) || !Enum.IsDefined(region))
        {
            return false;
        }

        decimal? Dec(string s) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
        Money? Mon(string s) => Money.TryParse(s, out var m) && s.Length > 0 ? m : null;
        change = new ScenarioChange(kind, from, p[2].Length == 0 ? null : p[2], region, Dec(p[4]), Mon(p[5]), Mon(p[6]), Mon(p[7]),
            Guid.TryParse(p[8], out var id) ? id : null, Dec(p[9]));
        return true;
    }

    private static string ArrsClaimsText(ArrsRegion region) => Claims.ArrsClaimCalculator.Describe(region);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using OpenPcn.Core.Common;

namespace OpenPcn.Core.Features.Finance.Rates;

/// <summary>Where an ARRS role's maximum applies: the national figure, or the outer or inner London weighting.</summary>
public enum ArrsRegion
{
    National,
    OuterLondon,
    InnerLondon,
}

/// <summary>An ARRS role of the catalogue (a code such as <c>clinical-pharmacist</c>).</summary>
public sealed record ArrsRole(string Code, string Name, string Band);

/// <summary>
/// A maximum reimbursable amount per WTE per year for a role and region from a date (until the next one). Checked
/// says whether the figure was verified against the DES; Source says where it came from, or who entered it.
/// </summary>
public sealed record ArrsMaximum(string Role, ArrsRegion Region, DateOnly EffectiveFrom, Money? PerWtePerYear, bool Checked, string Source);

/// <summary>A £ rate (per registered or adjusted patient, per bed, per point…) from a date, until the next one.</summary>
public sealed record PaymentRate(string Rate, string Name, string Per, DateOnly EffectiveFrom, decimal Pounds, bool Checked, string Source);

/// <summary>
/// The rates OpenPCN pays and claims by: the ARRS role catalogue with its maxima, and the £ rates of each funding
/// stream, each effective from a date. The shipped files are <c>data/rates/</c>; a network's own figures (entered by
/// its finance lead) are laid over them with <see cref="With"/> and win on and after their date.
/// </summary>
public sealed class RateBook
{
    private readonly IReadOnlyList<ArrsMaximum> _maxima;
    private readonly IReadOnlyList<PaymentRate> _rates;

    public RateBook(IReadOnlyList<ArrsRole> roles, IReadOnlyList<ArrsMaximum> maxima, IReadOnlyList<PaymentRate> rates)
    {
        Roles = roles;
        _maxima = maxima.OrderBy(m => m.EffectiveFrom).ToList();
        _rates = rates.OrderBy(r => r.EffectiveFrom).ToList();
    }

    public IReadOnlyList<ArrsRole> Roles { get; }

    public IReadOnlyList<ArrsMaximum> Maxima => _maxima;

    public IReadOnlyList<PaymentRate> Rates => _rates;

    public ArrsRole? Role(string code) => Roles.FirstOrDefault(r => r.Code == code);

    /// <summary>The maximum in force for <paramref name="role"/> in <paramref name="region"/> on <paramref name="date"/>, if any.</summary>
    public ArrsMaximum? MaximumOn(string role, ArrsRegion region, DateOnly date) =>
        _maxima.LastOrDefault(m => m.Role == role && m.Region == region && m.EffectiveFrom <= date);

    /// <summary>The rate named <paramref name="rate"/> in force on <paramref name="date"/>, if any.</summary>
    public PaymentRate? RateOn(string rate, DateOnly date) => _rates.LastOrDefault(r => r.Rate == rate && r.EffectiveFrom <= date);

    /// <summary>
    /// These rates with <paramref name="maxima"/> and <paramref name="rates"/> laid over them: on the same role, region
    /// (or rate) and date, the new figure replaces the shipped one, and of several new figures the last given wins.
    /// </summary>
    public RateBook With(IEnumerable<ArrsMaximum> maxima, IEnumerable<PaymentRate> rates)
    {
        // Of several new figures for one role, region (or rate) and date, the last given wins.
        var newMaxima = maxima.GroupBy(m => (m.Role, m.Region, m.EffectiveFrom)).Select(g => g.Last()).ToList();
        var newRates = rates.GroupBy(r => (r.Rate, r.EffectiveFrom)).Select(g => g.Last()).ToList();
        return new RateBook(
            Roles,
            [.. _maxima.Where(m => !newMaxima.Exists(n => n.Role == m.Role && n.Region == m.Region && n.EffectiveFrom == m.EffectiveFrom)), .. newMaxima],
            [.. _rates.Where(r => !newRates.Exists(n => n.Rate == r.Rate && n.EffectiveFrom == r.EffectiveFrom)), .. newRates]);
    }

    /// <summary>The rates shipped with OpenPCN (<c>data/rates</c> beside the application).</summary>
    public static RateBook LoadShipped() => Load(Path.Combine(AppContext.BaseDirectory, "data", "rates"));

    /// <summary>Reads <c>arrs-roles.csv</c> and <c>payment-rates.csv</c> from <paramref name="folder"/>.</summary>
    public static RateBook Load(string folder)
    {
        var roles = new List<ArrsRole>();
        var maxima = new List<ArrsMaximum>();
        foreach (var row in Read(Path.Combine(folder, "arrs-roles.csv")))
        {
            var code = row["role"];
            if (!roles.Exists(r => r.Code == code))
            {
                roles.Add(new ArrsRole(code, row["name"], row["afc_band"]));
            }

            if (row["effective_from"].Length > 0)
            {
                maxima.Add(new ArrsMaximum(code, ParseRegion(row["region"]), DateOnly.ParseExact(row["effective_from"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    row["maximum_per_wte"].Length == 0 ? null : Money.FromPounds(decimal.Parse(row["maximum_per_wte"], CultureInfo.InvariantCulture)),
                    row["checked"] == "yes", row["source"]));
            }
        }

        var rates = Read(Path.Combine(folder, "payment-rates.csv")).Select(row => new PaymentRate(
            row["rate"], row["name"], row["per"], DateOnly.ParseExact(row["effective_from"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            decimal.Parse(row["pounds"], CultureInfo.InvariantCulture), row["checked"] == "yes", row["source"])).ToList();
        return new RateBook(roles, maxima, rates);
    }

    public static ArrsRegion ParseRegion(string text) => text switch
    {
        "national" => ArrsRegion.National,
        "outer-london" => ArrsRegion.OuterLondon,
        "inner-london" => ArrsRegion.InnerLondon,
        _ => throw new FormatException($"'{text}' is not a region (national, outer-london, inner-london)."),
    };

    private static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? string.Empty, StringComparer.Ordinal));
        }

        return rows;
    }
}

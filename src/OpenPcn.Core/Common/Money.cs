using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenPcn.Core.Common;

/// <summary>
/// An amount of money in whole pence (never floating point). Arithmetic is exact; a computed amount with a fraction
/// of a penny becomes money only through <see cref="Round"/>, which rounds half away from zero, once, at the end of a
/// formula. <see cref="Allocate"/> shares an amount out so that the shares add up to it exactly.
/// </summary>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(long Pence) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    /// <summary>The largest amount OpenPCN takes in (a billion pounds): anything larger is a typing error.</summary>
    public const decimal MaximumPounds = 1_000_000_000m;

    /// <summary>Pounds as decimal (for formulas that multiply by rates); exact.</summary>
    public decimal Pounds => Pence / 100m;

    /// <summary>An amount in pounds that must be whole pence (a rate from a file, a typed amount).</summary>
    public static Money FromPounds(decimal pounds)
    {
        if (Math.Abs(pounds) > MaximumPounds)
        {
            throw new RuleViolationException("Amount", string.Create(CultureInfo.InvariantCulture, $"£{pounds} is more than OpenPCN takes (£{MaximumPounds:N0})."));
        }

        var pence = pounds * 100m;
        if (pence != decimal.Truncate(pence))
        {
            throw new RuleViolationException("Amount", string.Create(CultureInfo.InvariantCulture, $"£{pounds} is not a whole number of pence."));
        }

        return new Money((long)pence);
    }

    /// <summary>A computed amount in pounds, rounded to the nearest penny, halves away from zero.</summary>
    public static Money Round(decimal pounds) => new((long)Math.Round(pounds * 100m, 0, MidpointRounding.AwayFromZero));

    /// <summary>Parses "1234.56", "£1,234.56" or "-12.5" (whole pence only).</summary>
    public static bool TryParse(string? text, out Money money)
    {
        money = Zero;
        var cleaned = (text ?? string.Empty).Trim().Replace("£", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds)
            || decimal.Round(pounds, 2) != pounds || Math.Abs(pounds) > MaximumPounds)
        {
            return false;
        }

        money = new Money((long)(pounds * 100m));
        return true;
    }

    public static Money operator +(Money a, Money b) => new(checked(a.Pence + b.Pence));

    public static Money operator -(Money a, Money b) => new(checked(a.Pence - b.Pence));

    public static Money operator -(Money a) => new(checked(-a.Pence));

    public static Money operator *(Money a, int times) => new(checked(a.Pence * times));

    public static bool operator <(Money a, Money b) => a.Pence < b.Pence;

    public static bool operator >(Money a, Money b) => a.Pence > b.Pence;

    public static bool operator <=(Money a, Money b) => a.Pence <= b.Pence;

    public static bool operator >=(Money a, Money b) => a.Pence >= b.Pence;

    public static Money Min(Money a, Money b) => a <= b ? a : b;

    public static Money Max(Money a, Money b) => a >= b ? a : b;

    public static Money Sum(IEnumerable<Money> amounts) => new(amounts.Sum(a => a.Pence));

    public int CompareTo(Money other) => Pence.CompareTo(other.Pence);

    /// <summary>
    /// Shares this amount in proportion to <paramref name="weights"/> (non-negative, not all zero) by the largest
    /// remainder rule: each share is first rounded down to the penny, then the pence left over go one each to the
    /// shares with the largest fractions (ties to the earlier share). The shares always add up to this amount.
    /// </summary>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<decimal> weights)
    {
        if (weights.Count == 0 || weights.Any(w => w < 0) || weights.Sum() == 0)
        {
            throw new RuleViolationException("Weights", "An amount can only be shared by non-negative weights that are not all zero.");
        }

        var total = weights.Sum();
        var sign = Pence < 0 ? -1 : 1;
        var pence = Math.Abs(Pence);
        var exact = weights.Select(w => pence * w / total).ToList();
        var floors = exact.Select(e => (long)decimal.Floor(e)).ToArray();
        var left = pence - floors.Sum();
        foreach (var i in exact.Select((e, i) => (Fraction: e - decimal.Floor(e), Index: i))
                     .OrderByDescending(x => x.Fraction).ThenBy(x => x.Index).Take((int)left).Select(x => x.Index))
        {
            floors[i]++;
        }

        return floors.Select(f => new Money(sign * f)).ToList();
    }

    /// <summary>"£1,234.56" (minus sign first when negative).</summary>
    public override string ToString() =>
        (Pence < 0 ? "-" : string.Empty) + "£" + (Math.Abs(Pence) / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>"1234.56": for CSV and Excel cells.</summary>
    public string ToPlainString() => Pounds.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>Money in JSON is a number of pounds with at most two decimals (1234.56); more decimals are refused.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var pounds = reader.GetDecimal();
        return decimal.Round(pounds, 2) == pounds && Math.Abs(pounds) <= Money.MaximumPounds
            ? new Money((long)(pounds * 100m))
            : throw new JsonException($"{pounds} is not a whole number of pence up to a billion pounds.");
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Pounds);
}

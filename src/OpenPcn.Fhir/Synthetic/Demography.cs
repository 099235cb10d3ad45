using System.Globalization;

namespace OpenPcn.Fhir.Synthetic;

/// <summary>English registered-population age bands (pcn-facts §7) and the draws that use them.</summary>
internal static class AgeBands
{
    public const int Count = 7;
    private static readonly int[] Low = [0, 5, 18, 45, 65, 75, 85];
    private static readonly int[] High = [4, 17, 44, 64, 74, 84, 99];

    /// <summary>Share of registered patients: 0–4 5%, 5–17 15%, 18–44 37%, 45–64 25%, 65–74 9.5%, 75–84 6.5%, 85+ 2.3%.</summary>
    public static readonly double[] Share = [0.05, 0.15, 0.37, 0.25, 0.095, 0.065, 0.023];

    /// <summary>Share female: more women at older ages.</summary>
    private static readonly double[] Female = [0.49, 0.49, 0.50, 0.50, 0.52, 0.55, 0.64];

    public static int BandOf(int age) => age switch { < 5 => 0, < 18 => 1, < 45 => 2, < 65 => 3, < 75 => 4, < 85 => 5, _ => 6 };

    public static (int Age, bool Female) Draw(Rng rng)
    {
        var band = rng.Pick(Share);
        // 85+: a falling tail (mean about 89), capped at 104.
        var age = band == 6 ? Math.Min(104, 85 + (int)(-4.5 * Math.Log(1.0 - rng.NextDouble()))) : rng.Between(Low[band], High[band]);
        return (age, rng.Chance(Female[band]));
    }

    /// <summary>Fraction of a band's people aged at least <paramref name="minAge"/> (ages are uniform within a band).</summary>
    public static double FractionAtLeast(int band, int minAge)
    {
        if (minAge <= Low[band])
        {
            return 1.0;
        }

        return minAge > High[band] ? 0.0 : (High[band] - minAge + 1) / (double)(High[band] - Low[band] + 1);
    }

    /// <summary>Share of everyone aged at least <paramref name="minAge"/>.</summary>
    public static double ShareAtLeast(int minAge)
    {
        var total = 0.0;
        var all = 0.0;
        for (var b = 0; b < Count; b++)
        {
            total += Share[b] * FractionAtLeast(b, minAge);
            all += Share[b];
        }

        return total / all;
    }
}

/// <summary>UK Core ethnic category (2001 census categories) with an England-like mix (2021 census, plus "not stated").</summary>
internal static class Ethnicity
{
    private static readonly (string Code, string Display, double Weight)[] Categories =
    [
        ("A", "British, Mixed British", 70.0), ("B", "Irish", 0.9), ("C", "Any other White background", 6.0),
        ("D", "White and Black Caribbean", 0.9), ("E", "White and Black African", 0.4), ("F", "White and Asian", 0.8),
        ("G", "Any other mixed background", 0.8), ("H", "Indian", 3.2), ("J", "Pakistani", 2.6), ("K", "Bangladeshi", 1.0),
        ("L", "Any other Asian background", 1.6), ("M", "Caribbean", 1.0), ("N", "African", 2.5),
        ("P", "Any other Black background", 0.5), ("R", "Chinese", 0.7), ("S", "Any other ethnic group", 2.1),
        ("Z", "Not stated", 5.0),
    ];

    private static readonly double[] Weights = Categories.Select(c => c.Weight).ToArray();

    public static readonly Code[] Codes = Categories
        .Select(c => new Code("https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategory", c.Code, c.Display)).ToArray();

    public static int Draw(Rng rng) => rng.Pick(Weights);

    /// <summary>Black African or Caribbean family origin (NICE NG136 starts a calcium-channel blocker first).</summary>
    public static bool IsBlack(int index) => Categories[index].Code is "D" or "E" or "M" or "N" or "P";
}

/// <summary>
/// The network's small areas: fictional LSOAs (codes <c>E01</c> + 6 digits from a range far above real ones), each
/// with an IMD decile and a fictional postcode district <c>QQ</c> (no real postcode area starts with Q). Deciles are
/// spread evenly over the areas (in an order set by the seed) so deprivation, which raises several conditions, does
/// not move the overall prevalences from one seed to another.
/// </summary>
internal sealed class Areas
{
    private readonly string[] _lsoa;
    private readonly int[] _decile;

    public Areas(int seed, int patients)
    {
        var count = 10 * Math.Clamp(patients / 15000, 1, 40);
        var rng = new Rng(seed, -1);
        _lsoa = new string[count];
        _decile = new int[count];
        for (var i = 0; i < count; i++)
        {
            _lsoa[i] = string.Create(CultureInfo.InvariantCulture, $"E01{900000 + i:D6}");
            _decile[i] = (i % 10) + 1;
        }

        // Shuffle the deciles (Fisher–Yates) so neighbouring LSOA codes are not in decile order.
        for (var i = count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (_decile[i], _decile[j]) = (_decile[j], _decile[i]);
        }
    }

    public int Draw(Rng rng) => rng.Next(_lsoa.Length);

    public string Lsoa(int area) => _lsoa[area];

    public int ImdDecile(int area) => _decile[area];

    public static string Postcode(int area, Rng rng) =>
        string.Create(CultureInfo.InvariantCulture, $"QQ{1 + (area % 99)} {rng.Between(1, 9)}{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}");
}

/// <summary>
/// Unique NHS numbers in the test range 999 000 0000 – 999 999 9999 (reserved for test data): the six middle digits
/// walk an affine permutation of 0–999,999 chosen by the seed, skipping the ones whose Modulus 11 check digit is 10.
/// </summary>
internal sealed class NhsNumbers(int seed)
{
    public const int Capacity = 900_000;
    private const int Range = 1_000_000;
    private readonly long _step = 7 + (2 * 10 * (((uint)seed % 40_000) + 1)) + 2; // odd, not a multiple of 5: coprime with 10^6
    private readonly long _offset = (uint)seed * 7919L % Range;
    private long _next;

    public string Next()
    {
        while (true)
        {
            var middle = ((_next++ * _step) + _offset) % Range;
            var nine = 999_000_000L + middle;
            var sum = 0;
            var n = nine;
            for (var weight = 2; weight <= 10; weight++)
            {
                sum += (int)(n % 10) * weight;
                n /= 10;
            }

            var check = 11 - (sum % 11);
            if (check == 11)
            {
                check = 0;
            }

            if (check != 10)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{nine}{check}");
            }
        }
    }
}

using System.Diagnostics.CodeAnalysis;

namespace OpenPcn.Core.Features.Population;

/// <summary>
/// A SNOMED CT identifier (concept, description or relationship id, including UK extension ids): 6 to 18 digits, no
/// leading zero, the last digit a Verhoeff check digit over the others. A code that fails is not SNOMED CT, whatever
/// system it arrived with, so data quality counts it as an unknown code.
/// </summary>
internal readonly record struct SnomedCtId
{
    // Verhoeff's dihedral group D5 multiplication table, its position permutation and the inverse table.
    private static readonly byte[,] Multiply =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[,] Permute =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    private static readonly byte[] Inverse = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

    private readonly string? _value;

    private SnomedCtId(string value) => _value = value;

    /// <summary>The digits.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Is <paramref name="code"/> a well-formed SNOMED CT identifier with a correct Verhoeff check digit?</summary>
    public static bool IsValid([NotNullWhen(true)] string? code) => TryParse(code, out _);

    public static bool TryParse([NotNullWhen(true)] string? code, out SnomedCtId id)
    {
        id = default;
        if (code is null || code.Length is < 6 or > 18 || code[0] == '0' || !code.All(char.IsAsciiDigit) || !HasValidCheckDigit(code))
        {
            return false;
        }

        id = new SnomedCtId(code);
        return true;
    }

    /// <summary>Verhoeff's check: folding every digit from the right (check digit first) through the tables ends at 0.</summary>
    public static bool HasValidCheckDigit(ReadOnlySpan<char> digits)
    {
        var check = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            check = Multiply[check, Permute[i % 8, digits[digits.Length - 1 - i] - '0']];
        }

        return check == 0;
    }

    /// <summary>The Verhoeff check digit to append to <paramref name="digits"/> (for tests and generated data).</summary>
    public static char CheckDigitFor(ReadOnlySpan<char> digits)
    {
        var check = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            check = Multiply[check, Permute[(i + 1) % 8, digits[digits.Length - 1 - i] - '0']];
        }

        return (char)('0' + Inverse[check]);
    }

    public override string ToString() => Value;
}

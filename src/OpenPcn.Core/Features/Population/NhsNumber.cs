using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using OpenPcn.Core.Common;

namespace OpenPcn.Core.Features.Population;

/// <summary>
/// A patient's NHS number: ten digits whose last is a Modulus 11 check digit over the first nine (weights 10 to 2;
/// a remainder giving 10 means the number is invalid). Parsing accepts spaces and hyphens (<c>943 476 5919</c>).
/// <see cref="ToString"/> masks all but the last four digits so a number never reaches a log by accident;
/// <see cref="Value"/> and <see cref="Formatted"/> are for the few places that must show or store it.
/// </summary>
[JsonConverter(typeof(ParsableValueJsonConverter<NhsNumber>))]
public readonly record struct NhsNumber : IParsable<NhsNumber>
{
    private readonly string? _value;

    private NhsNumber(string value) => _value = value;

    /// <summary>The ten digits, unspaced.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The display form <c>XXX XXX XXXX</c>.</summary>
    public string Formatted => Value.Length == 10 ? $"{Value[..3]} {Value[3..6]} {Value[6..]}" : Value;

    public static NhsNumber Parse(string s) =>
        TryParse(s, out var number)
            ? number
            : throw new FormatException("Not a valid NHS number (ten digits with a correct Modulus 11 check digit).");

    static NhsNumber IParsable<NhsNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<NhsNumber>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out NhsNumber result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out NhsNumber result)
    {
        result = default;
        if (s is null || s.Length > 20)
        {
            return false;
        }

        Span<char> digits = stackalloc char[10];
        var count = 0;
        foreach (var c in s)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (c is < '0' or > '9' || count == 10)
            {
                return false;
            }

            digits[count++] = c;
        }

        if (count != 10 || !HasValidCheckDigit(digits))
        {
            return false;
        }

        result = new NhsNumber(new string(digits));
        return true;
    }

    /// <summary>The Modulus 11 check: 11 − (Σ digit × weight mod 11), where 11 means 0 and 10 means invalid.</summary>
    public static bool HasValidCheckDigit(ReadOnlySpan<char> tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (tenDigits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == tenDigits[9] - '0';
    }

    /// <summary>Masked: <c>*** *** 5919</c>. Use <see cref="Formatted"/> where the full number must be shown.</summary>
    public override string ToString() => Value.Length == 10 ? $"*** *** {Value[6..]}" : string.Empty;
}

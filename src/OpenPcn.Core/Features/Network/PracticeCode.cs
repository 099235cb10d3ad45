using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using OpenPcn.Core.Common;

namespace OpenPcn.Core.Features.Network;

/// <summary>
/// The ODS code of a GP practice: one capital letter then five digits, e.g. <c>A81001</c>.
/// Parsing trims and upper-cases, so <c>" a81001 "</c> is accepted.
/// </summary>
[JsonConverter(typeof(ParsableValueJsonConverter<PracticeCode>))]
public readonly record struct PracticeCode : IParsable<PracticeCode>
{
    private readonly string? _value;

    private PracticeCode(string value) => _value = value;

    /// <summary>The code, e.g. <c>A81001</c>.</summary>
    public string Value => _value ?? string.Empty;

    public static PracticeCode Parse(string s) =>
        TryParse(s, out var code)
            ? code
            : throw new FormatException($"'{s}' is not a practice ODS code (one letter and five digits, e.g. A81001).");

    static PracticeCode IParsable<PracticeCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<PracticeCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PracticeCode result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out PracticeCode result)
    {
        result = default;
        if (s is null)
        {
            return false;
        }

        var text = s.Trim().ToUpperInvariant();
        if (text.Length != 6 || text[0] is < 'A' or > 'Z' || text.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        result = new PracticeCode(text);
        return true;
    }

    public override string ToString() => Value;
}

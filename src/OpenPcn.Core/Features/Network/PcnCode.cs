using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using OpenPcn.Core.Common;

namespace OpenPcn.Core.Features.Network;

/// <summary>
/// The ODS code of a Primary Care Network: <c>U</c> then five digits, e.g. <c>U89141</c>.
/// The national files use the bare <c>U</c> for practices not allocated to a PCN; that is not a PCN code.
/// </summary>
[JsonConverter(typeof(ParsableValueJsonConverter<PcnCode>))]
public readonly record struct PcnCode : IParsable<PcnCode>
{
    private readonly string? _value;

    private PcnCode(string value) => _value = value;

    /// <summary>The code, e.g. <c>U89141</c>.</summary>
    public string Value => _value ?? string.Empty;

    public static PcnCode Parse(string s) =>
        TryParse(s, out var code)
            ? code
            : throw new FormatException($"'{s}' is not a PCN ODS code (U and five digits, e.g. U89141).");

    static PcnCode IParsable<PcnCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<PcnCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PcnCode result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out PcnCode result)
    {
        result = default;
        if (s is null)
        {
            return false;
        }

        var text = s.Trim().ToUpperInvariant();
        if (text.Length != 6 || text[0] != 'U' || text.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        result = new PcnCode(text);
        return true;
    }

    public override string ToString() => Value;
}

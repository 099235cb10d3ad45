using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using OpenPcn.Core.Common;

namespace OpenPcn.Core.Features.Network;

/// <summary>
/// Any organisation's ODS code (a trust <c>RX1</c>, an ICB <c>QOP</c>, a sub-ICB location <c>00T</c>, a pharmacy
/// <c>FA123</c>): three to ten capital letters and digits. Use <see cref="PracticeCode"/> or <see cref="PcnCode"/>
/// where the kind is known.
/// </summary>
[JsonConverter(typeof(ParsableValueJsonConverter<OdsCode>))]
public readonly record struct OdsCode : IParsable<OdsCode>
{
    private static readonly SearchValues<char> Allowed = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private readonly string? _value;

    private OdsCode(string value) => _value = value;

    public string Value => _value ?? string.Empty;

    public static OdsCode Parse(string s) =>
        TryParse(s, out var code)
            ? code
            : throw new FormatException($"'{s}' is not an ODS code (3 to 10 letters and digits).");

    static OdsCode IParsable<OdsCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<OdsCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out OdsCode result) =>
        TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, out OdsCode result)
    {
        result = default;
        if (s is null)
        {
            return false;
        }

        var text = s.Trim().ToUpperInvariant();
        if (text.Length is < 3 or > 10 || text.AsSpan().ContainsAnyExcept(Allowed))
        {
            return false;
        }

        result = new OdsCode(text);
        return true;
    }

    public override string ToString() => Value;
}

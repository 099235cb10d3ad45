using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenPcn.Core.Common;

/// <summary>Serialises a small parsable value type (an ODS code, say) as its string form.</summary>
public sealed class ParsableValueJsonConverter<T> : JsonConverter<T>
    where T : IParsable<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return T.TryParse(text, null, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a valid {typeof(T).Name}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

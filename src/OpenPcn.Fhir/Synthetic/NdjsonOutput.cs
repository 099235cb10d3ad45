using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace OpenPcn.Fhir.Synthetic;

/// <summary>One NDJSON file: resources are written into a buffer, one line each, and flushed to disk in large blocks.</summary>
internal sealed class NdjsonFile : IDisposable
{
    private const int FlushThreshold = 1 << 18;
    private static readonly JsonWriterOptions Options = new() { Indented = false, SkipValidation = true };

    private readonly FileStream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);
    private readonly Utf8JsonWriter _json;

    public NdjsonFile(string path)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    public long Count { get; private set; }

    /// <summary>Starts a resource: the writer is positioned inside its top-level object, after <c>resourceType</c>.</summary>
    public Utf8JsonWriter Begin(ReadOnlySpan<byte> resourceType)
    {
        _json.WriteStartObject();
        _json.WriteString("resourceType"u8, resourceType);
        return _json;
    }

    public void End()
    {
        _json.WriteEndObject();
        _json.Flush();
        _buffer.Write("\n"u8);
        _json.Reset(_buffer);
        Count++;
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            _stream.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }

    public void Dispose()
    {
        _json.Flush();
        _stream.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        _json.Dispose();
        _stream.Dispose();
    }
}

/// <summary>The small FHIR JSON shapes every resource repeats.</summary>
internal static class Json
{
    public static readonly JsonEncodedText Snomed = JsonEncodedText.Encode("http://snomed.info/sct");
    public static readonly JsonEncodedText Ucum = JsonEncodedText.Encode("http://unitsofmeasure.org");

    public static void Date(Utf8JsonWriter w, ReadOnlySpan<byte> name, DateOnly date)
    {
        Span<byte> buffer = stackalloc byte[10];
        date.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        w.WriteString(name, buffer[..written]);
    }

    /// <summary>A dateTime at a given minute of the day, in UTC (GP systems export local time; UTC keeps it culture-free).</summary>
    public static void DateTime(Utf8JsonWriter w, ReadOnlySpan<byte> name, DateOnly date, int minuteOfDay)
    {
        Span<byte> buffer = stackalloc byte[32];
        var value = date.ToDateTime(new TimeOnly(minuteOfDay / 60, minuteOfDay % 60), DateTimeKind.Utc);
        value.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        w.WriteString(name, buffer[..written]);
    }

    public static void Coding(Utf8JsonWriter w, Code code)
    {
        w.WriteStartObject();
        w.WriteString("system"u8, code.System);
        w.WriteString("code"u8, code.Value);
        if (code.RawDisplay.Length > 0)
        {
            w.WriteString("display"u8, code.Display);
        }

        w.WriteEndObject();
    }

    /// <summary><c>"name": {"coding": [ … ]}</c>.</summary>
    public static void Concept(Utf8JsonWriter w, ReadOnlySpan<byte> name, Code code)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WritePropertyName("coding"u8);
        w.WriteStartArray();
        Coding(w, code);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A code with no display, from a FHIR code system (status codes and the like).</summary>
    public static void SimpleConcept(Utf8JsonWriter w, ReadOnlySpan<byte> name, ReadOnlySpan<byte> system, ReadOnlySpan<byte> code)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WritePropertyName("coding"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("system"u8, system);
        w.WriteString("code"u8, code);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Reference(Utf8JsonWriter w, ReadOnlySpan<byte> name, string reference)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WriteString("reference"u8, reference);
        w.WriteEndObject();
    }

    public static void Quantity(Utf8JsonWriter w, ReadOnlySpan<byte> name, double value, Unit unit)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WriteNumber("value"u8, value);
        w.WriteString("unit"u8, unit.Display);
        w.WriteString("system"u8, Ucum);
        w.WriteString("code"u8, unit.Ucum);
        w.WriteEndObject();
    }

    public static string Id(char prefix, int patient, int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{patient}-{n}");
}

using System.Globalization;
using System.Text.Json;

namespace OpenPcn.Fhir.Synthetic;

/// <summary>The network: one PCN Organization and its practices (partOf the PCN, with list sizes).</summary>
internal static class OrganizationWriter
{
    private static readonly JsonEncodedText OdsSystem = JsonEncodedText.Encode("https://fhir.nhs.uk/Id/ods-organization-code");
    private static readonly JsonEncodedText GeographyUrl = JsonEncodedText.Encode("https://openpcn.org/fhir/StructureDefinition/pcn-geography");
    private static readonly JsonEncodedText ListSizeUrl = JsonEncodedText.Encode("https://openpcn.org/fhir/StructureDefinition/list-size");

    private static readonly string[] PracticeNames =
    [
        "Riverside Surgery", "Oak Tree Medical Centre", "Market Street Practice", "Meadowbank Health Centre",
        "Church Lane Surgery", "Parkview Medical Practice", "Hillside Family Practice", "Station Road Surgery",
        "The Willows Medical Centre", "Castle Gate Surgery", "Brookfield Health Centre", "Elmwood Practice",
    ];

    public static string PracticeName(int i) =>
        i < PracticeNames.Length ? PracticeNames[i] : string.Create(CultureInfo.InvariantCulture, $"Synthetic Practice {i + 1}");

    public static void WritePcn(NdjsonFile file, string code, string name)
    {
        var w = file.Begin("Organization"u8);
        w.WriteString("id"u8, code);
        w.WritePropertyName("extension"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("url"u8, GeographyUrl);
        w.WritePropertyName("extension"u8);
        w.WriteStartArray();
        Sub(w, "icb-code", "QZZ");
        Sub(w, "icb-name", "NHS Synthetic Integrated Care Board");
        Sub(w, "sub-icb-code", "99Z");
        Sub(w, "sub-icb-name", "NHS Synthetic ICB - 99Z");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        Identifier(w, code);
        w.WriteBoolean("active"u8, true);
        w.WriteString("name"u8, name);
        file.End();
    }

    public static void WritePractice(NdjsonFile file, string code, string name, string pcnCode, DateOnly censusDate, int registered, double weighted)
    {
        var w = file.Begin("Organization"u8);
        w.WriteString("id"u8, code);
        w.WritePropertyName("extension"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("url"u8, ListSizeUrl);
        w.WritePropertyName("extension"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("url"u8, "census-date"u8);
        Json.Date(w, "valueDate"u8, censusDate);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("url"u8, "registered"u8);
        w.WriteNumber("valueInteger"u8, registered);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("url"u8, "weighted"u8);
        w.WriteNumber("valueDecimal"u8, Math.Round(weighted, 2));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        Identifier(w, code);
        w.WriteBoolean("active"u8, true);
        w.WriteString("name"u8, name);
        w.WritePropertyName("partOf"u8);
        w.WriteStartObject();
        w.WriteString("reference"u8, "Organization/" + pcnCode);
        w.WritePropertyName("identifier"u8);
        w.WriteStartObject();
        w.WriteString("system"u8, OdsSystem);
        w.WriteString("value"u8, pcnCode);
        w.WriteEndObject();
        w.WriteEndObject();
        file.End();
    }

    private static void Identifier(Utf8JsonWriter w, string code)
    {
        w.WritePropertyName("identifier"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("system"u8, OdsSystem);
        w.WriteString("value"u8, code);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void Sub(Utf8JsonWriter w, string url, string value)
    {
        w.WriteStartObject();
        w.WriteString("url"u8, url);
        w.WriteString("valueString"u8, value);
        w.WriteEndObject();
    }
}

using System.Text;
using System.Text.Json;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Language.Json;

/// <summary>
/// The JSON form of a definition, which the cohort builder page saves and loads. Every series is an object with an
/// <c>op</c> (<c>{"op":"gt","left":…,"right":…}</c>), every frame an object with a <c>frame</c> kind (<c>table</c>,
/// <c>where</c>, <c>first</c>, <c>last</c>) written inline, constants carry their type
/// (<c>{"op":"value","type":"date","value":"2025-04-01"}</c>) and codelists are named by id only.
/// </summary>
public static class CohortJson
{
    /// <summary>The longest JSON text read (characters).</summary>
    public const int MaxLength = 1_000_000;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>The definition as indented JSON.</summary>
    public static string Serialize(CohortDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("name", definition.Name);
            json.WriteString("title", definition.Title);
            json.WriteString("description", definition.Description);
            json.WriteString("source", definition.Source);
            json.WriteNumber("year", definition.Year);
            json.WriteString("category", definition.Category);
            json.WriteString("reason", definition.Reason);
            json.WriteStartArray("codelists");
            foreach (var codelist in definition.Codelists)
            {
                json.WriteStringValue(codelist.Id);
            }

            json.WriteEndArray();
            json.WritePropertyName("query");
            new JsonQueryWriter(json).Query(definition.Query);
            json.WriteEndObject();
        });
    }

    /// <summary>The query alone as indented JSON.</summary>
    public static string SerializeQuery(CohortQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Write(json => new JsonQueryWriter(json).Query(query));
    }

    /// <summary>One series as indented JSON (for messages and the language reference).</summary>
    public static string SerializeSeries(Series series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Write(json => new JsonQueryWriter(json).Series(series));
    }

    /// <summary>
    /// The definition in <paramref name="json"/>, its codelists looked up by id through <paramref name="codelists"/>
    /// (which throws <see cref="CohortModelException"/> or returns null for an unknown id).
    /// </summary>
    /// <exception cref="CohortModelException">The JSON is invalid or too large or deep, or describes a definition that does not make sense; the message names where.</exception>
    public static CohortDefinition Deserialize(string json, Func<string, Codelist?> codelists)
    {
        ArgumentNullException.ThrowIfNull(codelists);
        using var document = Parse(json);
        var root = document.RootElement;
        JsonQueryReader.RequireObject(root, "");
        var reader = new JsonQueryReader(id => codelists(id)!);
        var listed = JsonQueryReader.Property(root, "codelists", "");
        if (listed.ValueKind != JsonValueKind.Array)
        {
            throw JsonQueryReader.Error("codelists", "must be an array of codelist ids");
        }

        var used = new List<Codelist>();
        var index = 0;
        foreach (var id in listed.EnumerateArray())
        {
            var path = $"codelists[{index++}]";
            used.Add(reader.Codelist(id.ValueKind == JsonValueKind.String ? id.GetString()! : throw JsonQueryReader.Error(path, "must be a string"), path));
        }

        var query = reader.Query(JsonQueryReader.Property(root, "query", ""), "query");
        var year = JsonQueryReader.Property(root, "year", "");
        if (year.ValueKind != JsonValueKind.Number || !year.TryGetInt32(out var yearValue))
        {
            throw JsonQueryReader.Error("year", "must be a whole number");
        }

        return JsonQueryReader.Build("", () => new CohortDefinition(
            JsonQueryReader.String(root, "name", ""),
            JsonQueryReader.String(root, "title", ""),
            JsonQueryReader.String(root, "description", ""),
            JsonQueryReader.String(root, "source", ""),
            yearValue,
            query,
            JsonQueryReader.String(root, "reason", ""),
            used,
            JsonQueryReader.String(root, "category", "")));
    }

    /// <summary>The query in <paramref name="json"/> (the form <see cref="SerializeQuery"/> writes).</summary>
    /// <exception cref="CohortModelException">The JSON is invalid or too large or deep, or describes a query that does not make sense; the message names where.</exception>
    public static CohortQuery DeserializeQuery(string json, Func<string, Codelist?> codelists)
    {
        ArgumentNullException.ThrowIfNull(codelists);
        using var document = Parse(json);
        return new JsonQueryReader(id => codelists(id)!).Query(document.RootElement, "");
    }

    private static JsonDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
        {
            throw new CohortModelException($"A definition's JSON may be at most {MaxLength} characters; this is {json.Length}.");
        }

        try
        {
            // Each node of the model nests at most two JSON levels (a frame inside a series).
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = (JsonQueryReader.MaxNodeDepth * 2) + 8 });
        }
        catch (JsonException e)
        {
            throw new CohortModelException($"The definition is not valid JSON: {e.Message}");
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

using System.Buffers;
using System.IO.Hashing;
using System.Text.Json;
using System.Threading.Channels;
using System.Xml;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// Reads input files into <see cref="ImportItem"/> batches on its own task: NDJSON line by line in constant memory
/// (ResourceReader.NdJson.cs), a Bundle (JSON or XML) as one document up to <see cref="MaxDocumentBytes"/>, its
/// entries in two passes so Organizations, Patients, episodes and Medications come before the records that refer to
/// them. Every resource is mapped on this task, in input order.
/// </summary>
internal sealed partial class ResourceReader(ResourceMapper mapper, ChannelWriter<ImportItem[]> output, ImportCounters counters)
{
    /// <summary>Firely holds a parsed document several times its size in memory: above this, export NDJSON instead.</summary>
    public const long MaxDocumentBytes = 64L << 20;
    public const int MaxLineBytes = 16 << 20;
    private const int BatchSize = 256;

    private static readonly DeserializerSettings Settings = new DeserializerSettings().UsingMode(DeserializationMode.Recoverable);

    private readonly BaseFhirJsonDeserializer _json = new(ModelInfo.ModelInspector, Settings);
    private readonly BaseFhirXmlDeserializer _xml = new(ModelInfo.ModelInspector, Settings);
    private readonly BaseFhirJsonSerializer _serializer = new(ModelInfo.ModelInspector);
    private readonly ArrayBufferWriter<byte> _scratch = new(1 << 16);
    private List<ImportItem> _batch = new(BatchSize);

    public async System.Threading.Tasks.Task ReadAsync(IReadOnlyList<InputFile> files, CancellationToken ct)
    {
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            await EmitAsync(new ImportItem { File = file.Name, Location = string.Empty, Kind = ItemKind.Skipped, Reason = FileStart }, ct);
            try
            {
                if (file.Format == InputFormat.NdJson)
                {
                    await ReadNdJsonAsync(file, ct);
                }
                else
                {
                    await ReadDocumentAsync(file, ct);
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                await EmitAsync(ImportItem.Reject(file.Name, "file", null, null, "unreadable file: " + e.GetType().Name), ct);
            }

            counters.AddBytes(file.Length);
            await FlushAsync(ct);
        }

        await FlushAsync(ct);
    }

    /// <summary>Marks the start of a file in the stream of items (the writer reports progress by file).</summary>
    public const string FileStart = "file-start";

    private async System.Threading.Tasks.Task ReadDocumentAsync(InputFile file, CancellationToken ct)
    {
        var tooBig = $"a Bundle or resource file may be at most {MaxDocumentBytes >> 20} MB; export NDJSON instead";
        if (file.Length > MaxDocumentBytes)
        {
            await EmitAsync(ImportItem.Reject(file.Name, "file", null, null, tooBig), ct);
            return;
        }

        Resource? resource = null;
        await using (var stream = file.Open())
        {
            // A zip entry's stated length may be wrong: stop at the limit on what is actually read.
            using var memory = await ReadAtMostAsync(stream, MaxDocumentBytes, ct);
            if (memory is null)
            {
                await EmitAsync(ImportItem.Reject(file.Name, "file", null, null, tooBig), ct);
                return;
            }

            try
            {
                if (file.Format == InputFormat.Json)
                {
                    var reader = new Utf8JsonReader(memory.GetBuffer().AsSpan(0, (int)memory.Length), new JsonReaderOptions { MaxDepth = 256 });
                    _json.TryDeserializeResource(ref reader, out resource, out _);
                }
                else
                {
                    using var xml = XmlReader.Create(memory, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
                    _xml.TryDeserializeResource(xml, out resource, out _);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                resource = null;
            }
        }

        if (resource is null)
        {
            await EmitAsync(ImportItem.Reject(file.Name, "file", null, null, file.Format == InputFormat.Json ? "unparseable JSON or not a FHIR resource" : "unparseable XML or not a FHIR resource"), ct);
            return;
        }

        if (resource is not Bundle bundle)
        {
            await EmitAsync(mapper.Map(resource, file.Name, "resource", Hash(resource), null), ct);
            return;
        }

        // Two passes: the resources others refer to first (in type order, PCN before practices), then the rest.
        var entries = bundle.Entry.Select((e, i) => (Entry: e, Number: i + 1)).ToList();
        var first = entries.Where(e => FirstPassRank(e.Entry.Resource) is not null)
            .OrderBy(e => FirstPassRank(e.Entry.Resource)).ThenBy(e => e.Number).ToList();
        foreach (var (entry, number) in first.Concat(entries.Where(e => FirstPassRank(e.Entry.Resource) is null)))
        {
            ct.ThrowIfCancellationRequested();
            var location = $"entry {number}";
            var fullUrl = string.IsNullOrWhiteSpace(entry.FullUrl) ? null : entry.FullUrl.Trim();
            // An entry without a resource (a batch's GET or DELETE request) carries no record: skipped.
            await EmitAsync(entry.Resource is null
                ? new ImportItem { File = file.Name, Location = location, Kind = ItemKind.Skipped }
                : mapper.Map(entry.Resource, file.Name, location, Hash(entry.Resource), fullUrl is { Length: <= FhirValues.MaxId } ? fullUrl : null), ct);
        }
    }

    /// <summary>The whole stream in memory, or null when it holds more than <paramref name="max"/> bytes.</summary>
    private static async System.Threading.Tasks.Task<MemoryStream?> ReadAtMostAsync(Stream stream, long max, CancellationToken ct)
    {
        var memory = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                if (memory.Length + read > max)
                {
                    await memory.DisposeAsync();
                    return null;
                }

                memory.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        memory.Position = 0;
        return memory;
    }

    private static int? FirstPassRank(Resource? resource) => resource switch
    {
        Organization o when o.Identifier.Exists(i => i.System == FhirValues.OdsSystem && Core.Features.Network.PcnCode.TryParse(i.Value, out _)) => 0,
        Organization => 1,
        Hl7.Fhir.Model.Patient => 2,
        EpisodeOfCare => 3,
        Medication => 4,
        _ => null,
    };

    /// <summary>A resource from a document is hashed over its JSON re-serialisation, which is stable across runs.</summary>
    private long Hash(Resource resource)
    {
        _scratch.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_scratch))
        {
            _serializer.Serialize(resource, writer);
        }

        return unchecked((long)XxHash64.HashToUInt64(_scratch.WrittenSpan));
    }

    private async ValueTask EmitAsync(ImportItem item, CancellationToken ct)
    {
        _batch.Add(item);
        if (_batch.Count >= BatchSize)
        {
            await FlushAsync(ct);
        }
    }

    private async ValueTask FlushAsync(CancellationToken ct)
    {
        if (_batch.Count == 0)
        {
            return;
        }

        var items = _batch.ToArray();
        _batch = new List<ImportItem>(BatchSize);
        await output.WriteAsync(items, ct);
    }
}

using System.Buffers;
using System.IO.Hashing;
using System.Text.Json;
using System.Threading.Channels;
using System.Xml;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// Reads input files into <see cref="ImportItem"/> batches on its own task: NDJSON line by line in constant memory,
/// a Bundle (JSON or XML) as one document up to <see cref="MaxDocumentBytes"/>, its entries in two passes so
/// Organizations, Patients, episodes and Medications come before the records that refer to them.
/// </summary>
internal sealed partial class ResourceReader(ResourceMapper mapper, ChannelWriter<ImportItem[]> output, ImportCounters counters)
{
    public const long MaxDocumentBytes = 512L << 20;
    public const int MaxLineBytes = 16 << 20;
    private const int BatchSize = 256;

    private static readonly DeserializerSettings Settings = new DeserializerSettings().UsingMode(DeserializationMode.Recoverable);

    // NDJSON lines are parsed in chunks on the thread pool (parsing is most of an import's work, and a laptop has
    // more than one core); chunks are emitted in file order, so what the writer sees is as if read on one thread.
    private static readonly ThreadLocal<BaseFhirJsonDeserializer> LineParsers = new(() => new(ModelInfo.ModelInspector, Settings));
    private readonly BaseFhirJsonDeserializer _json = new(ModelInfo.ModelInspector, Settings);
    private readonly NdJsonChunks _chunks = new();
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

    private async System.Threading.Tasks.Task ReadNdJsonAsync(InputFile file, CancellationToken ct)
    {
        await using var stream = file.Open();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            int start = 0, end = 0, line = 0;
            var eof = false;
            var skippingLongLine = false;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline < 0 && !eof)
                {
                    // Keep the partial line, grow the buffer if one line fills it, read more.
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }

                    if (end == buffer.Length)
                    {
                        if (buffer.Length >= MaxLineBytes)
                        {
                            skippingLongLine = true;
                            end = 0;
                        }
                        else
                        {
                            var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                            Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = bigger;
                        }
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(end), ct);
                    eof = read == 0;
                    end += read;
                    continue;
                }

                var lineEnd = newline < 0 ? end : newline;
                if (newline >= 0 || end > start || skippingLongLine)
                {
                    line++;
                    if (skippingLongLine)
                    {
                        skippingLongLine = false;
                        await AddToChunkAsync(file.Name, line, default, ImportItem.Reject(file.Name, $"line {line}", null, null, $"line longer than {MaxLineBytes >> 20} MB"), ct);
                    }
                    else
                    {
                        var span = buffer.AsSpan(start, lineEnd - start).TrimEnd((byte)'\r');
                        if (!span.Trim((byte)' ').IsEmpty)
                        {
                            await AddToChunkAsync(file.Name, line, span.ToArray(), null, ct);
                        }
                    }
                }

                if (newline < 0)
                {
                    break;
                }

                start = newline + 1;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        await DrainChunksAsync(ct);
    }

    private async ValueTask AddToChunkAsync(string file, int line, byte[]? json, ImportItem? ready, CancellationToken ct)
    {
        if (_chunks.Add(file, line, json, ready) is { } full)
        {
            _chunks.InFlight.Enqueue(System.Threading.Tasks.Task.Run(() => ParseChunk(full), ct));
            while (_chunks.InFlight.Count > NdJsonChunks.MaxInFlight)
            {
                await EmitChunkAsync(await _chunks.InFlight.Dequeue(), ct);
            }
        }
    }

    private async ValueTask DrainChunksAsync(CancellationToken ct)
    {
        if (_chunks.TakePartial() is { } last)
        {
            _chunks.InFlight.Enqueue(System.Threading.Tasks.Task.Run(() => ParseChunk(last), ct));
        }

        while (_chunks.InFlight.Count > 0)
        {
            await EmitChunkAsync(await _chunks.InFlight.Dequeue(), ct);
        }
    }

    private async ValueTask EmitChunkAsync(ImportItem[] items, CancellationToken ct)
    {
        foreach (var item in items)
        {
            await EmitAsync(item, ct);
        }
    }

    private ImportItem[] ParseChunk(NdJsonChunks.Chunk chunk)
    {
        var parser = LineParsers.Value!;
        var items = new ImportItem[chunk.Lines.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var (line, json, ready) = chunk.Lines[i];
            items[i] = ready ?? ParseLine(parser, chunk.File, line, json!);
        }

        return items;
    }

    private ImportItem ParseLine(BaseFhirJsonDeserializer parser, string file, int line, ReadOnlySpan<byte> json)
    {
        var location = $"line {line}";
        var hash = unchecked((long)XxHash64.HashToUInt64(json));
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
            parser.TryDeserializeResource(ref reader, out var resource, out _);
            return resource is null
                ? ImportItem.Reject(file, location, null, null, "unparseable JSON or not a FHIR resource")
                : mapper.Map(resource, file, location, hash, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the parser throws on malformed input, the line is refused and the run goes on.
            return ImportItem.Reject(file, location, null, null, "unparseable JSON or not a FHIR resource");
        }
    }

    private async System.Threading.Tasks.Task ReadDocumentAsync(InputFile file, CancellationToken ct)
    {
        if (file.Length > MaxDocumentBytes)
        {
            await EmitAsync(ImportItem.Reject(file.Name, "file", null, null, $"a Bundle or resource file may be at most {MaxDocumentBytes >> 20} MB; export NDJSON instead"), ct);
            return;
        }

        Resource? resource = null;
        try
        {
            await using var stream = file.Open();
            if (file.Format == InputFormat.Json)
            {
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory, ct);
                var reader = new Utf8JsonReader(memory.GetBuffer().AsSpan(0, (int)memory.Length), new JsonReaderOptions { MaxDepth = 256 });
                _json.TryDeserializeResource(ref reader, out resource, out _);
            }
            else
            {
                using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
                _xml.TryDeserializeResource(xml, out resource, out _);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not IOException)
        {
            resource = null;
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

using System.Buffers;
using System.IO.Hashing;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// NDJSON: read line by line in constant memory. Lines are parsed (Firely's deserialiser and the hash, most of an
/// import's work) in chunks on the thread pool; the parsed resources are mapped here, on the reading task, in file
/// order, so a resource that refers to an earlier one (a MedicationRequest to its Medication) always finds it.
/// </summary>
internal sealed partial class ResourceReader
{
    private static readonly ThreadLocal<BaseFhirJsonDeserializer> LineParsers = new(() => new(ModelInfo.ModelInspector, Settings));
    private readonly NdJsonChunks _chunks = new();

    private async System.Threading.Tasks.Task ReadNdJsonAsync(InputFile file, CancellationToken ct)
    {
        // Nothing of an earlier file (one cancelled part-way) may be carried into this one.
        _chunks.Reset();
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
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // The lines read before the failure (a corrupt zip entry) are this file's: emit them before its rejection.
            await DrainChunksAsync(ct);
            throw;
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
            _chunks.InFlight.Enqueue(StartParse(full, ct));
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
            _chunks.InFlight.Enqueue(StartParse(last, ct));
        }

        while (_chunks.InFlight.Count > 0)
        {
            await EmitChunkAsync(await _chunks.InFlight.Dequeue(), ct);
        }
    }

    private static System.Threading.Tasks.Task<NdJsonChunks.Parsed> StartParse(NdJsonChunks.Chunk chunk, CancellationToken ct) =>
        System.Threading.Tasks.Task.Run(() => ParseChunk(chunk), ct);

    /// <summary>Maps a parsed chunk's resources in line order, then hands them on.</summary>
    private async ValueTask EmitChunkAsync(NdJsonChunks.Parsed chunk, CancellationToken ct)
    {
        foreach (var (line, resource, hash, ready) in chunk.Lines)
        {
            var location = $"line {line}";
            await EmitAsync(ready
                ?? (resource is null
                    ? ImportItem.Reject(chunk.File, location, null, null, "unparseable JSON or not a FHIR resource")
                    : mapper.Map(resource, chunk.File, location, hash, null)), ct);
        }
    }

    /// <summary>Runs on a worker thread: Firely's parse and the hash only, nothing that depends on other lines.</summary>
    private static NdJsonChunks.Parsed ParseChunk(NdJsonChunks.Chunk chunk)
    {
        var parser = LineParsers.Value!;
        var lines = new NdJsonChunks.ParsedLine[chunk.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var (line, json, ready) = chunk.Lines[i];
            lines[i] = ready is not null ? new(line, null, 0, ready) : ParseLine(parser, line, json!);
        }

        return new NdJsonChunks.Parsed(chunk.File, lines);
    }

    private static NdJsonChunks.ParsedLine ParseLine(BaseFhirJsonDeserializer parser, int line, ReadOnlySpan<byte> json)
    {
        var hash = unchecked((long)XxHash64.HashToUInt64(json));
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
            parser.TryDeserializeResource(ref reader, out var resource, out _);
            return new(line, resource, hash, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the parser throws on malformed input, the line is refused and the run goes on.
            return new(line, null, hash, null);
        }
    }
}

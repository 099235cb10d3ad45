using Hl7.Fhir.Model;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// NDJSON lines gathered into chunks for parsing in parallel, and the chunks being parsed, oldest first. A line
/// either has its JSON to parse or an item already decided (a line too long to read).
/// </summary>
internal sealed class NdJsonChunks
{
    /// <summary>Chunks parsed at once beyond the one being emitted: enough to keep two cores busy, few enough to bound memory.</summary>
    public const int MaxInFlight = 3;

    private const int LinesPerChunk = 512;
    private const int BytesPerChunk = 1 << 20;

    private Chunk? _current;

    public Queue<System.Threading.Tasks.Task<Parsed>> InFlight { get; } = new();

    /// <summary>Adds a line; returns the chunk when it is full (and starts a new one).</summary>
    public Chunk? Add(string file, int line, byte[]? json, ImportItem? ready)
    {
        _current ??= new Chunk(file);
        _current.Lines.Add((line, json, ready));
        _current.Bytes += json?.Length ?? 0;
        return _current.Lines.Count >= LinesPerChunk || _current.Bytes >= BytesPerChunk ? TakePartial() : null;
    }

    /// <summary>The chunk being filled, if it has any lines (at the end of a file).</summary>
    public Chunk? TakePartial()
    {
        var chunk = _current;
        _current = null;
        return chunk is { Lines.Count: > 0 } ? chunk : null;
    }

    /// <summary>Forgets the chunk being filled and those in flight (a file starts).</summary>
    public void Reset()
    {
        _current = null;
        InFlight.Clear();
    }

    internal sealed class Chunk(string file)
    {
        public string File { get; } = file;

        public List<(int Line, byte[]? Json, ImportItem? Ready)> Lines { get; } = [];

        public long Bytes { get; set; }
    }

    /// <summary>A line after parsing: its resource (null when unparseable) and hash, or the item decided before.</summary>
    internal readonly record struct ParsedLine(int Line, Resource? Resource, long Hash, ImportItem? Ready);

    internal sealed record Parsed(string File, ParsedLine[] Lines);
}

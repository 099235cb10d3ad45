using System.Text.Json;

namespace OpenPcn.Fhir.Import;

/// <summary>What happened to a resource, for the counts.</summary>
internal enum Outcome
{
    Accepted = 0,
    Skipped = 1,
    Rejected = 2,
}

/// <summary>Counts of an import run, in total and by resource type. The writer counts; the reader adds bytes read.</summary>
internal sealed class ImportCounters
{
    private readonly SortedDictionary<string, int[]> _byType = new(StringComparer.Ordinal);
    private long _bytesDone;

    public int Read { get; private set; }

    public int Accepted { get; private set; }

    public int Skipped { get; private set; }

    public int Rejected { get; private set; }

    public long BytesDone => Interlocked.Read(ref _bytesDone);

    public long BytesTotal { get; set; }

    public void AddBytes(long bytes) => Interlocked.Add(ref _bytesDone, bytes);

    public void Count(string? type, Outcome outcome)
    {
        var key = string.IsNullOrEmpty(type) ? "(unknown)" : type;
        if (!_byType.TryGetValue(key, out var counts))
        {
            counts = new int[4];
            _byType[key] = counts;
        }

        counts[0]++;
        counts[1 + (int)outcome]++;
        Read++;
        switch (outcome)
        {
            case Outcome.Accepted:
                Accepted++;
                break;
            case Outcome.Skipped:
                Skipped++;
                break;
            default:
                Rejected++;
                break;
        }
    }

    public IReadOnlyDictionary<string, ResourceTypeCounts> ByType() =>
        _byType.ToDictionary(kv => kv.Key, kv => new ResourceTypeCounts(kv.Value[0], kv.Value[1], kv.Value[2], kv.Value[3]), StringComparer.Ordinal);

    /// <summary>The stored form: <c>{"Observation":{"read":3,"accepted":2,"skipped":1,"rejected":0}}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        _byType.ToDictionary(kv => kv.Key, kv => new Dictionary<string, int>
        {
            ["read"] = kv.Value[0],
            ["accepted"] = kv.Value[1],
            ["skipped"] = kv.Value[2],
            ["rejected"] = kv.Value[3],
        }, StringComparer.Ordinal));

    public FhirImportProgress Progress(string? file) => new(BytesDone, BytesTotal, Read, Accepted, Skipped, Rejected, file);
}

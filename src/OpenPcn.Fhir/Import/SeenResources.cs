using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// Saves a database look-up per resource: a network with at most <see cref="MaxEntries"/> source resources has all
/// their identities and hashes loaded at the start; otherwise, for resource types the network had none of when the
/// run started, what this run stores is all there is. Either way memory answers, up to <see cref="MaxEntries"/>
/// entries; beyond that the writer asks the database again, so memory stays bounded.
/// Entries are keyed by a 64-bit hash of type and id (about 50 bytes each, whatever the id's length): a miss is
/// certain, and the writer confirms a hit with the database before it replaces any rows (see ImportWriter.Lookup).
/// </summary>
internal sealed class SeenResources
{
    public const int MaxEntries = 2_000_000;

    private readonly Dictionary<ulong, (long SourceKey, long Hash, long PatientId)> _entries = [];
    private readonly XxHash64 _hasher = new();
    private HashSet<string> _storedTypes = [];
    private bool _full;

    public void Start(IEnumerable<string> storedTypes) => _storedTypes = [.. storedTypes];

    /// <summary>True when memory answers for this type: <paramref name="found"/> is the stored resource, or null when it is new.</summary>
    public bool TryFind(string type, string logicalId, out (long SourceKey, long Hash, long? PatientId)? found)
    {
        found = null;
        if (_full || _storedTypes.Contains(type))
        {
            return false;
        }

        if (_entries.TryGetValue(Key(type, logicalId), out var entry))
        {
            found = (entry.SourceKey, entry.Hash, entry.PatientId < 0 ? null : entry.PatientId);
        }

        return true;
    }

    public void Add(string type, string logicalId, (long SourceKey, long Hash, long? PatientId) entry)
    {
        if (_full || _storedTypes.Contains(type))
        {
            return;
        }

        if (_entries.Count >= MaxEntries)
        {
            // From here on every type is looked up in the database (which by now holds all of these).
            _full = true;
            _entries.Clear();
            _entries.TrimExcess();
            return;
        }

        _entries[Key(type, logicalId)] = (entry.SourceKey, entry.Hash, entry.PatientId ?? -1);
    }

    private ulong Key(string type, string logicalId)
    {
        _hasher.Append(MemoryMarshal.AsBytes(type.AsSpan()));
        _hasher.Append([0, 0]);
        _hasher.Append(MemoryMarshal.AsBytes(logicalId.AsSpan()));
        var key = _hasher.GetCurrentHashAsUInt64();
        _hasher.Reset();
        return key;
    }
}

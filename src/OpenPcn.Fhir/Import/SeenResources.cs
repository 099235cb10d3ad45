namespace OpenPcn.Fhir.Import;

/// <summary>
/// Saves a database look-up per resource: a network with at most <see cref="MaxEntries"/> source resources has all
/// their identities and hashes loaded at the start (about 150 bytes each); otherwise, for resource types the network
/// had none of when the run started, what this run stores is all there is. Either way memory answers, up to
/// <see cref="MaxEntries"/> entries; beyond that the writer asks the database again, so memory stays bounded.
/// </summary>
internal sealed class SeenResources
{
    public const int MaxEntries = 1_000_000;

    private readonly Dictionary<string, Dictionary<string, (long SourceKey, long Hash, long? PatientId)>> _byType = new(StringComparer.Ordinal);
    private HashSet<string> _storedTypes = [];
    private int _count;
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

        if (_byType.TryGetValue(type, out var ids) && ids.TryGetValue(logicalId, out var entry))
        {
            found = entry;
        }

        return true;
    }

    public void Add(string type, string logicalId, (long SourceKey, long Hash, long? PatientId) entry)
    {
        if (_full || _storedTypes.Contains(type))
        {
            return;
        }

        if (_count >= MaxEntries)
        {
            // From here on every type is looked up in the database (which by now holds all of these).
            _full = true;
            _byType.Clear();
            return;
        }

        if (!_byType.TryGetValue(type, out var ids))
        {
            ids = new Dictionary<string, (long, long, long?)>(StringComparer.Ordinal);
            _byType[type] = ids;
        }

        if (ids.TryAdd(logicalId, entry))
        {
            _count++;
        }
        else
        {
            ids[logicalId] = entry;
        }
    }
}

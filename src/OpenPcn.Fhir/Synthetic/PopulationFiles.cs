namespace OpenPcn.Fhir.Synthetic;

/// <summary>The ten NDJSON files of a generated population, one per resource type.</summary>
internal sealed class PopulationFiles : IDisposable
{
    public static readonly string[] ResourceTypes =
    [
        "Organization", "Patient", "EpisodeOfCare", "Condition", "Observation", "MedicationRequest", "Procedure",
        "ServiceRequest", "CarePlan", "Appointment",
    ];

    private readonly NdjsonFile[] _files;

    public PopulationFiles(string folder)
    {
        Directory.CreateDirectory(folder);
        _files = ResourceTypes.Select(t => new NdjsonFile(Path.Combine(folder, t + ".ndjson"))).ToArray();
    }

    public NdjsonFile Organization => _files[0];
    public NdjsonFile Patient => _files[1];
    public NdjsonFile EpisodeOfCare => _files[2];
    public NdjsonFile Condition => _files[3];
    public NdjsonFile Observation => _files[4];
    public NdjsonFile MedicationRequest => _files[5];
    public NdjsonFile Procedure => _files[6];
    public NdjsonFile ServiceRequest => _files[7];
    public NdjsonFile CarePlan => _files[8];
    public NdjsonFile Appointment => _files[9];

    /// <summary>Lines written per resource type, in <see cref="ResourceTypes"/> order.</summary>
    public IReadOnlyDictionary<string, long> Counts() =>
        ResourceTypes.Select((t, i) => (t, _files[i].Count)).ToDictionary(x => x.t, x => x.Count, StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (var f in _files)
        {
            f.Dispose();
        }
    }
}

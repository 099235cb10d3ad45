namespace OpenPcn.Core.Features.Population;

/// <summary>
/// Canonical URIs of the code systems records are stored with. Codes from any other system are kept with the system
/// URI they arrived with, never recoded. dm+d is stored without the trailing slash some senders add.
/// </summary>
public static class CodeSystems
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Dmd = "https://dmd.nhs.uk";
    public const string Loinc = "http://loinc.org";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Read2 = "http://read.info/readv2";
    public const string Ctv3 = "http://read.info/ctv3";

    /// <summary>The stored form of a system URI: trimmed, dm+d without a trailing slash, others as given.</summary>
    public static string Normalise(string? system)
    {
        var s = system?.Trim() ?? string.Empty;
        return s.TrimEnd('/') is var trimmed && string.Equals(trimmed, Dmd, StringComparison.OrdinalIgnoreCase) ? Dmd : s;
    }
}

using OpenPcn.Core.Features.Network;

namespace OpenPcn.Fhir.Synthetic;

/// <summary>
/// What to generate. The same options and seed always give byte-identical output. Dates are relative to
/// <see cref="AsOf"/> (the "today" of the generated records). Practice codes default to <c>Y9xxxx</c> fictional codes;
/// the demo passes its own network's codes.
/// </summary>
public sealed record GeneratorOptions(
    int Patients,
    int Practices,
    int Seed,
    DateOnly AsOf,
    PcnCode? PcnCode = null,
    string? PcnName = null,
    IReadOnlyList<PracticeCode>? PracticeCodes = null);

/// <summary>What was written: patients, resources by type, and people per generated condition (for the tests and the CLI).</summary>
public sealed record GeneratorReport(
    int Patients,
    long Resources,
    IReadOnlyDictionary<string, long> ResourcesByType,
    IReadOnlyDictionary<string, int> PatientsByCondition,
    TimeSpan Elapsed);

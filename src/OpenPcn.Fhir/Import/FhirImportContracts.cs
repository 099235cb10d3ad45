using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// What to import: a file (NDJSON, a JSON or XML Bundle, a zip of them) or a folder of them (a bulk export).
/// <see cref="PcnId"/> names the network; when null, the scope's network, or in system scope the PCN Organization in
/// the data (created when absent). <see cref="DefaultPractice"/> is used for patients that name no registered practice
/// (one practice's own export). <see cref="ImportId"/> continues a queued <see cref="RecordImport"/> row.
/// </summary>
public sealed record FhirImportRequest(
    string Path,
    int? PcnId = null,
    PracticeCode? DefaultPractice = null,
    string? StartedBy = null,
    Guid? ImportId = null);

/// <summary>Progress of an import, reported every few thousand resources and at the end of each file.</summary>
public sealed record FhirImportProgress(long BytesDone, long BytesTotal, int Read, int Accepted, int Skipped, int Rejected, string? CurrentFile);

/// <summary>Counts for one resource type.</summary>
public sealed record ResourceTypeCounts(int Read, int Accepted, int Skipped, int Rejected);

/// <summary>The outcome of an import, as stored on its <see cref="RecordImport"/> row.</summary>
public sealed record FhirImportSummary(
    Guid ImportId,
    int PcnId,
    RecordImportStatus Status,
    int Read,
    int Accepted,
    int Skipped,
    int Rejected,
    IReadOnlyDictionary<string, ResourceTypeCounts> ByType,
    TimeSpan Elapsed);

namespace OpenPcn.Fhir.Import;

/// <summary>
/// Imports FHIR R4 records into the network's store: streamed, exactly once, every rejected resource quarantined
/// with its file, position and reason. See docs/fhir-import.md.
/// </summary>
public sealed class FhirImportService
{
    public Task<FhirImportSummary> ImportAsync(FhirImportRequest request, IProgress<FhirImportProgress>? progress = null, CancellationToken ct = default) =>
        throw new NotImplementedException("The importer is being written (issue 3).");
}

namespace OpenPcn.Fhir.Synthetic;

/// <summary>
/// Writes a synthetic network and its patients' records as UK Core-shaped FHIR R4 NDJSON, one file per resource type.
/// Deterministic per options and seed.
/// </summary>
public static class PopulationGenerator
{
    /// <param name="options">Size, seed and "today".</param>
    /// <param name="outputFolder">Created if missing; existing NDJSON files of the same names are replaced.</param>
    /// <param name="patientsDone">Reports patients written so far.</param>
    /// <param name="ct">Stops between patients.</param>
    public static Task<GeneratorReport> WriteAsync(GeneratorOptions options, string outputFolder, IProgress<int>? patientsDone = null, CancellationToken ct = default) =>
        throw new NotImplementedException("The generator is being written (issue 3).");
}

using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Import;
using OpenPcn.TestSupport;
using Xunit.Abstractions;
using static OpenPcn.Fhir.Tests.Import.ImportTestData;

namespace OpenPcn.Fhir.Tests.Import;

/// <summary>
/// A rough import-rate measurement on a hand-made export (2,000 patients, 200,000 observations). Slow, so it runs only
/// with OPENPCN_IMPORT_THROUGHPUT=1 (or =postgres): <c>dotnet test tests/OpenPcn.Fhir.Tests -c Release --filter Throughput</c>.
/// </summary>
public sealed class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ImportAsync_200kObservations_ReportsRate()
    {
        var setting = Environment.GetEnvironmentVariable("OPENPCN_IMPORT_THROUGHPUT");
        if (string.IsNullOrEmpty(setting))
        {
            return;
        }

        var provider = setting == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var folder = TempFolder();
        WriteNdJson(folder, "Organization.ndjson", [PcnOrganisation(), PracticeOrganisation(PracticeA)]);
        WriteNdJson(folder, "Patient.ndjson", Enumerable.Range(0, 2_000).Select(i => Patient($"p{i}", NhsNumber(i))));
        WriteNdJson(folder, "Observation.ndjson", Enumerable.Range(0, 200_000).Select(i => Observation($"o{i}", $"p{i % 2_000}", i % 97)));
        await using var database = await TestDatabase.CreateAsync(provider);

        // CPU time as well as wall time: on a machine shared with other builds the wall time says little.
        var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var first = await ImportAsync(database, new FhirImportRequest(folder));
        var cpu1 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var second = await ImportAsync(database, new FhirImportRequest(folder));
        var cpu2 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

        Assert.Equal(RecordImportStatus.Completed, first.Status);
        Assert.Equal(first.Read, first.Accepted);
        Assert.Equal(second.Read, second.Skipped);
        output.WriteLine($"{provider}: first run {first.Read:N0} resources in {first.Elapsed.TotalSeconds:F1} s = {first.Read / first.Elapsed.TotalSeconds:N0}/s; " +
            $"re-run (all skipped) {second.Elapsed.TotalSeconds:F1} s = {second.Read / second.Elapsed.TotalSeconds:N0}/s; " +
            $"CPU {(cpu1 - cpu0).TotalSeconds:F1} s and {(cpu2 - cpu1).TotalSeconds:F1} s (this process; PostgreSQL's own work not counted)");
        Directory.Delete(folder, recursive: true);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Import;
using OpenPcn.Fhir.Synthetic;
using OpenPcn.TestSupport;

namespace OpenPcn.Fhir.Tests.RoundTrip;

/// <summary>
/// The generator's output through the importer, as the demo and a benchmark use it: everything generated is stored,
/// nothing is rejected, and the stored rows match what the generator says it wrote.
/// </summary>
[Trait("Category", "Integration")]
public sealed class GenerateImportRoundTripTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"openpcn-roundtrip-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GenerateThenImport_EmptyDatabase_StoresEveryGeneratedResourceAndPatient(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var report = await PopulationGenerator.WriteAsync(new GeneratorOptions(400, 3, 11, TestDatabase.Today, PcnCode.Parse("U90011")), _folder);

        FhirImportSummary summary;
        await using (var scope = database.SystemScope())
        {
            summary = await ActivatorUtilities.CreateInstance<FhirImportService>(scope.ServiceProvider).ImportAsync(new FhirImportRequest(_folder));
        }

        Assert.Equal(RecordImportStatus.Completed, summary.Status);
        Assert.Equal(0, summary.Rejected);
        Assert.Equal(report.Resources, summary.Read);
        Assert.Equal(report.Resources, summary.Accepted);
        foreach (var (type, count) in report.ResourcesByType)
        {
            Assert.True(summary.ByType.TryGetValue(type, out var counts), type);
            Assert.Equal(count, counts.Accepted);
        }

        await using var read = database.SystemScope();
        var db = read.ServiceProvider.GetRequiredService<PcnDbContext>();
        Assert.Equal(report.Patients, await db.Patients.CountAsync(p => p.PcnId == summary.PcnId));
        Assert.Equal(3, await db.Practices.CountAsync(p => p.PcnId == summary.PcnId));
        Assert.Equal(report.ResourcesByType["MedicationRequest"], await db.MedicationRecords.CountAsync());
        Assert.Equal(report.ResourcesByType["Condition"], await db.ClinicalEvents.CountAsync(e => e.Kind == EventKind.Condition));
        Assert.Equal(report.ResourcesByType["Observation"],
            await db.ClinicalEvents.Where(e => e.Kind == EventKind.Observation).Select(e => e.SourceKey).Distinct().CountAsync());
        Assert.Equal(report.Resources, await db.SourceResources.CountAsync());
    }

    [Fact]
    public async Task GenerateThenImportTwice_SecondRun_SkipsEverythingAndChangesNoRow()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var report = await PopulationGenerator.WriteAsync(new GeneratorOptions(200, 2, 5, TestDatabase.Today), _folder);
        await ImportAsync(database);
        var before = await CountsAsync(database);

        var second = await ImportAsync(database);

        Assert.Equal(report.Resources, second.Skipped);
        Assert.Equal(0, second.Accepted);
        Assert.Equal(before, await CountsAsync(database));
    }

    private async Task<FhirImportSummary> ImportAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        return await ActivatorUtilities.CreateInstance<FhirImportService>(scope.ServiceProvider).ImportAsync(new FhirImportRequest(_folder));
    }

    private static async Task<(int Patients, int Events, int Medicines, int Registrations)> CountsAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        return (await db.Patients.CountAsync(), await db.ClinicalEvents.CountAsync(), await db.MedicationRecords.CountAsync(), await db.Registrations.CountAsync());
    }
}

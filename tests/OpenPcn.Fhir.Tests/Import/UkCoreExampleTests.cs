using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Import;
using OpenPcn.TestSupport;
using static OpenPcn.Fhir.Tests.Import.ImportTestData;

namespace OpenPcn.Fhir.Tests.Import;

/// <summary>The official UK Core examples (Fixtures/ukcore, see SOURCES.md there), imported into a network with a default practice.</summary>
public sealed class UkCoreExampleTests
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ukcore");

    [Fact]
    public async Task ImportAsync_AllUkCoreExamples_ImportsSupportedAndSkipsTheRest()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var pcnId = await database.CreateNetworkAsync(TestPcnCode, "PCN", "QWO", (PracticeA, 5000));
        var request = new FhirImportRequest(Examples, DefaultPractice: Practice(PracticeA));

        var summary = await ImportAsync(database, request, scopePcnId: pcnId);

        Assert.Equal(RecordImportStatus.Completed, summary.Status);
        var quarantined = await WithDbAsync(database, db => db.QuarantinedResources.IgnoreQueryFilters().ToListAsync());
        var unexpected = quarantined.Where(q => q.Reason is not ("unknown patient (subject does not resolve)" or "unknown patient (no patient reference)"
            or "missing date" or "missing code" or "no NHS number" or "invalid NHS number") || !q.File.StartsWith("UKCore-", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("; ", unexpected.Select(q => $"{q.File} {q.Location} {q.Reason}")));
        Assert.True(summary.ByType["Practitioner"].Skipped > 0);
        Assert.Equal(0, summary.ByType["Practitioner"].Rejected);
        Assert.True(summary.ByType["Patient"].Accepted >= 1);

        // The two Condition examples carry neither onset nor recordedDate: a record without a date cannot be placed.
        Assert.Equal(2, summary.ByType["Condition"].Rejected);
        foreach (var type in new[] { "Observation", "Procedure", "Immunization", "AllergyIntolerance", "MedicationRequest", "MedicationStatement" })
        {
            Assert.True(summary.ByType[type].Accepted > 0, type);
        }
    }

    [Fact]
    public async Task ImportAsync_BloodPressureExample_GivesSystolicAndDiastolicRows()
    {
        var events = await ImportFilesAsync("UKCore-Patient-RichardSmith-Example.xml", "UKCore-Observation-VitalSigns-BloodPressure-Example.xml");

        var rows = await WithDbAsync(events, db => db.ClinicalEvents.IgnoreQueryFilters().OrderBy(e => e.Seq).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.Value));
        Assert.All(rows, r => Assert.Equal(EventKind.Observation, r.Kind));
    }

    [Fact]
    public async Task ImportAsync_MedicationRequestExamples_GiveDmdMedicationRecords()
    {
        var database = await ImportFilesAsync("UKCore-Patient-RichardSmith-Example.xml", "UKCore-MedicationRequest-Amoxicillin-Example.xml",
            "UKCore-MedicationStatement-Amoxicillin-Example.xml");

        var rows = await WithDbAsync(database, db => db.MedicationRecords.IgnoreQueryFilters().ToListAsync());
        Assert.Contains(rows, r => r.Kind == MedicationKind.Issue && r.CodeSystem == CodeSystems.Dmd);
        Assert.Contains(rows, r => r.Kind == MedicationKind.Statement);
    }

    private static async Task<TestDatabase> ImportFilesAsync(params string[] files)
    {
        var folder = TempFolder();
        foreach (var file in files)
        {
            File.Copy(Path.Combine(Examples, file), Path.Combine(folder, file));
        }

        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var pcnId = await database.CreateNetworkAsync(TestPcnCode, "PCN", "QWO", (PracticeA, 5000));
        var summary = await ImportAsync(database, new FhirImportRequest(folder, DefaultPractice: Practice(PracticeA)), scopePcnId: pcnId);
        var reasons = await WithDbAsync(database, db => db.QuarantinedResources.IgnoreQueryFilters().Select(q => q.File + " " + q.Reason).ToListAsync());
        Assert.True(summary.Rejected == 0, string.Join("; ", reasons));
        return database;
    }
}

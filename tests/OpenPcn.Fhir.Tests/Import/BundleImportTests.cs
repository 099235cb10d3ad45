using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Import;
using OpenPcn.TestSupport;
using static OpenPcn.Fhir.Tests.Import.ImportTestData;

namespace OpenPcn.Fhir.Tests.Import;

public sealed class BundleImportTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_TransactionBundleWithUrnReferences_ResolvesPatientsFirstAndIsIdempotent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Records come before their patient and practices before the PCN: the two passes put them in order.
        var condition = """{"resourceType":"Condition","subject":{"reference":"urn:uuid:pat-1"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"195967001"}]},"onsetDateTime":"2019-06"}""";
        var patient = Patient("ignored", NhsNumber(1)).Replace("\"id\":\"ignored\",", string.Empty, StringComparison.Ordinal);
        var entries = new[]
        {
            ("urn:uuid:cond-1", condition),
            ("urn:uuid:obs-1", Observation("o1", "x").Replace("Patient/x", "urn:uuid:pat-1", StringComparison.Ordinal)),
            ("urn:uuid:prac-1", PracticeOrganisation(PracticeA)),
            ("urn:uuid:pat-1", patient),
            ("urn:uuid:pcn-1", PcnOrganisation()),
        };
        var bundle = """{"resourceType":"Bundle","type":"transaction","entry":[""" +
            string.Join(",", entries.Select(e => "{\"fullUrl\":\"" + e.Item1 + "\",\"resource\":" + e.Item2 + ",\"request\":{\"method\":\"POST\",\"url\":\"x\"}}")) + "]}";
        var folder = TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "bundle.json"), bundle);

        var first = await ImportAsync(database, new FhirImportRequest(Path.Combine(folder, "bundle.json")));
        var second = await ImportAsync(database, new FhirImportRequest(Path.Combine(folder, "bundle.json")));

        Assert.Equal(0, first.Rejected);
        Assert.Equal(5, first.Accepted);
        Assert.Equal(5, second.Skipped);
        var condition1 = await WithDbAsync(database, db => db.ClinicalEvents.IgnoreQueryFilters().SingleAsync(e => e.Code == "195967001"));
        Assert.Equal(new DateOnly(2019, 6, 1), condition1.Date);
    }

    [Fact]
    public async Task ImportAsync_ZipOfNdJsonWithPracticeBeforePcn_ImportsAll()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var lines = SmallExport().ToList();
        (lines[0], lines[1]) = (lines[1], lines[0]);
        var folder = TempFolder();
        var zipPath = Path.Combine(folder, "export.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            await using var writer = new StreamWriter(zip.CreateEntry("all.ndjson").Open());
            await writer.WriteAsync(string.Join('\n', lines));
        }

        var summary = await ImportAsync(database, new FhirImportRequest(zipPath));

        Assert.Equal(RecordImportStatus.Completed, summary.Status);
        Assert.Equal(0, summary.Rejected);
        Assert.Equal(15, summary.Accepted);
        var practices = await WithDbAsync(database, db => db.Practices.IgnoreQueryFilters().CountAsync());
        Assert.Equal(2, practices);
    }
}

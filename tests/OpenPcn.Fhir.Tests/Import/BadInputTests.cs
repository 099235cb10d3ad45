using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Import;
using OpenPcn.TestSupport;
using static OpenPcn.Fhir.Tests.Import.ImportTestData;

namespace OpenPcn.Fhir.Tests.Import;

public sealed class BadInputTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_BadLinesAmongGoodOnes_QuarantinesEachAndKeepsTheGood(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var good = SmallExport().ToList();
        var bad = new[]
        {
            good[5][..40],                                                            // truncated JSON
            "{\"resourceType\":\"Observation\",\"id\":\"x1\",\"subject\":5}",          // wrong shape
            "[1,2,3]",
            "not json at all",
            Patient("bad-nhs", "1234567890"),                                         // fails Modulus 11
            Patient("no-practice", NhsNumber(50), "Z99999"),                          // not a member practice
            "{\"resourceType\":\"Patient\",\"id\":\"no-nhs\",\"birthDate\":\"1950-01-01\"}",
            Condition("orphan", "nobody"),                                            // unknown patient
            Condition("no-date", "p1", date: ""),
            Condition("long-code", "p1", code: new string('1', 100)),
            Observation("o1", "p1", 99m),                                              // duplicate id: the later one wins
            "{\"resourceType\":\"Practitioner\",\"id\":\"dr1\"}",                      // unsupported: skipped
            "{\"resourceType\":\"Condition\",\"id\":\"" + new string('x', 300) + "\",\"subject\":{\"reference\":\"Patient/p1\"}}",
        };
        var random = new Random(42);
        var noise = Enumerable.Range(0, 20).Select(_ =>
        {
            var bytes = new byte[random.Next(1, 200)];
            random.NextBytes(bytes);
            return new string([.. bytes.Select(b => (char)(b % 94 + 33))]);
        });
        var display = Condition("huge-display", "p2").Replace("Diabetes mellitus", new string('d', 5000), StringComparison.Ordinal);
        var lines = good.Concat(bad).Concat(noise).Append(display);

        var summary = await ImportAsync(database, new FhirImportRequest(WriteNdJson(TempFolder(), "mixed.ndjson", lines)));

        Assert.Equal(RecordImportStatus.Completed, summary.Status);
        Assert.Equal(15 + 2, summary.Accepted);
        Assert.Equal(1, summary.ByType["Practitioner"].Skipped);
        var (quarantined, events, huge) = await WithDbAsync(database, async db => (
            await db.QuarantinedResources.IgnoreQueryFilters().ToListAsync(),
            await db.ClinicalEvents.IgnoreQueryFilters().CountAsync(),
            await db.ClinicalEvents.IgnoreQueryFilters().Where(e => e.Display!.StartsWith("ddd")).Select(e => e.Display!.Length).SingleAsync()));
        Assert.Equal(summary.Rejected, quarantined.Count);
        Assert.Equal(11 + 20, quarantined.Count);
        Assert.Contains(quarantined, q => q.Reason == "invalid NHS number" && q.LogicalId == null && q.Location == $"line {good.Count + 5}");
        Assert.Contains(quarantined, q => q.Reason == "no NHS number");
        Assert.Contains(quarantined, q => q.Reason == "patient not registered at a member practice");
        Assert.Contains(quarantined, q => q.Reason.StartsWith("unknown patient", StringComparison.Ordinal) && q.LogicalId == "orphan");
        Assert.Contains(quarantined, q => q.Reason == "missing date");
        Assert.Contains(quarantined, q => q.Reason.StartsWith("code longer", StringComparison.Ordinal));
        Assert.Contains(quarantined, q => q.Reason.StartsWith("id longer", StringComparison.Ordinal));
        Assert.All(quarantined, q => Assert.Equal("mixed.ndjson", q.File));
        Assert.Equal(8 + 1, events);
        Assert.Equal(300, huge);
    }

    [Fact]
    public async Task ImportAsync_RandomBytesFile_NeverThrows()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = TempFolder();
        WriteNdJson(folder, "0.ndjson", SmallExport());
        var random = new Random(7);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);
        await File.WriteAllBytesAsync(Path.Combine(folder, "random.ndjson"), bytes);
        await File.WriteAllBytesAsync(Path.Combine(folder, "random.json"), bytes);
        await File.WriteAllBytesAsync(Path.Combine(folder, "random.xml"), bytes);
        await File.WriteAllTextAsync(Path.Combine(folder, "truncated.json"), "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":");

        var summary = await ImportAsync(database, new FhirImportRequest(folder));

        Assert.Equal(RecordImportStatus.Completed, summary.Status);
        Assert.Equal(15, summary.Accepted);
        Assert.True(summary.Rejected >= 3);
    }

    [Fact]
    public async Task ImportAsync_NoNetworkInDataOrDatabase_FailsWithAClearMessage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var path = WriteNdJson(TempFolder(), "a.ndjson", [Patient("p1", NhsNumber(1))]);

        var summary = await ImportAsync(database, new FhirImportRequest(path));

        Assert.Equal(RecordImportStatus.Failed, summary.Status);
    }
}

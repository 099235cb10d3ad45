using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Population;

[Trait("Category", "Integration")]
public sealed class DataQualityServiceTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GetReport_Network_CountsPerPracticeUnknownCodesAndQuarantinedIdentifiers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await PopulationTestData.SeedAsync(db);

        await using var scope = db.PcnScope(a);
        var report = await scope.ServiceProvider.GetRequiredService<DataQualityService>().GetReportAsync();

        var first = report.Practices.Single(p => p.PracticeCode.Value == "P82001");
        Assert.Equal((2, 1, 1), (first.Patients, first.RegisteredAlive, first.Deceased));
        Assert.Equal(2, first.EventsByKind[EventKind.Condition]);
        Assert.Equal(6, first.EventsByKind[EventKind.Observation]);
        Assert.Equal(11, first.Events);
        Assert.Equal(5, first.MedicationRecords);
        Assert.Equal((0, 0), (first.UnknownCodeRecords, first.DistinctUnknownCodes));

        // A LOINC code (not SNOMED CT or dm+d) and a SNOMED code with a wrong check digit.
        var second = report.Practices.Single(p => p.PracticeCode.Value == "P82002");
        Assert.Equal((1, 2, 2, 2), (second.Patients, second.Events, second.UnknownCodeRecords, second.DistinctUnknownCodes));
        Assert.Equal(["38341004", "8302-2"], report.TopUnknownCodes.Select(u => u.Code).Order(StringComparer.Ordinal));

        // Only network A's quarantine ("Invalid NHS number"); B's "No NHS number" is not counted.
        Assert.Equal(1, report.InvalidIdentifiers);
        Assert.Equal(RecordImportStatus.Completed, report.LastImportStatus);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GetReport_AsPracticeManager_ShowsOnlyTheirPracticeAndNoNetworkFigures(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await PopulationTestData.SeedAsync(db);

        await using var scope = db.PcnScope(a, PracticeCode.Parse("P82002"));
        var report = await scope.ServiceProvider.GetRequiredService<DataQualityService>().GetReportAsync();

        var only = Assert.Single(report.Practices);
        Assert.Equal(("P82002", 1, 2), (only.PracticeCode.Value, only.Patients, only.Events));
        Assert.Null(report.InvalidIdentifiers);
        Assert.Null(report.LastImportAt);
    }

    [Theory]
    [InlineData(CodeSystems.Snomed, "38341003", null)]
    [InlineData(CodeSystems.Snomed, "38341004", "Not a valid SNOMED CT identifier (check digit or form)")]
    [InlineData(CodeSystems.Dmd, "39689611000001101", null)]
    [InlineData(CodeSystems.Loinc, "8302-2", "Code system is not SNOMED CT or dm+d")]
    [InlineData(CodeSystems.Read2, "G20..", "Code system is not SNOMED CT or dm+d")]
    [InlineData("", "X", "No code system")]
    [Trait("Category", "Unit")]
    public void WhyUnknown_BySystemAndCheckDigit(string system, string code, string? expected) =>
        Assert.Equal(expected, DataQualityService.WhyUnknown(system, code));
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;

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

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GetReport_SameFileImportedAgain_CountsTheLatestFinishedRunsInvalidIdentifiersOnly(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await PopulationTestData.SeedAsync(db);
        await using (var seed = db.SystemScope())
        {
            // bulk.ndjson (20 Nov, one invalid NHS number) imported again on 21 Nov, then a run that failed with nothing
            // quarantined on 22 Nov and one still running: the count stays 1 (it was 2 when every run was summed).
            var s = new RecordSeeder(seed.ServiceProvider.GetRequiredService<PcnDbContext>(), a);
            await s.ImportAsync("bulk.ndjson", RecordImportStatus.Completed, new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), "{}",
                ("Invalid NHS number (Modulus 11 check failed)", "Patient"));
            await s.ImportAsync("bulk.ndjson", RecordImportStatus.Failed, new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), "{}");
            await s.ImportAsync("bulk.ndjson", RecordImportStatus.Running, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), "{}",
                ("Invalid NHS number (Modulus 11 check failed)", "Patient"), ("Invalid NHS number (Modulus 11 check failed)", "Patient"));
        }

        await using var scope = db.PcnScope(a);
        var report = await scope.ServiceProvider.GetRequiredService<DataQualityService>().GetReportAsync();

        Assert.Equal(1, report.InvalidIdentifiers);
        Assert.Equal(RecordImportStatus.Running, report.LastImportStatus);
    }

    [Fact]
    public async Task GetReport_Network_ReadsEachRecordTableInOneGroupedQuery()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationTestData.SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var events = context.Model.FindEntityType(typeof(ClinicalEvent))!.GetTableName()!;
        var medicines = context.Model.FindEntityType(typeof(MedicationRecord))!.GetTableName()!;
        var commands = new List<string>();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(new CommandObserver(context, commands));

        var report = await scope.ServiceProvider.GetRequiredService<DataQualityService>().GetReportAsync();

        Assert.Equal(11, report.Practices.Single(p => p.PracticeCode.Value == "P82001").Events);
        Assert.Single(commands, c => c.Contains($"\"{events}\"", StringComparison.Ordinal));
        Assert.Single(commands, c => c.Contains($"\"{medicines}\"", StringComparison.Ordinal));
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

    /// <summary>Collects the SQL that one context sends (other tests run alongside and use their own contexts).</summary>
    private sealed class CommandObserver(DbContext context, List<string> commands) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                value.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data && ReferenceEquals(data.Context, context))
            {
                lock (commands)
                {
                    commands.Add(data.Command.CommandText);
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport.Population;

namespace OpenPcn.E2E;

/// <summary>
/// A demo clinician finds a patient by NHS number, opens their record and sees their problems, then opens data quality.
/// The importer is not part of this scenario: the patient is written straight into the demo network first.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "E2E")]
public sealed class PopulationTests(AppFixture app)
{
    private const string DemoClinician = "clinician@demo.openpcn.test";
    private const long PatientId = 9_100_000_001;
    private static readonly string NhsNumberText = RecordSeeder.NhsNumberFrom(91_000_001);

    [Fact]
    public async Task Clinician_FindsAPatientOpensTheRecordAndSeesProblems_ThenDataQuality()
    {
        await SeedPatientAsync();
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, DemoClinician, AppFixture.DemoPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Patients", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/population/patients");
        await PageChecks.VisitedAsync(page, "population-01-patients");

        // The NHS number is posted: the browser lands on the record by OpenPCN's own id, with no NHS number in any URL.
        await page.GetByLabel("NHS number").FillAsync(NhsNumber.Parse(NhsNumberText).Formatted);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find patient" }).ClickAsync();
        await page.WaitForURLAsync($"**/population/patients/{PatientId}");
        Assert.DoesNotContain(NhsNumberText, page.Url, StringComparison.Ordinal);
        var problems = page.Locator("#problems-table");
        await Assertions.Expect(problems).ToContainTextAsync("Hypertension");
        await Assertions.Expect(problems).ToContainTextAsync("Asthma");
        await Assertions.Expect(page.Locator("#observations-table")).ToContainTextAsync("132/84");
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("Residential home");
        await PageChecks.VisitedAsync(page, "population-02-record");

        await page.GetByRole(AriaRole.Link, new() { Name = "Data quality", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/population/data-quality");
        Assert.True(await page.Locator("#practice-quality tbody tr").CountAsync() >= 1);
        await Assertions.Expect(page.Locator("#events-by-kind-chart")).ToHaveAttributeAsync("data-rendered", "true");
        await PageChecks.VisitedAsync(page, "population-03-data-quality");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ManagerWhoIsAdministrator_UploadsARecordFile_AndFollowsTheRunToItsOutcome()
    {
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, AppFixture.Administrator, AppFixture.AdministratorPassword);

        await PageChecks.OpenNavigationAsync(page, "Record imports");
        await page.WaitForURLAsync("**/population/imports");
        Assert.Equal(1, await page.GetByLabel("Folder or file path").CountAsync()); // an administrator may name a server folder
        await PageChecks.VisitedAsync(page, "population-04-imports");

        await page.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "e2e.ndjson",
            MimeType = "application/fhir+ndjson",
            Buffer = System.Text.Encoding.UTF8.GetBytes("{\"resourceType\":\"Patient\",\"id\":\"e2e\"}\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import file" }).ClickAsync();
        await page.WaitForURLAsync("**/population/imports/*");
        Assert.EndsWith("e2e.ndjson", (await page.Locator("h1").InnerTextAsync()).Trim(), StringComparison.Ordinal);

        // The page refreshes itself until the run has an outcome (whatever the importer makes of this one line).
        await Assertions.Expect(page.Locator("meta[http-equiv=refresh]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("dl .nhsuk-tag")).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Queued|Running"));
        await PageChecks.VisitedAsync(page, "population-05-import");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Clinician_BrowsesTheGeneratedDemoPopulation_OpensAnOlderPatientsRecordWithRealCodes()
    {
        // The demo network's patients came from the generator through the FHIR import on first run (AppFixture).
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, DemoClinician, AppFixture.DemoPassword);

        await page.GotoAsync("/population/patients?ageBand=" + (int)AgeBand.From80);
        var first = page.Locator("#patients tbody tr a").First;
        await first.ClickAsync();
        await page.WaitForURLAsync("**/population/patients/*");

        // Everyone 80 and over in the generated population has blood pressure readings and medicines or problems.
        await Assertions.Expect(page.Locator("#observations-table")).ToContainTextAsync("mm[Hg]");
        Assert.True(await page.Locator("#problems-table tbody tr, #medicines-table tbody tr").CountAsync() > 0);
        await PageChecks.VisitedAsync(page, "population-06-generated-record");
        await page.Context.CloseAsync();
    }

    private async Task SeedPatientAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        if (await db.Patients.AnyAsync(p => p.PatientId == PatientId))
        {
            return;
        }

        var demo = await db.Pcns.Where(p => p.IsDemo).Select(p => p.PcnId).SingleAsync();
        var practice = await db.Practices.Where(p => p.PcnId == demo).OrderBy(p => p.PracticeCode).Select(p => p.PracticeCode).FirstAsync();
        var seed = new RecordSeeder(db, demo);
        await seed.PatientAsync(PatientId, NhsNumberText, practice.Value, new DateOnly(1948, 5, 12), Sex.Female);
        await seed.EventAsync(PatientId, EventKind.Condition, "38341003", new DateOnly(2012, 3, 1), "Hypertension", status: "active");
        await seed.EventAsync(PatientId, EventKind.Condition, "195967001", new DateOnly(1980, 1, 1), "Asthma", end: new DateOnly(1995, 1, 1), status: "resolved");
        await seed.EventAsync(PatientId, EventKind.Observation, "72313002", new DateOnly(2026, 9, 1), "Systolic", 132m, "mm[Hg]", sourceKey: 9_100_000_101, seq: 0);
        await seed.EventAsync(PatientId, EventKind.Observation, "1091811000000102", new DateOnly(2026, 9, 1), "Diastolic", 84m, "mm[Hg]", sourceKey: 9_100_000_101, seq: 1);
        await seed.EventAsync(PatientId, EventKind.Procedure, "394923006", new DateOnly(2025, 1, 1), "Lives in a residential home");
    }
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenPcn.Cohorts.Definitions;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport.Population;

namespace OpenPcn.E2E;

/// <summary>
/// Case finding in the demo network: a clinician runs a built-in, sees why each patient is on the list, changes a
/// status, exports the list and re-runs it keeping the status; the clinical director builds a local definition in the
/// cohort builder, previews, saves and runs it, and its count equals the same definition written in C#.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "E2E")]
public sealed class CaseFindingTests(AppFixture app)
{
    private const string DemoClinician = "clinician@demo.openpcn.test";
    private const string DemoClinicalDirector = "cd@demo.openpcn.test";
    private const long PatientId = 9_200_000_001;
    private static readonly string NhsNumberText = RecordSeeder.NhsNumberFrom(92_000_001);

    [Fact]
    public async Task Clinician_RunsUndiagnosedHypertension_SeesWhyChangesAStatusExportsAndReRunsKeepingIt()
    {
        await SeedRaisedBloodPressureAsync();
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, DemoClinician, AppFixture.DemoPassword);

        await PageChecks.OpenNavigationAsync(page, "Case finding");
        await page.WaitForURLAsync("**/case-finding");
        await PageChecks.VisitedAsync(page, "case-finding-01-home");

        await page.GetByLabel("Definition", new() { Exact = true }).SelectOptionAsync("undiagnosed-hypertension");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/case-finding/worklists/[0-9a-f-]+\\?done=run"));
        var worklistUrl = page.Url.Split('?')[0];
        Assert.DoesNotContain(NhsNumberText, page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#worklist-rows tbody tr").CountAsync() > 0);
        await Assertions.Expect(page.Locator("#worklist-rows tbody tr .openpcn-reason").First).ToContainTextAsync("latest BP");
        await Assertions.Expect(page.Locator("#progress-chart")).ToHaveAttributeAsync("data-rendered", "true");
        await PageChecks.VisitedAsync(page, "case-finding-02-worklist");

        // The seeded patient (latest BP 162/98, no hypertension code): their reason, then a status change.
        await page.GotoAsync(worklistUrl + "?practice=Z00001&status=ToDo");
        var row = page.Locator($"#worklist-rows tr[data-patient='{PatientId}']");
        if (await row.CountAsync() == 0)
        {
            // More than a page of patients at the practice: the seeded one may be on a later page.
            await page.GotoAsync(worklistUrl + "?practice=Z00001&status=ToDo&page=2");
        }

        await Assertions.Expect(row.Locator(".openpcn-reason")).ToContainTextAsync("latest BP 162/98");
        await row.Locator("select").SelectOptionAsync("Contacted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save status changes" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("done=status"));
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("status was changed");

        // Export the contacted patients: one row, theirs.
        await page.GotoAsync(worklistUrl + "?status=Contacted");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(NhsNumberText, lines[1].Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Contacted", lines[1], StringComparison.Ordinal);

        // Re-run: the patient still qualifies and keeps the status.
        await page.GetByRole(AriaRole.Button, new() { Name = "Re-run as of today" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("done=rerun"));
        await page.GotoAsync(worklistUrl + "?status=Contacted");
        await Assertions.Expect(page.Locator($"#status-{PatientId}")).ToHaveValueAsync("Contacted");
        await PageChecks.VisitedAsync(page, "case-finding-03-contacted");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ClinicalDirector_BuildsALocalDefinition_PreviewsSavesRunsIt_CountEqualsTheSameDefinitionInCSharp()
    {
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, DemoClinicalDirector, AppFixture.DemoPassword);
        await page.GotoAsync("/case-finding/builder");
        await PageChecks.VisitedAsync(page, "case-finding-04-builder");

        var title = $"E2E over-80s with a blood pressure {Guid.NewGuid():N}"[..40];
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Aged from (optional)").FillAsync("80");
        await page.GetByLabel("A record with a code from the codelist").SelectOptionAsync("BP_COD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview count" }).ClickAsync();
        var preview = int.Parse((await page.Locator("#preview-count").InnerTextAsync()).Replace(",", string.Empty, StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);
        await PageChecks.VisitedAsync(page, "case-finding-05-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save definition" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/case-finding/definitions/.+\\?done=saved"));
        await Assertions.Expect(page.Locator("#codelists")).ToContainTextAsync("BP_COD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show inequalities" }).ClickAsync();
        await Assertions.Expect(page.Locator("#deprivation-chart")).ToHaveAttributeAsync("data-rendered", "true");
        await Assertions.Expect(page.Locator("#ethnicity-table tbody tr")).ToHaveCountAsync(6);
        await PageChecks.VisitedAsync(page, "case-finding-06-definition");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run this definition" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/case-finding/worklists/"));
        var qualifying = await page.Locator("#worklist-summary dd").First.InnerTextAsync();

        var expected = await CountInCSharpAsync();
        Assert.True(expected > 0, "The demo network has patients aged 80 or more with a blood pressure code.");
        Assert.Equal(expected, preview);
        Assert.Equal(expected.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), qualifying.Trim());
        await page.Context.CloseAsync();
    }

    // The builder's definition written with the fluent language: registered and alive today, aged 80 or more, with a
    // BP_COD event on or before today.
    private async Task<int> CountInCSharpAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var demo = await DemoPcnIdAsync(scope);
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetPcn(demo, null);
        var bp = scope.ServiceProvider.GetRequiredService<ShippedDefinitions>().Codelist("BP_COD")!;
        var population = Populations.RegisteredOn(Cohort.IndexDate)
                         & (Cohort.Patients.AgeOn(Cohort.IndexDate) >= 80)
                         & Cohort.ClinicalEvents.WithCode(bp).Where(e => e.Date <= Cohort.IndexDate).Exists();
        var definition = new CohortDefinition("e2e-over-80s-bp", "Over-80s with a BP", "E2E check", "E2E", 2026,
            new CohortQuery(population.Series, []), string.Empty, [bp], "local");
        return await scope.ServiceProvider.GetRequiredService<CohortRunner>().CountAsync(definition);
    }

    private async Task SeedRaisedBloodPressureAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var demo = await DemoPcnIdAsync(scope);
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        if (await db.Patients.AnyAsync(p => p.PatientId == PatientId))
        {
            return;
        }

        var seed = new RecordSeeder(db, demo);
        await seed.PatientAsync(PatientId, NhsNumberText, "Z00001", new DateOnly(1961, 2, 3), Sex.Male);
        await seed.EventAsync(PatientId, EventKind.Observation, "72313002", new DateOnly(2026, 10, 1), "Systolic", 162m, "mm[Hg]", sourceKey: 9_200_000_101, seq: 0);
        await seed.EventAsync(PatientId, EventKind.Observation, "1091811000000102", new DateOnly(2026, 10, 1), "Diastolic", 98m, "mm[Hg]", sourceKey: 9_200_000_101, seq: 1);
    }

    private static async Task<int> DemoPcnIdAsync(AsyncServiceScope scope)
    {
        var tenant = scope.ServiceProvider.GetRequiredService<TenantScope>();
        tenant.SetSystem();
        return await scope.ServiceProvider.GetRequiredService<PcnDbContext>().Pcns.Where(p => p.IsDemo).Select(p => p.PcnId).SingleAsync();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Features.Population;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Population;

[Trait("Category", "Functional")]
public sealed class PopulationPagesTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RecordPage_AsClinician_ShowsTheRecordAndAuditsWhoOpenedItWhen(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);

        var before = TimeProvider.System.GetUtcNow();
        var page = await Browser.GetPageAsync(browser, $"/population/patients/{PopulationFixture.Patient1}");

        Assert.Contains(NhsNumber.Parse(PopulationFixture.Nhs1).Formatted, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hypertension", page.QuerySelector("#problems-table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("132/84", page.QuerySelector("#observations-table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Amlodipine", page.QuerySelector("#medicines-table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nursing home", page.QuerySelector("#summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("nav.nhsuk-breadcrumb"));

        var viewed = Assert.Single(await PopulationFixture.AuditAsync(db, PatientRecordService.ViewedAction));
        Assert.Equal((a.User(Roles.Clinician).UserId, "1001", "Record page"), (viewed.UserId, viewed.Subject, viewed.Detail));
        Assert.InRange(viewed.OccurredAt, before.AddSeconds(-1), TimeProvider.System.GetUtcNow().AddSeconds(1));
    }

    [Fact]
    public async Task PatientsPage_FindByNhsNumber_PostsTheNumberAndOpensTheRecordByItsOwnId()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password);

        // The NHS number field is only in a POST form with an antiforgery token; browsing by practice stays a GET.
        var page = await Browser.GetPageAsync(browser, "/population/patients");
        var find = page.QuerySelector("input[name=nhsNumber]")!.Closest("form")!;
        Assert.Equal("post", find.GetAttribute("method"));
        Assert.NotNull(find.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.All(page.QuerySelectorAll("form[method=get]"), f => Assert.Null(f.QuerySelector("[name=nhsNumber]")));

        using var found = await Browser.SubmitAsync(browser, "/population/patients", "find-patient", new() { ["nhsNumber"] = PopulationFixture.Nhs1 });
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        var location = found.Headers.Location!;
        Assert.Equal($"/population/patients/{PopulationFixture.Patient1}", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);

        using var invalid = await Browser.SubmitAsync(browser, "/population/patients", "find-patient", new() { ["nhsNumber"] = "1234567890" });
        var error = await Html.ReadAsync(invalid);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Equal("#nhsNumber", error.QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));
        Assert.StartsWith("Error: ", error.Title, StringComparison.Ordinal);
        Assert.Null(error.QuerySelector("#patients"));

        using var unknown = await Browser.SubmitAsync(browser, "/population/patients", "find-patient", new() { ["nhsNumber"] = "943 476 5919" });
        var none = await Html.ReadAsync(unknown);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.NotNull(none.QuerySelector("#not-found"));
        Assert.Equal("943 476 5919", none.QuerySelector("#nhsNumber")?.GetAttribute("value"));
    }

    [Fact]
    public async Task PatientsPage_ListByPractice_IsAGetWithoutAnyNhsNumberInItsLinks()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);

        var page = await Browser.GetPageAsync(browser, $"/population/patients?practice=Z81001&nhsNumber={PopulationFixture.Nhs2}");

        // An old bookmark's nhsNumber is not read: the list is the practice's.
        var link = Assert.Single(page.QuerySelectorAll("#patients tbody a"));
        Assert.Equal($"/population/patients/{PopulationFixture.Patient1}", link.GetAttribute("href"));
        Assert.Equal(NhsNumber.Parse(PopulationFixture.Nhs1).Formatted, link.TextContent);
    }

    [Fact]
    public async Task DataQualityPage_AsPracticeManager_ShowsOnlyTheirPracticeWithAChartAndItsTable()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var manager = await Browser.SignedInAsync(app, a.User(Roles.PracticeManager).Email, TestNetworks.Password);
        var director = await Browser.GetPageAsync(await Browser.SignedInAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password), "/population/data-quality");

        var page = await Browser.GetPageAsync(manager, "/population/data-quality");

        var row = Assert.Single(page.QuerySelectorAll("#practice-quality tbody tr"));
        Assert.Contains("Z81001", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("canvas#events-by-kind-chart"));
        Assert.NotNull(page.QuerySelector("#events-by-kind-table caption"));
        Assert.Null(page.QuerySelector("#imports-summary"));
        Assert.Equal(2, director.QuerySelectorAll("#practice-quality tbody tr").Length);
        Assert.Contains("8302-2", director.QuerySelector("#unknown-codes-table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 quarantined", director.QuerySelector("#imports-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_ByRole_LinksOnlyThePopulationPagesTheRoleMayOpen()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);

        async Task<string[]> LinksAsync(string role) =>
            [.. (await Browser.GetPageAsync(await Browser.SignedInAsync(app, a.User(role).Email, TestNetworks.Password), "/"))
                .QuerySelectorAll(".nhsuk-header__navigation-link").Select(l => l.GetAttribute("href") ?? string.Empty)];

        Assert.Contains("/population/patients", await LinksAsync(Roles.Clinician));
        Assert.DoesNotContain("/population/imports", await LinksAsync(Roles.Clinician));
        Assert.Contains("/population/imports", await LinksAsync(Roles.PcnManager));
        Assert.DoesNotContain("/population/patients", await LinksAsync(Roles.PcnManager));
        Assert.Contains("/population/data-quality", await LinksAsync(Roles.PracticeManager));
        Assert.DoesNotContain("/population/data-quality", await LinksAsync(Roles.FinanceLead));
    }

    [Fact]
    public async Task ImportsPage_Upload_QueuesARunThatAnImporterFailureMarksFailed()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        var release = new TaskCompletionSource();
        await using var app = new OpenPcnWebFactory(db)
        {
            TestServices = services => services.AddSingleton<RecordImportRunner>(async (_, work, _, ct) =>
            {
                Assert.True(File.Exists(work.Path));
                await release.Task.WaitAsync(ct);
                throw new InvalidOperationException("The fake importer failed.");
            }),
        };
        var browser = await Browser.SignedInAsync(app, a.User(Roles.PcnManager).Email, TestNetworks.Password);

        using var response = await UploadAsync(browser, "records.ndjson", "{\"resourceType\":\"Patient\"}\n");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        var importId = Guid.Parse(url.Split('/')[^1]);
        var queued = await PopulationFixture.RunAsync(db, a.PcnId, importId);
        Assert.Equal(("records.ndjson", a.User(Roles.PcnManager).UserId), (queued!.Source, queued.StartedBy));
        Assert.True(queued.IsUnderWay);
        var running = await Browser.GetPageAsync(browser, url);
        Assert.Equal("5", running.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));

        release.SetResult();
        var finished = await PopulationFixture.WaitForFinishAsync(db, a.PcnId, importId);
        Assert.Equal(RecordImportStatus.Failed, finished.Status);
        Assert.False(string.IsNullOrEmpty(finished.Error));
        var page = await Browser.GetPageAsync(browser, url);
        Assert.Null(page.QuerySelector("meta[http-equiv=refresh]"));
        Assert.NotNull(page.QuerySelector(".nhsuk-warning-callout"));
    }

    [Fact]
    public async Task ImportsPage_WrongFileTypeOrFolderWithoutAdministrator_IsRefusedBesideTheField()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.PcnManager).Email, TestNetworks.Password);

        using var response = await UploadAsync(browser, "records.csv", "a,b\n");
        var page = await Html.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("#file", page.QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form #folder"));
    }

    [Fact]
    public async Task ImportsPage_AdministratorWhoMayImport_ImportsAFolderOnTheServer()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using (var scope = db.SystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync(a.PcnId,
                new NewUserInput("admin-manager@a.test", "Admin manager", TestNetworks.Password, [Roles.PcnManager, Roles.Administrator], null));
        }

        var folder = Directory.CreateTempSubdirectory("openpcn-import-").FullName;
        await using var app = new OpenPcnWebFactory(db)
        {
            TestServices = services => services.AddSingleton<RecordImportRunner>((_, _, _, _) => Task.FromResult(RecordImportStatus.Completed)),
        };
        var browser = await Browser.SignedInAsync(app, "admin-manager@a.test", TestNetworks.Password);

        using var missing = await Browser.SubmitAsync(browser, "/population/imports", "import-folder", new() { ["folder"] = Path.Combine(folder, "nope") });
        Assert.Equal("#folder", (await Html.ReadAsync(missing)).QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));

        using var response = await Browser.SubmitAsync(browser, "/population/imports", "import-folder", new() { ["folder"] = folder });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var importId = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(folder, (await PopulationFixture.RunAsync(db, a.PcnId, importId))!.Source);
        Assert.True(Directory.Exists(folder), "A server folder is never deleted after its import.");
    }

    [Fact]
    public async Task QuarantineCsv_Download_DefusesFormulasAndIsAudited()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, importId) = await PopulationFixture.SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password);

        var page = await Browser.GetPageAsync(browser, $"/population/imports/{importId}");
        Assert.Equal(2, page.QuerySelectorAll("#quarantine-table tbody tr").Length);
        Assert.Contains("Patient", page.QuerySelector("#counts-by-type")!.TextContent, StringComparison.Ordinal);
        using var csv = await browser.GetAsync($"/population/imports/{importId}/quarantine.csv");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'=cmd", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var exported = Assert.Single(await PopulationFixture.AuditAsync(db, RecordImportService.QuarantineExportedAction));
        Assert.Equal((a.User(Roles.ClinicalDirector).UserId, importId.ToString()), (exported.UserId, exported.Subject));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string name, string content)
    {
        using var page = await browser.GetAsync("/population/imports");
        var hidden = Html.HiddenFields(await Html.ReadAsync(page), "import");
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in hidden)
        {
            form.Add(new StringContent(value), key);
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return await browser.PostAsync("/population/imports", form);
    }
}

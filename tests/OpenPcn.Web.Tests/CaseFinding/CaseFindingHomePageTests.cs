using System.Net;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;
using static OpenPcn.Web.Tests.CaseFinding.CaseFindingPageTestsSeed;

namespace OpenPcn.Web.Tests.CaseFinding;

[Trait("Category", "Functional")]
public sealed class CaseFindingHomePageTests
{
    [Fact]
    public async Task HomePage_AsClinician_ListsDefinitionsByCategoryAndIsInTheHeader()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);

        var page = await Browser.GetPageAsync(browser, "/case-finding");

        Assert.Equal("Case finding", page.QuerySelector(".nhsuk-header__navigation-item--current a")?.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelectorAll("#definitions-register tbody tr"));
        Assert.Contains(page.QuerySelectorAll("#definitions-case-finding tbody th a"), l => l.GetAttribute("href") == "/case-finding/definitions/undiagnosed-hypertension");
        var local = Assert.Single(page.QuerySelectorAll("#definitions-local tbody tr"));
        Assert.Contains("Hypertension code", local.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#definition option"), o => o.GetAttribute("value") == definition);
        Assert.Equal(["", "Z81001", "Z81002"], page.QuerySelectorAll("#practice option").Select(o => o.GetAttribute("value")));

        var finance = await Browser.SignedInAsync(app, a.User(Roles.FinanceLead).Email, TestNetworks.Password);
        var home = await Browser.GetPageAsync(finance, "/");
        Assert.DoesNotContain(home.QuerySelectorAll(".nhsuk-header__navigation a"), l => l.GetAttribute("href") == "/case-finding");
    }

    [Fact]
    public async Task RunForm_WithoutADefinitionOrWithABadDate_ShowsTheErrorSummary()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);

        using var response = await Browser.SubmitAsync(browser, "/case-finding", "run", new()
        {
            ["Form.Definition"] = "",
            ["Form.Practice"] = "",
            ["Form.AsOf.Day"] = "31",
            ["Form.AsOf.Month"] = "2",
            ["Form.AsOf.Year"] = "2026",
        });
        var page = await Html.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(["#definition", "#as-of-day"], page.QuerySelectorAll(".nhsuk-error-summary a").Select(l => l.GetAttribute("href")));

        using var run = await Browser.SubmitAsync(browser, "/case-finding", "run", new()
        {
            ["Form.Definition"] = definition,
            ["Form.Practice"] = "Z81002",
            ["Form.AsOf.Day"] = "1",
            ["Form.AsOf.Month"] = "4",
            ["Form.AsOf.Year"] = "2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var worklist = await Browser.GetPageAsync(browser, run.Headers.Location!.Relative());
        Assert.Equal("3002", Assert.Single(worklist.QuerySelectorAll("#worklist-rows tbody tr")).GetAttribute("data-patient"));
        Assert.Contains("1 April 2026", worklist.QuerySelector("#worklist-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunForm_AsPracticeManager_OffersAndRunsOnlyTheirOwnPractice()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.PracticeManager).Email, TestNetworks.Password);

        var page = await Browser.GetPageAsync(browser, "/case-finding");
        Assert.Equal(["Z81001"], page.QuerySelectorAll("#practice option").Select(o => o.GetAttribute("value")));
        Assert.Empty(page.QuerySelectorAll("a[href='/case-finding/builder']")); // practice managers do not edit local definitions

        using var other = await Browser.SubmitAsync(browser, "/case-finding", "run", new() { ["Form.Definition"] = definition, ["Form.Practice"] = "Z81002" });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal("#practice", (await Html.ReadAsync(other)).QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));

        using var own = await Browser.SubmitAsync(browser, "/case-finding", "run", new() { ["Form.Definition"] = definition, ["Form.Practice"] = "Z81001" });
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        var worklist = await Browser.GetPageAsync(browser, own.Headers.Location!.Relative());
        Assert.Equal("3001", Assert.Single(worklist.QuerySelectorAll("#worklist-rows tbody tr")).GetAttribute("data-patient"));
    }

    [Fact]
    public async Task DefinitionPage_BuiltIn_ShowsCodelistsJsonAndTheInequalitiesOnRequest()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);

        var page = await Browser.GetPageAsync(browser, "/case-finding/definitions/undiagnosed-hypertension");
        Assert.NotEmpty(page.QuerySelector("#description")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("#codelists tbody th"), th => th.TextContent.Contains("HYP_COD", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("details#definition-json pre"));
        Assert.Null(page.QuerySelector("#deprivation-table")); // the inequalities run only when asked for

        var local = await Browser.GetPageAsync(browser, $"/case-finding/definitions/{definition}?inequalities=show&practice=");
        Assert.Contains("2 of 3 registered patients", local.QuerySelector("#inequalities-all")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, local.QuerySelectorAll("#deprivation-table tbody tr").Length);
        var quintiles = local.QuerySelectorAll("#deprivation-table tbody th");
        Assert.Equal("Not known", quintiles[quintiles.Length - 1].TextContent);
        Assert.Contains(local.QuerySelectorAll("#ethnicity-table tbody tr"), r => r.TextContent.Contains("Not stated", StringComparison.Ordinal) && r.TextContent.Contains("666.7", StringComparison.Ordinal));
        Assert.NotNull(local.QuerySelector("canvas#ethnicity-chart[aria-label]"));

        await Browser.GetPageAsync(browser, "/case-finding/definitions/no-such-definition", HttpStatusCode.NotFound);
    }
}

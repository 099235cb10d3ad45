using System.Net;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;
using static OpenPcn.Web.Tests.CaseFinding.CaseFindingPageTestsSeed;

namespace OpenPcn.Web.Tests.CaseFinding;

[Trait("Category", "Functional")]
public sealed class WorklistPageTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WorklistPage_AsClinician_ShowsEachPatientWithWhyAndAuditsTheView(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, definition) = await SeedAsync(db);
        var worklistId = await RunAsync(db, a, definition);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);

        var page = await Browser.GetPageAsync(browser, $"/case-finding/worklists/{worklistId}");

        Assert.Equal("Hypertension code", page.QuerySelector("h1")?.TextContent.Trim());
        var rows = page.QuerySelectorAll("#worklist-rows tbody tr");
        Assert.Equal(2, rows.Length);
        var first = rows.Single(r => r.GetAttribute("data-patient") == Patient1.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(NhsNumber.Parse(Nhs1).Formatted, first.TextContent, StringComparison.Ordinal);
        Assert.Contains("aged", first.QuerySelector(".openpcn-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ToDo", first.QuerySelector("select[name=status-3001] option[selected]")?.GetAttribute("value"));
        Assert.Equal(2, page.QuerySelectorAll("#progress-table tbody tr").Length);
        Assert.NotNull(page.QuerySelector("canvas#progress-chart[data-stacked=true]"));
        Assert.Contains(await AuditAsync(db, WorklistService.ViewAction), e => e.UserId == a.User(Roles.Clinician).UserId);

        // Nothing that identifies a patient is in any address on the page.
        var addresses = page.QuerySelectorAll("a[href], form[action]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("action") ?? string.Empty).ToList();
        Assert.All(addresses, href => Assert.DoesNotContain(Nhs1, href.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorklistPage_ChangeOneRowsStatus_SavesOnlyThatRowAndReRunKeepsIt()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        var worklistId = await RunAsync(db, a, definition);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);
        var url = $"/case-finding/worklists/{worklistId}";

        using var saved = await Browser.SubmitAsync(browser, url, "update-rows", new()
        {
            ["action"] = "rows",
            ["status-3001"] = "Booked",
            ["was-3001"] = "ToDo",
            ["status-3002"] = "ToDo",
            ["was-3002"] = "ToDo",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("done=status", saved.Headers.Location!.Relative(), StringComparison.Ordinal);
        Assert.Equal(WorklistStatus.Booked, await StatusAsync(db, worklistId, Patient1));
        Assert.Equal(WorklistStatus.ToDo, await StatusAsync(db, worklistId, Patient2));

        using var rerun = await Browser.SubmitAsync(browser, url, "rerun", []);
        Assert.Equal(HttpStatusCode.Redirect, rerun.StatusCode);
        Assert.Equal(WorklistStatus.Booked, await StatusAsync(db, worklistId, Patient1));
        var page = await Browser.GetPageAsync(browser, url + "?done=rerun");
        Assert.Contains("re-run", page.QuerySelector(".nhsuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Booked", page.QuerySelector("select[name=status-3001] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task WorklistPage_ChangeOrAssignSelected_NeedsASelectionAndChangesOnlyTheSelected()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        var worklistId = await RunAsync(db, a, definition);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password);
        var url = $"/case-finding/worklists/{worklistId}";

        using var none = await Browser.SubmitAsync(browser, url, "update-rows", new() { ["action"] = "status", ["bulkStatus"] = "Done" });
        var page = await Html.ReadAsync(none);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal("#selected-rows", page.QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));

        using var both = await Browser.SubmitAsync(browser, url, "update-rows", new() { ["action"] = "status", ["bulkStatus"] = "Done", ["selected"] = "3002" });
        Assert.Equal(HttpStatusCode.Redirect, both.StatusCode);
        Assert.Equal(WorklistStatus.Done, await StatusAsync(db, worklistId, Patient2));
        Assert.Equal(WorklistStatus.ToDo, await StatusAsync(db, worklistId, Patient1));

        using var assigned = await Browser.SubmitAsync(browser, url, "update-rows", new() { ["action"] = "assign", ["assignee"] = "Z81002", ["selected"] = "3002" });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var assignedPage = await Browser.GetPageAsync(browser, url + "?assignee=Z81002&qualifies=all");
        var row = Assert.Single(assignedPage.QuerySelectorAll("#worklist-rows tbody tr"));
        Assert.Equal("3002", row.GetAttribute("data-patient"));
        Assert.Contains("(Z81002)", row.TextContent, StringComparison.Ordinal); // the assignee by name, not by its raw value alone
    }

    [Fact]
    public async Task WorklistPage_AsPracticeManager_ShowsOnlyTheirOwnPracticesPatients()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        var worklistId = await RunAsync(db, a, definition);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.PracticeManager).Email, TestNetworks.Password);

        var page = await Browser.GetPageAsync(browser, $"/case-finding/worklists/{worklistId}?qualifies=all");

        var row = Assert.Single(page.QuerySelectorAll("#worklist-rows tbody tr"));
        Assert.Equal("3001", row.GetAttribute("data-patient"));
        Assert.DoesNotContain(NhsNumber.Parse(Nhs2).Formatted, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Z81001"], page.QuerySelectorAll("#filter-practice option").Select(o => o.GetAttribute("value")).Where(v => v!.Length > 0));
        Assert.Single(page.QuerySelectorAll("#progress-table tbody tr"));

        using var csv = await browser.GetAsync($"/case-finding/worklists/{worklistId}/export.csv?qualifies=all");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains(Nhs1, text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(Nhs2, text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportLinks_CsvAndExcel_DownloadTheFilteredRowsAndAreAudited()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, definition) = await SeedAsync(db);
        var worklistId = await RunAsync(db, a, definition);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);
        var page = await Browser.GetPageAsync(browser, $"/case-finding/worklists/{worklistId}?practice=Z81002");

        using var csv = await browser.GetAsync(page.QuerySelector("#export-csv")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length); // the header and patient 3002, the only one at Z81002
        Assert.Contains("Z81002", lines[1], StringComparison.Ordinal);

        using var xlsx = await browser.GetAsync(page.QuerySelector("#export-xlsx")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var workbook = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(workbook, 0, 2)); // a zip, as every .xlsx is
        Assert.Equal(2, (await AuditAsync(db, WorklistService.ExportAction)).Count);

        using var unknown = await browser.GetAsync($"/case-finding/worklists/{Guid.NewGuid()}/export.csv");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

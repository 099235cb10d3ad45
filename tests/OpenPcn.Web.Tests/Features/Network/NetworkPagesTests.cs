using System.Net;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Network;

/// <summary>The network pages as a person uses them: plain forms, errors beside fields, redirect after success.</summary>
[Trait("Category", "Functional")]
public sealed class NetworkPagesTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private OpenPcnWebFactory _app = default!;
    private SeededNetwork _a = default!;
    private SeededNetwork _b = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        (_a, _b) = await TestNetworks.SeedTwoAsync(_db);
        _app = new OpenPcnWebFactory(_db);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task AddPractice_ValidForm_RedirectsToThePracticeWithASuccessBanner()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);

        var response = await Browser.SubmitAsync(browser, "/practices/add", "add-practice", new()
        {
            ["Form.Code"] = "z84001",
            ["Form.Name"] = "Elm Tree Surgery",
            ["Form.Postcode"] = "ls6 1aa",
            ["Form.ClinicalSystem"] = "Tpp",
            ["Form.MemberFrom.Day"] = "1",
            ["Form.MemberFrom.Month"] = "4",
            ["Form.MemberFrom.Year"] = "2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/practices/Z84001?done=added", response.Headers.Location?.PathAndQuery);
        var page = await Browser.GetPageAsync(browser, response.Headers.Location!.PathAndQuery);
        Assert.Equal("Elm Tree Surgery", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("added to the network", page.QuerySelector(".nhsuk-notification-banner--success")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("LS6 1AA", page.QuerySelector(".nhsuk-summary-list")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPractice_BadCodeAndDate_ShowsEachErrorLinkedToItsField()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("ClinicalDirector").Email, TestNetworks.Password);

        var response = await Browser.SubmitAsync(browser, "/practices/add", "add-practice", new()
        {
            ["Form.Code"] = "12345",
            ["Form.Name"] = "Somewhere",
            ["Form.ClinicalSystem"] = "Emis",
            ["Form.MemberFrom.Day"] = "30",
            ["Form.MemberFrom.Month"] = "2",
            ["Form.MemberFrom.Year"] = "2026",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        var links = page.QuerySelectorAll(".nhsuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#code", "#member-from-day"], links);
        Assert.NotNull(page.QuerySelector("#code-error"));
        Assert.Contains("code-error", page.QuerySelector("#code")?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("12345", page.QuerySelector("#code")?.GetAttribute("value"));
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPractice_MemberOfAnotherNetwork_SaysSoAndChangesNothing()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);

        var response = await Browser.SubmitAsync(browser, "/practices/add", "add-practice", new()
        {
            ["Form.Code"] = _b.PracticeCodes[0],
            ["Form.Name"] = "Taken",
            ["Form.ClinicalSystem"] = "Emis",
            ["Form.MemberFrom.Day"] = "1",
            ["Form.MemberFrom.Month"] = "4",
            ["Form.MemberFrom.Year"] = "2026",
        });

        var page = await Html.ReadAsync(response);
        Assert.Contains("belongs to one PCN", page.QuerySelector(".nhsuk-error-summary")?.TextContent, StringComparison.Ordinal);
        await Browser.GetPageAsync(browser, $"/practices/{_b.PracticeCodes[0]}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PracticeManager_SeesTotalsButOnlyTheirOwnPractice()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("PracticeManager").Email, TestNetworks.Password);

        var page = await Browser.GetPageAsync(browser, "/");

        Assert.Single(page.QuerySelectorAll("#practices tbody tr"));
        Assert.Contains("21,000", page.QuerySelector(".nhsuk-summary-list")?.TextContent, StringComparison.Ordinal);
        await Browser.GetPageAsync(browser, $"/practices/{_a.PracticeCodes[0]}");
        await Browser.GetPageAsync(browser, $"/practices/{_a.PracticeCodes[1]}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Viewer_SeesNoEditLinksAndIsSentToAccessDeniedForForms()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("IcbViewer").Email, TestNetworks.Password);

        var page = await Browser.GetPageAsync(browser, "/");
        using var form = await browser.GetAsync("/practices/add");

        Assert.Null(page.QuerySelector("a[href='/practices/add']"));
        Assert.Empty(page.QuerySelectorAll(".nhsuk-summary-list__actions a"));
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.Equal("/access-denied", form.Headers.Location?.AbsolutePath);
        Assert.Null(page.QuerySelector("a[href='/users']"));
    }

    [Fact]
    public async Task Partner_AddThenRemove_ShowsInTheListThenGoes()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);

        var added = await Browser.SubmitAsync(browser, "/partners/add", "partner", new()
        {
            ["Form.Name"] = "Oak Hospice",
            ["Form.Kind"] = "Voluntary",
            ["Form.OdsCode"] = "",
            ["Form.StartDate.Day"] = "1",
            ["Form.StartDate.Month"] = "5",
            ["Form.StartDate.Year"] = "2025",
        });
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, (await Html.ReadAsync(added)).QuerySelector("main")?.TextContent);
        Assert.Equal("/partners?done=added", added.Headers.Location?.PathAndQuery);
        var list = await Browser.GetPageAsync(browser, "/partners");
        var edit = list.QuerySelectorAll("#other-partners a").Single(a => a.TextContent.Contains("Oak Hospice", StringComparison.Ordinal)).GetAttribute("href")!;

        var removed = await Browser.SubmitAsync(browser, edit, "remove-partner", []);

        Assert.Equal("/partners?done=removed", removed.Headers.Location?.PathAndQuery);
        Assert.DoesNotContain("Oak Hospice", (await Browser.GetPageAsync(browser, "/partners")).QuerySelector("#other-partners")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_ManagerWhoIsNotAdministrator_CannotHandOutAdministrator()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);
        var form = await Browser.GetPageAsync(browser, "/users/add");
        Assert.Null(form.QuerySelector("input[name=Roles][value=Administrator]"));

        using var page = await browser.GetAsync("/users/add");
        var hidden = Html.HiddenFields(await Html.ReadAsync(page), "user");
        var fields = hidden.Select(h => KeyValuePair.Create(h.Key, h.Value)).Concat(
        [
            KeyValuePair.Create("Form.Email", "sneaky@a.test"), KeyValuePair.Create("Form.DisplayName", "Sneaky"),
            KeyValuePair.Create("Form.Password", "a-long-enough-password"), KeyValuePair.Create("Roles", "Clinician"),
            KeyValuePair.Create("Roles", "Administrator"),
        ]);
        var response = await browser.PostAsync("/users/add", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only an administrator", (await Html.ReadAsync(response)).QuerySelector(".nhsuk-error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_ManagerChangingAnAdministratorsRoles_KeepsAdministrator()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);
        var url = $"/users/{_a.User("Administrator").UserId}/roles";
        using var page = await browser.GetAsync(url);
        var hidden = Html.HiddenFields(await Html.ReadAsync(page), "user");
        var fields = hidden.Select(h => KeyValuePair.Create(h.Key, h.Value))
            .Concat([KeyValuePair.Create("Roles", "FinanceLead"), KeyValuePair.Create("Form.PracticeCode", "")]);

        var response = await browser.PostAsync(url, new FormUrlEncodedContent(fields));

        Assert.Equal("/users?done=roles", response.Headers.Location?.PathAndQuery);
        var users = await Browser.GetPageAsync(browser, "/users");
        var row = users.QuerySelectorAll("#users tbody tr").Single(r => r.TextContent.Contains(_a.User("Administrator").Email, StringComparison.Ordinal));
        Assert.Contains("Administrator, Finance lead", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_AddWithTwoRoles_ListsThem()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("ClinicalDirector").Email, TestNetworks.Password);
        using var page = await browser.GetAsync("/users/add");
        var hidden = Html.HiddenFields(await Html.ReadAsync(page), "user");
        var fields = hidden.Select(h => KeyValuePair.Create(h.Key, h.Value)).Concat(
        [
            KeyValuePair.Create("Form.Email", "new.person@a.test"), KeyValuePair.Create("Form.DisplayName", "New Person"),
            KeyValuePair.Create("Form.Password", "a-long-enough-password"), KeyValuePair.Create("Roles", "Clinician"),
            KeyValuePair.Create("Roles", "FinanceLead"), KeyValuePair.Create("Form.PracticeCode", ""),
        ]);

        var response = await browser.PostAsync("/users/add", new FormUrlEncodedContent(fields));

        Assert.Equal("/users?done=added", response.Headers.Location?.PathAndQuery);
        var users = await Browser.GetPageAsync(browser, "/users");
        var row = users.QuerySelectorAll("#users tbody tr").Single(r => r.TextContent.Contains("new.person@a.test", StringComparison.Ordinal));
        Assert.Contains("Clinician, Finance lead", row.TextContent, StringComparison.Ordinal);
    }
}

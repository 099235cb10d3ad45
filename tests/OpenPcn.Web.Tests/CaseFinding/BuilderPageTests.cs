using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Features.CaseFinding.Pages;
using OpenPcn.Web.Tests.Infrastructure;
using static OpenPcn.Web.Tests.CaseFinding.CaseFindingPageTestsSeed;

namespace OpenPcn.Web.Tests.CaseFinding;

[Trait("Category", "Functional")]
public sealed class BuilderPageTests
{
    private static Dictionary<string, string> Fields(string action, string title = "Women with a hypertension code", string codes = HypertensionCode) => new()
    {
        ["Form.Title"] = title,
        ["Form.Description"] = "",
        ["Form.AgeFrom"] = "40",
        ["Form.AgeTo"] = "",
        ["Form.Sex"] = "female",
        ["Form.Criteria[0].Table"] = "ClinicalEvents",
        ["Form.Criteria[0].Presence"] = "MustHave",
        ["Form.Criteria[0].CodelistId"] = "",
        ["Form.Criteria[0].Codes"] = codes,
        ["Form.Criteria[0].When"] = "Ever",
        ["Form.Action"] = action,
    };

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Builder_PreviewThenSave_CountsAsTheServiceDoesAndSavesADefinitionThatRuns(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password);

        using var preview = await Browser.SubmitAsync(browser, "/case-finding/builder", "builder", Fields(BuilderForm.PreviewAction));
        var previewed = await Html.ReadAsync(preview);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("1", previewed.QuerySelector("#preview-count")?.TextContent); // 3001, a woman of 76; 3003 has no code
        Assert.Equal("Women with a hypertension code", previewed.QuerySelector("#title")?.GetAttribute("value"));

        using var save = await Browser.SubmitAsync(browser, "/case-finding/builder", "builder", Fields(BuilderForm.SaveAction));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var location = save.Headers.Location!.Relative();
        Assert.StartsWith("/case-finding/definitions/women-with-a-hypertension-code", location, StringComparison.Ordinal);
        var definition = await Browser.GetPageAsync(browser, location);
        Assert.Equal("Women with a hypertension code", definition.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains(HypertensionCode, definition.QuerySelector("#definition-json")!.TextContent, StringComparison.Ordinal);

        await using var scope = db.PcnScope(a.PcnId, actor: a.User(Roles.Clinician).UserId);
        var run = await scope.ServiceProvider.GetRequiredService<WorklistService>().RunAsync("women-with-a-hypertension-code");
        Assert.Equal(1, run.Worklist.Qualifying);
    }

    [Fact]
    public async Task Builder_WithMistakes_ShowsEachBesideItsFieldInTheErrorSummary()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.PcnManager).Email, TestNetworks.Password);
        var fields = Fields(BuilderForm.SaveAction, title: "", codes: "not-a-code");
        fields["Form.AgeFrom"] = "forty";

        using var response = await Browser.SubmitAsync(browser, "/case-finding/builder", "builder", fields);
        var page = await Html.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(["#age-from"], page.QuerySelectorAll(".nhsuk-error-summary a").Select(l => l.GetAttribute("href")));

        fields["Form.AgeFrom"] = "40";
        using var again = await Browser.SubmitAsync(browser, "/case-finding/builder", "builder", fields);
        var links = (await Html.ReadAsync(again)).QuerySelectorAll(".nhsuk-error-summary a").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains("#title", links);
        Assert.Contains("#criteria-0-codes", links);
    }

    [Fact]
    public async Task Builder_AddAndRemoveCriterion_RedrawsTheFormWithoutJavaScript()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password);

        using var added = await Browser.SubmitAsync(browser, "/case-finding/builder", "builder", Fields(BuilderForm.AddAction));
        var page = await Html.ReadAsync(added);
        Assert.Equal(2, page.QuerySelectorAll("fieldset.openpcn-criterion").Length);
        Assert.Equal(HypertensionCode, page.QuerySelector("#criteria-0-codes")?.TextContent);
        Assert.Equal("Criterion 2", page.QuerySelector("#criteria-1-fieldset legend")?.TextContent.Trim());

        using var removed = await Browser.SubmitAsync(browser, "/case-finding/builder", "builder", Fields(BuilderForm.RemovePrefix + "0"));
        Assert.Empty((await Html.ReadAsync(removed)).QuerySelectorAll("fieldset.openpcn-criterion"));
    }

    [Fact]
    public async Task Builder_OpenSavedDefinition_ChangesItThenDeletesIt()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, name) = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password);
        var url = $"/case-finding/builder/{name}";

        var page = await Browser.GetPageAsync(browser, url);
        Assert.Equal("Hypertension code", page.QuerySelector("#title")?.GetAttribute("value"));
        Assert.Equal(HypertensionCode, page.QuerySelector("#criteria-0-codes")?.TextContent);

        using var changed = await Browser.SubmitAsync(browser, url, "builder", Fields(BuilderForm.SaveAction, title: "Hypertension code, women"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.StartsWith($"/case-finding/definitions/{name}", changed.Headers.Location!.Relative(), StringComparison.Ordinal);
        Assert.Equal("Hypertension code, women", (await Browser.GetPageAsync(browser, url)).QuerySelector("#title")?.GetAttribute("value"));

        using var deleted = await Browser.SubmitAsync(browser, url, "delete-definition", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await Browser.GetPageAsync(browser, url, HttpStatusCode.NotFound);
        await Browser.GetPageAsync(browser, $"/case-finding/definitions/{name}", HttpStatusCode.NotFound);
    }
}

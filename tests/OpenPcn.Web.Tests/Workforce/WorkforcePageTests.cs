using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.CaseFinding;
using OpenPcn.Web.Tests.Infrastructure;
using OpenPcn.Web.Tests.TenancyMatrix;

namespace OpenPcn.Web.Tests.Workforce;

[Trait("Category", "Functional")]
public sealed class WorkforcePageTests
{
    [Fact]
    public async Task WorkforcePage_ByRole_ShowsStaffTotalsAndPipelineAndEditLinksOnlyToEditors()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await TestNetworks.SeedTwoAsync(db);
        var staffId = await SeedAsync(db, a);
        await using var app = new OpenPcnWebFactory(db);

        var finance = await Browser.SignedInAsync(app, a.User(Roles.FinanceLead).Email, TestNetworks.Password);
        var page = await Browser.GetPageAsync(finance, "/workforce");
        Assert.Equal("Workforce", page.QuerySelector("h1")?.TextContent);
        var row = Assert.Single(page.QuerySelectorAll("#staff-table tbody tr"));
        Assert.Contains("Hannah Price", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Clinical pharmacist", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("ARRS", row.TextContent, StringComparison.Ordinal);
        // One full-time pharmacist: 1 person, 1.0 WTE, as a chart and the same figures as a table.
        Assert.NotNull(page.QuerySelector("canvas#wte-by-role-chart"));
        Assert.Contains("1.0", page.QuerySelector("#wte-table tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dietitian", page.QuerySelector("#pipeline-table")!.TextContent, StringComparison.Ordinal);
        var links = page.QuerySelectorAll("a").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains("/workforce/claims", links);
        Assert.Contains("/workforce/envelope", links);
        Assert.Contains("/workforce/staff/new", links);
        var staffPage = await Browser.GetPageAsync(finance, $"/workforce/staff/{staffId}");
        Assert.Contains(staffPage.QuerySelectorAll("a"), l => l.GetAttribute("href")?.EndsWith("/deployments", StringComparison.Ordinal) == true);

        var manager = await Browser.SignedInAsync(app, a.User(Roles.PcnManager).Email, TestNetworks.Password);
        var readOnly = await Browser.GetPageAsync(manager, "/workforce");
        Assert.DoesNotContain(readOnly.QuerySelectorAll("a"), l => l.GetAttribute("href") == "/workforce/staff/new");
        var readOnlyStaff = await Browser.GetPageAsync(manager, $"/workforce/staff/{staffId}");
        Assert.DoesNotContain(readOnlyStaff.QuerySelectorAll("a"), l => l.GetAttribute("href")?.Contains("/contracts/", StringComparison.Ordinal) == true);
        using var denied = await manager.GetAsync("/workforce/staff/new");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/access-denied", denied.Headers.Location!.Relative(), StringComparison.Ordinal);

        var clinician = await Browser.SignedInAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);
        using var none = await clinician.GetAsync("/workforce");
        Assert.Equal(HttpStatusCode.Redirect, none.StatusCode);
    }

    [Fact]
    public async Task ContractForm_EndBeforeStartOrBadWte_ShowsTheErrorsBesideTheFields()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await TestNetworks.SeedTwoAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var finance = await Browser.SignedInAsync(app, a.User(Roles.FinanceLead).Email, TestNetworks.Password);

        using var added = await Browser.SubmitAsync(finance, "/workforce/staff/new", "staff", new() { ["Form.Name"] = "Jake Hughes", ["Form.Registration"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var contractUrl = added.Headers.Location!.Relative();
        Assert.EndsWith("/contracts/new", contractUrl, StringComparison.Ordinal);

        var fields = MatrixContext.ContractFields(a.PracticeCodes[0]);
        fields["Form.Start.Day"] = "15";
        fields["Form.Start.Month"] = "7";
        fields["Form.Start.Year"] = "2026";
        fields["Form.End.Day"] = "14";
        fields["Form.End.Month"] = "7";
        fields["Form.End.Year"] = "2026";
        using var backwards = await Browser.SubmitAsync(finance, contractUrl, "contract", fields);
        var page = await Html.ReadAsync(backwards);
        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(["#end-day"], page.QuerySelectorAll(".nhsuk-error-summary a").Select(l => l.GetAttribute("href")));
        Assert.Contains("The end date 14 Jul 2026 is before the start date 15 Jul 2026.", page.QuerySelector("#end-day-error, .nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);

        fields["Form.Wte"] = "-0.5";
        fields["Form.End.Day"] = fields["Form.End.Month"] = fields["Form.End.Year"] = "";
        using var negative = await Browser.SubmitAsync(finance, contractUrl, "contract", fields);
        var negativePage = await Html.ReadAsync(negative);
        Assert.Equal(["#wte"], negativePage.QuerySelectorAll(".nhsuk-error-summary a").Select(l => l.GetAttribute("href")));

        fields["Form.Wte"] = "0.8";
        using var saved = await Browser.SubmitAsync(finance, contractUrl, "contract", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var staff = await Browser.GetPageAsync(finance, saved.Headers.Location!.Relative());
        Assert.Contains("Contract added.", staff.Body!.TextContent, StringComparison.Ordinal);
        // £48,000: NI (48,000 − 5,000) × 15% = £6,450.00 filled in when left empty.
        Assert.Contains("£6,450.00", staff.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_BadContractOrUnknownStaff_AnswersProblemDetails()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await TestNetworks.SeedTwoAsync(db);
        var staffId = await SeedAsync(db, a);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.FinanceLead).Email, TestNetworks.Password);

        var body = JsonSerializer.SerializeToNode(MatrixContext.ContractJson(a.PracticeCodes[0]))!.AsObject();
        body["wte"] = -0.5m;
        body["role"] = "astronaut";
        using var bad = await api.PostAsJsonAsync($"/api/v1/workforce/staff/{staffId}/contracts", body);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("wte", out _));

        body["wte"] = 1m;
        using var unknown = await api.PostAsJsonAsync($"/api/v1/workforce/staff/{staffId}/contracts", body);
        Assert.Contains("unknown role", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("role")[0].GetString(),
            StringComparison.Ordinal);

        using var overlap = await api.PostAsJsonAsync($"/api/v1/workforce/staff/{staffId}/contracts", MatrixContext.ContractJson(a.PracticeCodes[0]));
        Assert.Equal(HttpStatusCode.BadRequest, overlap.StatusCode);

        using var missing = await api.GetAsync($"/api/v1/workforce/staff/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        using var manager = await Browser.ApiClientAsync(app, a.User(Roles.PcnManager).Email, TestNetworks.Password);
        using var forbidden = await manager.PostAsJsonAsync("/api/v1/workforce/staff", new { name = "Not allowed" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var list = await manager.GetAsync("/api/v1/workforce/staff");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    private static async Task<Guid> SeedAsync(TestDatabase db, SeededNetwork a)
    {
        await using var scope = db.PcnScope(a.PcnId, actor: a.User(Roles.FinanceLead).UserId);
        var workforce = scope.ServiceProvider.GetRequiredService<WorkforceService>();
        var staff = await workforce.AddStaffAsync(new StaffInput("Hannah Price", "GPhC 2290001"));
        await workforce.AddContractAsync(staff.StaffMemberId, MatrixContext.Contract(a.PracticeCodes[0]));
        await workforce.AddPlannedPostAsync(new PlannedPostInput("dietitian", 0.6m, "All", new DateOnly(2027, 1, 4), Money.FromPounds(33_000m), null));
        return staff.StaffMemberId;
    }
}

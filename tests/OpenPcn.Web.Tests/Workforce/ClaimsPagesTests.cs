using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.CaseFinding;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Workforce;

/// <summary>
/// Network A with Alice, a clinical pharmacist from 1 April 2026 at £48,000 + £6,000 + £6,000 = £60,000 a year:
/// October 2026 actual £5,000.00, maximum £65,838 ÷ 12 = £5,486.50, reimbursable £5,000.00. Today is 23 November 2026.
/// </summary>
[Trait("Category", "Functional")]
public sealed class ClaimsPagesTests
{
    private static async Task<SeededNetwork> SeedAsync(TestDatabase db)
    {
        var (a, _) = await TestNetworks.SeedTwoAsync(db);
        await using var scope = db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var staff = new StaffMember(a.PcnId, Guid.NewGuid(), "Alice Pharmacist", null);
        staff.AddContract(Guid.NewGuid(),
            new ContractTerms("clinical-pharmacist", ArrsRegion.National, 1m, Money.FromPounds(48_000m), Money.FromPounds(6_000m), Money.FromPounds(6_000m),
                new DateOnly(2026, 4, 1), null),
            new ContractDetails("7-8a", EmployerKind.LeadProvider, null, "Federation", IsArrs: true, AdditionalityConfirmed: true, null));
        context.Add(staff);
        await context.SaveChangesAsync();
        return a;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ManageClaim_BuildSubmitThenRebuild_LinesWithWorkingsAndTheLockRefusesRebuilding(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.FinanceLead).Email, TestNetworks.Password);

        using var build = await Browser.SubmitAsync(browser, "/workforce/claims/2026-10/manage", "build", []);
        Assert.Equal(HttpStatusCode.Redirect, build.StatusCode);
        Assert.Equal("/workforce/claims/2026-10?done=built", build.Headers.Location!.Relative());
        var claim = await Browser.GetPageAsync(browser, "/workforce/claims/2026-10");
        Assert.Equal("£5,000.00", claim.QuerySelector("#total-reimbursable")?.TextContent);
        Assert.Contains("Alice Pharmacist", claim.QuerySelector("#line-1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("£65,838.00 a year × 1 WTE ÷ 12 × 31/31 days = £5,486.50", claim.QuerySelector("#line-1 .workings")!.TextContent, StringComparison.Ordinal);

        using var submit = await Browser.SubmitAsync(browser, "/workforce/claims/2026-10/manage", "submit", []);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        // A submitted claim's page offers no rebuild; a stale page's (or a crafted) post is refused all the same.
        var manage = await Browser.GetPageAsync(browser, "/workforce/claims/2026-10/manage");
        Assert.Null(manage.QuerySelector("#build"));
        var fields = Html.HiddenFields(manage, "amend");
        fields["_handler"] = "build";
        using var rebuild = await browser.PostAsync("/workforce/claims/2026-10/manage", new FormUrlEncodedContent(fields));
        var refused = await Html.ReadAsync(rebuild);
        Assert.Equal(HttpStatusCode.OK, rebuild.StatusCode);
        Assert.Contains("cannot be rebuilt", refused.QuerySelector(".nhsuk-error-summary")!.TextContent, StringComparison.Ordinal);

        using var csv = await browser.GetAsync("/workforce/claims/2026-10/export.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("Alice Pharmacist", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManageClaim_PcnManager_MaySeeButNotManage()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var a = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.PcnManager).Email, TestNetworks.Password);

        var list = await Browser.GetPageAsync(browser, "/workforce/claims");
        using var manage = await browser.GetAsync("/workforce/claims/2026-10/manage");

        Assert.Null(list.QuerySelector("#build-links"));
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.StartsWith("/access-denied", manage.Headers.Location!.Relative(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Envelope_AddAPlannedPost_HeadroomFallsByItsCostAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.FinanceLead).Email, TestNetworks.Password);

        var before = await Browser.GetPageAsync(browser, "/workforce/envelope?year=2026/27");
        // A pharmacist from 1 January 2027 at £60,000 a year: January to March 3 × £5,000.00 = £15,000.00 less headroom.
        var after = await Browser.GetPageAsync(browser,
            "/workforce/envelope?year=2026/27&action=add&kind=AddPost&from=2027-01-01&role=clinical-pharmacist&region=National&wte=1&salary=48000&ni=6000&pension=6000");

        Assert.True(Money.TryParse(before.QuerySelector("#headroom")!.TextContent, out var headroomBefore));
        Assert.True(Money.TryParse(after.QuerySelector("#headroom")!.TextContent, out var headroomAfter));
        Assert.Equal(1_500_000L, (headroomBefore - headroomAfter).Pence);
        Assert.NotNull(after.QuerySelector("#scenario-note"));
        Assert.Single(after.QuerySelectorAll("#scenario-changes tbody tr"));
        Assert.NotNull(after.QuerySelector("#spend-chart"));
        Assert.Equal(12, after.QuerySelectorAll("#months tbody tr").Length);

        var again = await Browser.GetPageAsync(browser, "/workforce/envelope?year=2026/27");
        Assert.Equal(before.QuerySelector("#headroom")!.TextContent, again.QuerySelector("#headroom")!.TextContent);
    }

    [Fact]
    public async Task Envelope_ChangeWithMistakes_ShowsThemBesideTheFields()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var a = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.FinanceLead).Email, TestNetworks.Password);

        var page = await Browser.GetPageAsync(browser, "/workforce/envelope?year=2026/27&action=add&kind=AddPost&from=soon&role=clinical-pharmacist&wte=2&salary=&ni=0&pension=0");

        var summary = page.QuerySelector(".nhsuk-error-summary")!.TextContent;
        Assert.Contains("Enter the date the change starts", summary, StringComparison.Ordinal);
        Assert.Contains("Enter the salary a year", summary, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#scenario-changes"));
    }

    [Fact]
    public async Task Api_ScenarioAndBuildAfterSubmit_FiguresAndA409()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var a = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.FinanceLead).Email, TestNetworks.Password);

        using var built = await api.PostAsync("/api/v1/workforce/claims/2026-10/build", null);
        using var submitted = await api.PostAsync("/api/v1/workforce/claims/2026-10/submit", null);
        using var rebuilt = await api.PostAsync("/api/v1/workforce/claims/2026-10/build", null);
        using var badMonth = await api.GetAsync("/api/v1/workforce/claims/October");
        using var envelope = await api.GetAsync("/api/v1/workforce/envelope?year=2026/27");
        using var scenario = await api.PostAsJsonAsync("/api/v1/workforce/envelope/scenario", new
        {
            year = "2026/27",
            changes = new[] { new { kind = "PayUplift", from = "2027-03-01", role = (string?)null, percent = 10m } },
        });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.BadRequest),
            (built.StatusCode, submitted.StatusCode, rebuilt.StatusCode, badMonth.StatusCode));
        Assert.Equal(5_000.00m, (await built.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalReimbursable").GetDecimal());
        // March 2027: £66,000 a year = £5,500.00, capped at £5,486.50: £486.50 more spend, £486.50 less headroom.
        var plain = (await envelope.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("headroom").GetDecimal();
        var uplifted = (await scenario.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("headroom").GetDecimal();
        Assert.Equal(486.50m, plain - uplifted);
    }
}

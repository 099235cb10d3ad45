using System.Net;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Hosting;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Hosting;

[Trait("Category", "Functional")]
public sealed class FirstRunTests
{
    [Fact]
    public async Task FirstRun_EmptyDatabase_CreatesTheDemoNetworkWhoseSignInsWork()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpenPcnWebFactory(db, demo: true);

        var browser = await Browser.SignedInAsync(app, "manager@demo.openpcn.test", "demo-password-1");
        var page = await Browser.GetPageAsync(browser, "/");

        Assert.Equal("Demo Vale PCN (fictional)", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Demo network — all data is fictional", page.QuerySelector(".openpcn-demo-banner")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(7, page.QuerySelectorAll("#practices tbody tr").Length);
        Assert.Equal(4, page.QuerySelectorAll("#formation-checks ~ dl .nhsuk-tag").Length);
        Assert.NotNull(page.QuerySelector("canvas#practice-list-chart[data-series]"));
        Assert.Equal("Population of today's member practices, by census date", page.QuerySelector("#population-history-chart")?.Closest("figure")?.QuerySelector("figcaption")?.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("#list-size-figures caption"), c => c.TextContent.Trim() == "Population of today's member practices, by census date");
    }

    [Fact]
    public async Task FirstRun_DemoManager_IsNotAnAdministrator()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpenPcnWebFactory(db, demo: true);

        var browser = await Browser.SignedInAsync(app, "manager@demo.openpcn.test", "demo-password-1");
        using var directory = await browser.GetAsync("/directory");
        var home = await Browser.GetPageAsync(browser, "/");

        Assert.Equal("/access-denied", directory.Headers.Location?.AbsolutePath);
        Assert.Null(home.QuerySelector("a[href='/directory']"));
        Assert.Null(home.QuerySelector("a[href='/onboarding']"));
    }

    [Theory]
    [InlineData("cd", "ClinicalDirector")]
    [InlineData("practice", "PracticeManager")]
    [InlineData("icb", "IcbViewer")]
    public async Task FirstRun_DemoUsers_EachSignInWithTheConfiguredPassword(string local, string role)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpenPcnWebFactory(db, demo: true);

        using var api = await Browser.ApiClientAsync(app, $"{local}@demo.openpcn.test", "demo-password-1");
        var me = await api.GetStringAsync("/api/v1/me");

        Assert.Contains(role, me, StringComparison.Ordinal);
        Assert.Contains("\"isDemo\":true", me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstRun_WithDemoTurnedOff_CreatesNoNetwork()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpenPcnWebFactory(db, demo: false);

        var response = await Browser.SignInAsync(app.CreateBrowser(), "manager@demo.openpcn.test", "demo-password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the sign-in page again, with an error
        Assert.NotNull((await Html.ReadAsync(response)).QuerySelector(".nhsuk-error-summary"));
    }

    [Fact]
    public async Task Health_WithoutSignIn_ReportsTheDatabaseHealthy()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpenPcnWebFactory(db);

        var body = await app.CreateClient().GetStringAsync("/health");

        Assert.Equal("Healthy", body);
    }

    [Fact]
    public void Welcome_WithDemo_PrintsTheAddressEachSignInAndHowToMakeAnAdministrator()
    {
        var text = FirstRun.Welcome(["http://[::]:5080"], "SQLite (/data/openpcn.db)",
            new FirstRun.DemoDetails("Demo Vale PCN (fictional)", JustCreated: true,
                [("cd@demo.openpcn.test", "ClinicalDirector"), ("manager@demo.openpcn.test", "PcnManager")]),
            "demo-password-1", hasAdministrator: false);

        Assert.Contains("Open http://localhost:5080 in a browser.", text, StringComparison.Ordinal);
        Assert.Contains("Created the demo network: Demo Vale PCN (fictional)", text, StringComparison.Ordinal);
        Assert.Matches(@"manager@demo\.openpcn\.test\s+PcnManager\s+demo-password-1", text);
        Assert.Contains(
            "dotnet run --project src/OpenPcn.Cli -- users add --pcn U99999 --email you@example.nhs.uk --name \"Your Name\" --role Administrator --role PcnManager",
            text, StringComparison.Ordinal);
        Assert.Contains("--password-stdin", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Welcome_WithAnAdministrator_SaysNothingAboutMakingOne()
    {
        var text = FirstRun.Welcome(["http://[::]:5080"], "SQLite (/data/openpcn.db)",
            new FirstRun.DemoDetails("Demo Vale PCN (fictional)", JustCreated: false, [("manager@demo.openpcn.test", "PcnManager")]),
            "demo-password-1", hasAdministrator: true);

        Assert.DoesNotContain("users add", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Welcome_WithoutDemo_PrintsNoSignInsButHowToSetUpANetworkAndItsAdministrator()
    {
        var text = FirstRun.Welcome(["http://127.0.0.1:8080"], "PostgreSQL (db/openpcn)", null, "demo-password-1", hasAdministrator: false);

        Assert.Contains("Open http://127.0.0.1:8080 in a browser.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-password-1", text, StringComparison.Ordinal);
        Assert.Contains("-- network create --pcn U12345", text, StringComparison.Ordinal);
        Assert.Contains("-- users add --pcn U12345", text, StringComparison.Ordinal);
    }
}

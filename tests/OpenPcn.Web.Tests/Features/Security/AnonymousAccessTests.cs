using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Security;

/// <summary>
/// Nothing answers without sign-in except sign-in itself, health, the token endpoint and static files. The routes
/// come from the app's own endpoint data source, so a new page or endpoint is covered the moment it is mapped.
/// </summary>
[Trait("Category", "Functional")]
public sealed class AnonymousAccessTests : IAsyncLifetime
{
    // Each open route and why it is open.
    private static readonly Dictionary<string, string> OpenRoutes = new()
    {
        ["GET /sign-in"] = "the sign-in page",
        ["POST /sign-in"] = "signing in",
        ["POST /sign-out"] = "signing out needs only the antiforgery token, so an expired session can still sign out",
        ["POST /api/v1/auth/token"] = "exchanging a password for a bearer token",
        ["GET /health"] = "health checks by a load balancer or monitor",
        ["GET /error"] = "the error page the pipeline re-runs for failed requests",
        ["POST /error"] = "the same page (component endpoints answer GET and POST)",
        ["GET /error/{StatusCode:int}"] = "the error page for a status code",
        ["POST /error/{StatusCode:int}"] = "the same page",
        ["GET /not-found"] = "the page for unknown addresses",
        ["POST /not-found"] = "the same page",
    };

    private TestDatabase _db = default!;
    private OpenPcnWebFactory _app = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _app = new OpenPcnWebFactory(_db);
        _app.CreateClient().Dispose(); // starts the app
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public void Endpoints_OnlyTheKnownOnesAllowAnonymousUsers()
    {
        var open = Endpoints.All(_app.Services).Where(e => e.AllowsAnonymous).Select(e => e.Key).ToList();

        Assert.Empty(open.Except(OpenRoutes.Keys));
        Assert.Empty(OpenRoutes.Keys.Except(open));
    }

    [Fact]
    public async Task EveryEndpoint_WithoutSignIn_IsRefused()
    {
        var client = _app.CreateBrowser();
        var endpoints = Endpoints.All(_app.Services).Where(e => !OpenRoutes.ContainsKey(e.Key)).ToList();
        Assert.True(endpoints.Count > 40, $"Only {endpoints.Count} endpoints found: is the data source read after start-up?");

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url());
            if (endpoint.Method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request);
            var refused = endpoint.IsApi || endpoint.Route.StartsWith("/openapi", StringComparison.Ordinal)
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/sign-in";
            if (!refused)
            {
                failures.Add($"{endpoint.Key} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task UnknownAddress_WithoutSignIn_GoesToSignIn()
    {
        using var response = await _app.CreateBrowser().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("/health", "text/plain")]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/lib/nhsuk-frontend/nhsuk-frontend.min.css", "text/css")]
    [InlineData("/lib/nhsuk-frontend/nhsuk-frontend.min.js", "text/javascript")]
    [InlineData("/lib/chart.js/chart.umd.min.js", "text/javascript")]
    [InlineData("/assets/images/favicon.svg", "image/svg+xml")]
    [InlineData("/sign-in", "text/html")]
    public async Task OpenResources_WithoutSignIn_AreServed(string path, string contentType)
    {
        using var response = await _app.CreateBrowser().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(contentType, response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithTheSignInCookieButNoToken_IsUnauthorised()
    {
        var seeded = await TestNetworks.SeedAsync(_db, "U33333", "Cookie PCN", "c.test", "Partner", "Dr C", ("Z83001", 10_000));
        var browser = await Browser.SignedInAsync(_app, seeded.User("PcnManager").Email, TestNetworks.Password);

        using var page = await browser.GetAsync("/");
        using var api = await browser.GetAsync("/api/v1/network");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public void EndpointDataSource_IsTheCompositeOfAllSources() =>
        Assert.NotEmpty(_app.Services.GetRequiredService<EndpointDataSource>().Endpoints);
}

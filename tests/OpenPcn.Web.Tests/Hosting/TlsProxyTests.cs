using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Hosting;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Hosting;

/// <summary>
/// Behind a proxy that terminates TLS: Secure cookies on https, HSTS on https answers, plain http refused outside local
/// development unless it comes from this machine, and the client's address and scheme taken from the proxy's headers
/// only when configured and only from a known proxy.
/// </summary>
[Trait("Category", "Functional")]
public sealed class TlsProxyTests : IAsyncLifetime
{
    private const string Proxy = "10.0.0.5";

    private TestDatabase _db = default!;
    private SeededNetwork _a = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _a = await TestNetworks.SeedAsync(_db, "U11111", "Alder Vale PCN", "a.test", "Partner", "Dr A", ("Z81001", 12_000));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Production_BehindATlsProxy_SignsInWithSecureCookies()
    {
        await using var app = ProxiedApp(enabled: true, Proxy, environment: "Production");
        var client = app.CreateNoRedirectClient(cookies: false);

        using var page = await client.SendAsync(FromProxy(HttpMethod.Get, "/sign-in"));
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode} {(await Html.ReadAsync(page)).QuerySelector("main")?.TextContent}");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("OpenPcn.Antiforgery=", StringComparison.Ordinal));
        var form = Html.HiddenFields(await Html.ReadAsync(page), "sign-in");
        form["Input.Email"] = _a.User("Clinician").Email;
        form["Input.Password"] = TestNetworks.Password;
        using var post = FromProxy(HttpMethod.Post, "/sign-in");
        post.Content = new FormUrlEncodedContent(form);
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signedIn = await client.SendAsync(post);

        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("OpenPcn.SignIn=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Production_PlainHttpFromAnotherMachine_IsRefusedWithAClearMessage()
    {
        await using var app = ProxiedApp(enabled: false, "10.0.0.99", environment: "Production");
        var client = app.CreateNoRedirectClient(cookies: false);

        using var page = await client.GetAsync("/sign-in");
        using var api = await client.PostAsync("/api/v1/auth/token", System.Net.Http.Json.JsonContent.Create(new { email = "x@example.nhs.uk", password = "p" }));

        Assert.Equal((HttpStatusCode.MisdirectedRequest, HttpStatusCode.MisdirectedRequest), (page.StatusCode, api.StatusCode));
        Assert.Contains("https", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("Set-Cookie"));
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Production_PlainHttpFromThisMachine_SignsInWithoutSecureCookies()
    {
        await using var app = ProxiedApp(enabled: false, "127.0.0.1", environment: "Production");
        var client = app.CreateNoRedirectClient(cookies: false);

        using var page = await client.GetAsync("/sign-in");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("OpenPcn.Antiforgery=", StringComparison.Ordinal));
        Assert.DoesNotContain("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Testing_OverPlainHttp_KeepsCookiesUsableOnHttp()
    {
        await using var app = new OpenPcnWebFactory(_db);

        using var page = await app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }).GetAsync("/sign-in");

        Assert.DoesNotContain("; secure", page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("OpenPcn.Antiforgery=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https://openpcn.example", true)]
    [InlineData("http://openpcn.example", false)]
    public async Task Hsts_OutsideDevelopment_IsSentOnHttpsOnly(string baseAddress, bool expected)
    {
        await using var app = new OpenPcnWebFactory(_db);

        using var response = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress) }).GetAsync("/health");

        Assert.Equal(expected, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData(true, Proxy, true)]
    [InlineData(true, "10.0.0.99", false)] // an address that is not a known proxy cannot claim https
    [InlineData(false, Proxy, false)]
    public async Task ForwardedHeaders_FromAKnownProxyWhenEnabled_MakeTheRequestHttps(bool enabled, string remote, bool https)
    {
        await using var app = ProxiedApp(enabled, remote);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://openpcn.example") }).SendAsync(request);

        Assert.Equal(https, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignInRateLimit_BehindAProxy_CountsEachClientAddressApart()
    {
        await using var app = ProxiedApp(enabled: true, Proxy, permitLimit: 2);
        var email = _a.User("Clinician").Email;

        async Task<HttpStatusCode> TokenAsync(string client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { email, password = "not-the-password-at-all" }),
            };
            request.Headers.Add("X-Forwarded-For", client);
            using var response = await app.CreateClient().SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await TokenAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TokenAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await TokenAsync("203.0.113.2"));
    }

    private static HttpRequestMessage FromProxy(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        return request;
    }

    private OpenPcnWebFactory ProxiedApp(bool enabled, string remote, int permitLimit = 1000, string environment = HostingEnvironments.Testing) => new(_db, environment: environment)
    {
        Settings =
        {
            ["ForwardedHeaders:Enabled"] = enabled ? "true" : "false",
            ["ForwardedHeaders:KnownProxies"] = $"{Proxy},10.0.0.6",
            ["Security:SignInRateLimit:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        TestServices = services => services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(remote))),
    };

    /// <summary>The in-memory server has no socket: this gives every request the address the proxy would connect from.</summary>
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenPcn.TestSupport;
using OpenPcn.Web.Hosting;

namespace OpenPcn.Web.Tests.Infrastructure;

/// <summary>
/// The real web app (Program) in memory, on a <see cref="TestDatabase"/>. Start-up runs as it does for a user:
/// migrations, roles, the shipped directory and (only when <paramref name="demo"/>) the demo network. The sign-in rate
/// limit is raised far above what any test reaches unless <see cref="Settings"/> says otherwise.
/// </summary>
public sealed class OpenPcnWebFactory(TestDatabase database, bool demo = false, string environment = HostingEnvironments.Testing) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>Configuration for this host, applied after the defaults (for example <c>Security:SignInRateLimit:PermitLimit</c>).</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>Replaces or adds services after the app's own (a fake client address, say).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        builder.UseSetting("Demo:Patients", "200");
        builder.UseSetting("Security:SignInRateLimit:PermitLimit", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            // Full-strength hashing (210,000 iterations) is the app's setting; tests need only speed.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            TestServices?.Invoke(services);
        });
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient CreateBrowser() => CreateNoRedirectClient(cookies: true);

    /// <summary>
    /// A client that does not follow redirects: in memory, or over a socket when the test started Kestrel (where the
    /// factory's own client would follow redirects and keep cookies whatever it is told).
    /// </summary>
    public HttpClient CreateNoRedirectClient(bool cookies) =>
        Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = cookies }) { BaseAddress = new Uri(address) }
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
}

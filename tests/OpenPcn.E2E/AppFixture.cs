using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.E2E;

/// <summary>
/// The real app on Kestrel at http://127.0.0.1:(free port) with a new SQLite database in a temporary folder, so start-up
/// does a true first run (migrations, the shipped national directory, the demo network), and Debian's Chromium driven
/// by Playwright. Nothing is downloaded: Playwright's own browsers are never installed. Demo users are never
/// administrators, so the fixture makes one in the demo network, as a person would with <c>openpcn users add</c>.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string DemoPassword = "demo-password-1";
    public const string DemoManager = "manager@demo.openpcn.test";
    public const string Administrator = "e2e.administrator@example.nhs.uk";
    public const string AdministratorPassword = "e2e-administrator-password";

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("openpcn-e2e-").FullName;
    private KestrelApp? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = default!;

    public TimeSpan StartUp { get; private set; }

    /// <summary>The running app's services, for set-up a test needs (records the importer would otherwise bring).</summary>
    public IServiceProvider Services => _app!.Services;

    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("OPENPCN_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var clock = Stopwatch.StartNew();
        _app = new KestrelApp(_dataFolder);
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        StartUp = clock.Elapsed;
        await CreateUserAsync(Administrator, "Alex Administrator", AdministratorPassword, [Roles.Administrator, Roles.PcnManager]);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("OPENPCN_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>Adds a user to the demo network through the app's own services.</summary>
    public async Task<string> CreateUserAsync(string email, string name, string password, IReadOnlyList<string> roles)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantScope>();
        tenant.SetSystem();
        tenant.SetActor("e2e");
        var demo = await scope.ServiceProvider.GetRequiredService<PcnDbContext>().Pcns.Where(p => p.IsDemo).Select(p => p.PcnId).SingleAsync();
        var user = await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync(demo, new NewUserInput(email, name, password, roles, null));
        return user.UserId;
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    /// <summary>Program as `dotnet run` starts it (Development), on its own new data folder.</summary>
    private sealed class KestrelApp(string dataFolder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataDirectory", dataFolder);
            builder.UseSetting("ConnectionStrings:OpenPcn", string.Empty);
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Demo:Password", DemoPassword);
            builder.UseSetting("Demo:Patients", "1000");

            // Every test signs in from 127.0.0.1: more than the default 10 a minute when the scenarios run back to back.
            builder.UseSetting("Security:SignInRateLimit:PermitLimit", "100");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "OpenPCN in Chromium";
}

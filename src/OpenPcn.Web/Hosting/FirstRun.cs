using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Demo;
using OpenPcn.Fhir.Import;

namespace OpenPcn.Web.Hosting;

/// <summary>
/// Before serving: migrate, create the roles, load the shipped national directory and, on an empty database, create
/// the demo network. Once listening: print where to open the app, how to sign in to the demo and, until the install
/// has one, how to make an administrator (the demo's users never are one: their password is public).
/// </summary>
internal static partial class FirstRun
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FirstRun));
        var started = app.Services.GetRequiredService<TimeProvider>().GetTimestamp();
        SetupResult result;
        DemoDetails? demo = null;
        bool hasAdministrator;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var tenant = scope.ServiceProvider.GetRequiredService<TenantScope>();
            tenant.SetSystem();
            tenant.SetActor(Features.Network.Directory.ImportReports.FirstRunActor);
            result = await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().EnsureReadyAsync(app.Lifetime.ApplicationStopping);
            if (result.DemoSignIns.Count > 0)
            {
                // A new demo network gets its synthetic patients through the same FHIR import a real network uses.
                await scope.ServiceProvider.GetRequiredService<DemoPopulation>()
                    .ImportAsync(new LoggedProgress(logger), app.Lifetime.ApplicationStopping);
            }

            var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
            hasAdministrator = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Administrator select ur).AnyAsync();
            var network = await db.Pcns
                .Where(p => p.IsDemo && p.Code == DemoNetwork.Code).Select(p => new { p.PcnId, p.Name }).SingleOrDefaultAsync();
            if (network is not null)
            {
                // The demo's users as they are now (someone may have added or changed one), read inside the demo network.
                tenant.SetPcn(network.PcnId);
                var users = await scope.ServiceProvider.GetRequiredService<UserService>().ListAsync();
                demo = new DemoDetails(network.Name, result.DemoSignIns.Count > 0,
                    [.. users.Where(u => u.Email.EndsWith("@" + DemoNetwork.EmailDomain, StringComparison.OrdinalIgnoreCase))
                        .Select(u => (u.Email, string.Join(" + ", u.Roles)))]);
            }
        }

        var elapsed = (long)app.Services.GetRequiredService<TimeProvider>().GetElapsedTime(started).TotalMilliseconds;
        LogReady(logger, result.MigrationsApplied, result.DirectoryLoaded, elapsed);

        var database = app.Services.GetRequiredService<DatabaseOptions>().Describe();
        var password = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Password;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            if (!HostingEnvironments.ServesPlainHttp(app.Environment) && !ProxySetup.Enabled(app.Configuration)
                && !addresses.Any(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                LogNeedsHttps(logger, app.Environment.EnvironmentName);
            }

            Console.Out.Write(Welcome(addresses, database, demo, password, hasAdministrator));
        });
    }

    internal static string Welcome(ICollection<string> addresses, string database, DemoDetails? demo, string demoPassword, bool hasAdministrator)
    {
        var text = new StringBuilder();
        text.AppendLine().AppendLine("OpenPCN is running.");
        text.Append(CultureInfo.InvariantCulture, $"  Database: {database}").AppendLine();
        foreach (var address in addresses)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Open {address.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)} in a browser.").AppendLine();
        }

        if (demo is not null)
        {
            text.AppendLine()
                .Append(CultureInfo.InvariantCulture, $"  {(demo.JustCreated ? "Created the demo network" : "Demo network")}: {demo.Name}. All its data is fictional.").AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"  Demo sign-ins (each sees only the demo network; the password is Demo:Password unless since changed):")
                .AppendLine(CultureInfo.InvariantCulture, $"    {"Email",-30} {"Roles",-32} Password");
            foreach (var (email, roles) in demo.SignIns)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {email,-30} {roles,-32} {demoPassword}");
            }
        }

        if (!hasAdministrator)
        {
            var pcn = demo is null ? "U12345" : DemoNetwork.Code.Value;
            text.AppendLine()
                .AppendLine("  Importing national files and onboarding a PCN need an administrator; demo users are never one.")
                .AppendLine(demo is null
                    ? "  Set up your PCN, then make yourself its administrator (you are asked for a password, or use --password-stdin):"
                    : "  Make one with the CLI (you are asked for a password, or use --password-stdin), then sign in as them:");
            if (demo is null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {Cli} network create --pcn {pcn}");
            }

            text.AppendLine(CultureInfo.InvariantCulture,
                $"    {Cli} users add --pcn {pcn} --email you@example.nhs.uk --name \"Your Name\" --role Administrator --role PcnManager");
        }

        return text.AppendLine().ToString();
    }

    private const string Cli = "dotnet run --project src/OpenPcn.Cli --";

    internal sealed record DemoDetails(string Name, bool JustCreated, IReadOnlyList<(string Email, string Roles)> SignIns);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nothing here listens on https, so in the {Environment} environment only this machine can use OpenPCN (plain http from elsewhere is refused): serve https, or run behind a TLS proxy with ForwardedHeaders__Enabled=true (and ForwardedHeaders__KnownProxies unless it is on this machine)")]
    private static partial void LogNeedsHttps(ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready: {Migrations} migration(s) applied, shipped directory loaded: {DirectoryLoaded}, in {Milliseconds} ms")]
    private static partial void LogReady(ILogger logger, int migrations, bool directoryLoaded, long milliseconds);

    /// <summary>Logs the demo import's progress in tenths, so a first start shows it is working.</summary>
    private sealed class LoggedProgress(ILogger logger) : IProgress<FhirImportProgress>
    {
        private long _lastTenth = -1;

        public void Report(FhirImportProgress value)
        {
            var tenth = value.BytesTotal > 0 ? value.BytesDone * 10 / value.BytesTotal : 0;
            if (tenth > _lastTenth)
            {
                _lastTenth = tenth;
                LogDemoImport(logger, tenth * 10, value.Read);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Importing the demo population: {Percent}% ({Resources} resources)")]
    private static partial void LogDemoImport(ILogger logger, long percent, int resources);
}

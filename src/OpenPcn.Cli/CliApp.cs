using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenPcn.Cli.Features.CaseFinding;
using OpenPcn.Cli.Features.Network;
using OpenPcn.Cli.Features.Population;
using OpenPcn.Cli.Features.Security;
using OpenPcn.Cli.Storage;
using OpenPcn.Core;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir;
using Spectre.Console;

namespace OpenPcn.Cli;

/// <summary>
/// The <c>openpcn</c> command line: the same Core services as the web app, on the same configuration
/// (appsettings.json, environment variables such as <c>Database__Provider</c> and <c>ConnectionStrings__OpenPcn</c>,
/// then these global options).
/// </summary>
internal sealed class CliApp(IAnsiConsole console, TextReader input, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
{
    private readonly Option<DatabaseProvider?> _provider = new("--provider")
    {
        Description = "Database: Sqlite (default, a file on this machine) or Postgres",
        Recursive = true,
    };

    private readonly Option<string?> _connection = new("--connection")
    {
        Description = "Connection string (required for Postgres); overrides ConnectionStrings__OpenPcn",
        Recursive = true,
    };

    private readonly Option<string?> _dataDir = new("--data-dir")
    {
        Description = "Folder of the SQLite database file (default: your local application data folder)",
        Recursive = true,
    };

    public IAnsiConsole Console => console;

    public TextReader Input => input;

    public async Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        var root = new RootCommand("OpenPCN: run a Primary Care Network from the command line.");
        root.Options.Add(_provider);
        root.Options.Add(_connection);
        root.Options.Add(_dataDir);
        root.Subcommands.Add(DbCommands.Create(this));
        root.Subcommands.Add(DirectoryCommands.Create(this));
        root.Subcommands.Add(NetworkCommands.Create(this));
        root.Subcommands.Add(UsersCommands.Create(this));
        root.Subcommands.Add(DemoCommands.Create(this));
        root.Subcommands.Add(ImportCommand.Create(this));
        root.Subcommands.Add(GenerateCommand.Create(this));
        root.Subcommands.Add(CohortsCommands.Create(this));
        root.Subcommands.Add(Features.Finance.FinanceCommands.Create(this));
        root.Subcommands.Add(Features.Workforce.ClaimsCommands.Create(this));

        var parsed = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = console.Profile.Out.Writer };
        return await parsed.InvokeAsync(invocation, ct);
    }

    /// <summary>
    /// Runs one command's work in a service scope, turning the domain's exceptions into messages and exit codes.
    /// The database is brought up to date first, as the web app does at start-up.
    /// </summary>
    public async Task<int> ExecuteAsync(ParseResult parsed, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        try
        {
            await using var services = BuildServices(parsed);
            await using (var setup = services.CreateAsyncScope())
            {
                var applied = await setup.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(ct);
                if (applied > 0)
                {
                    console.MarkupLineInterpolated($"[grey]Applied {applied} database migration(s).[/]");
                }
            }

            await using var scope = services.CreateAsyncScope();
            var tenant = scope.ServiceProvider.GetRequiredService<TenantScope>();
            tenant.SetSystem();
            tenant.SetActor($"cli:{Environment.UserName}");
            return await work(scope.ServiceProvider, ct);
        }
        catch (RuleViolationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    console.MarkupLineInterpolated($"[red]{field}: {message}[/]");
                }
            }

            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is NotFoundException or ConflictException or InvalidOperationException or FormatException or IOException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]Cancelled.[/]");
            return ExitCodes.Failure;
        }
    }

    private ServiceProvider BuildServices(ParseResult parsed)
    {
        var overrides = new Dictionary<string, string?>();
        if (parsed.GetValue(_provider) is { } provider)
        {
            overrides["Database:Provider"] = provider.ToString();
        }

        if (parsed.GetValue(_connection) is { Length: > 0 } connection)
        {
            overrides["ConnectionStrings:OpenPcn"] = connection;
        }

        if (parsed.GetValue(_dataDir) is { Length: > 0 } dataDir)
        {
            overrides["Database:DataDirectory"] = Path.GetFullPath(dataDir);
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .AddInMemoryCollection(overrides)
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole());
        services.AddOpenPcnCore(configuration);
        services.AddOpenPcnFhir();
        services.AddOpenPcnIdentityCore();
        configureServices?.Invoke(services);
        return services.BuildServiceProvider();
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.TestSupport;
using Spectre.Console.Testing;

namespace OpenPcn.Cli.Tests;

/// <summary>Runs <c>openpcn</c> in-process against a test database and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output)> RunWithInputAsync(TestDatabase db, string stdin, params string[] args)
    {
        var console = new TestConsole { Profile = { Width = 200 } };
        // A small demo population keeps `demo seed` quick; it still goes through the generator and the import.
        var settings = new Dictionary<string, string?>(db.Settings) { ["Demo:Patients"] = "150" };
        var app = new CliApp(console, new StringReader(stdin), settings,
            services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        var exit = await app.RunAsync(args);
        return (exit, console.Output);
    }

    public static Task<(int ExitCode, string Output)> RunAsync(TestDatabase db, params string[] args) => RunWithInputAsync(db, string.Empty, args);
}

using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Storage;
using Spectre.Console;

namespace OpenPcn.Cli.Storage;

internal static class DbCommands
{
    public static Command Create(CliApp app)
    {
        var migrate = new Command("migrate", "Create the database or bring it up to date (also done by every other command and by the web app).");
        migrate.SetAction((parsed, ct) => app.ExecuteAsync(parsed, (services, _) =>
        {
            var options = services.GetRequiredService<DatabaseOptions>();
            app.Console.MarkupLineInterpolated($"[green]The database is up to date:[/] {options.Describe()}");
            return Task.FromResult(ExitCodes.Success);
        }, ct));

        return new Command("db", "The database.") { migrate };
    }
}

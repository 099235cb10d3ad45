using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Cli.Features.Population;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Fhir.Demo;
using Spectre.Console;

namespace OpenPcn.Cli.Features.Network;

internal static class DemoCommands
{
    public static Command Create(CliApp app)
    {
        var seed = new Command("seed", "Create (or re-create) the fictional demo network and its users, as the first run of the web app does.");
        seed.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            await services.GetRequiredService<DirectoryImportService>().ImportShippedIfEmptyAsync(token);
            var signIns = await services.GetRequiredService<DemoNetwork>().SeedAsync(token);
            app.Console.MarkupLine("[green]Created the demo network Demo Vale PCN (fictional), U99999.[/] Demo sign-ins:");
            var table = new Table().AddColumns("Email", "Role", "Password");
            foreach (var s in signIns)
            {
                table.AddRow(s.Email, s.Role, Markup.Escape(s.Password));
            }

            app.Console.Write(table);
            await ImportPopulationAsync(app.Console, services.GetRequiredService<DemoPopulation>(), token);
            return ExitCodes.Success;
        }, ct));

        var remove = new Command("remove", "Delete the demo network and its users. Real networks are not touched.");
        remove.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            var removed = await services.GetRequiredService<DemoNetwork>().RemoveAsync(token);
            app.Console.MarkupLine(removed ? "[green]Removed the demo network.[/]" : "There is no demo network.");
            return ExitCodes.Success;
        }, ct));

        return new Command("demo", "The fictional demo network.") { seed, remove };
    }

    private static async Task ImportPopulationAsync(IAnsiConsole console, DemoPopulation population, CancellationToken ct)
    {
        var summary = await ImportProgressBar.RunAsync(console, "Synthetic patients (generate, then import)", progress => population.ImportAsync(progress, ct));
        if (summary is not null)
        {
            console.MarkupLineInterpolated(
                $"Imported the demo's synthetic records: {summary.Accepted.ToString("N0", CultureInfo.InvariantCulture)} resources in {summary.Elapsed.TotalSeconds:N1} s.");
        }
    }
}

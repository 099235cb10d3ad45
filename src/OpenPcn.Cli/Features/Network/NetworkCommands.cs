using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Cli.Features.Security;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using Spectre.Console;

namespace OpenPcn.Cli.Features.Network;

internal static class NetworkCommands
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static Command Create(CliApp app)
    {
        var pcn = new Option<string?>("--pcn") { Description = "The network's ODS code, e.g. U89141" };
        var requiredPcn = new Option<string>("--pcn") { Description = "The network's ODS code, e.g. U89141", Required = true };
        var managerEmail = new Option<string?>("--manager-email") { Description = "Also create the network's first PCN manager with this email" };
        var managerName = new Option<string?>("--manager-name") { Description = "The first PCN manager's name" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the manager's password from standard input" };

        var create = new Command("create", "Set up a real network from the national directory: its member practices and latest list sizes.")
        {
            requiredPcn, managerEmail, managerName, passwordStdin,
        };
        create.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            var code = PcnCode.TryParse(parsed.GetValue(requiredPcn), out var c)
                ? c
                : throw new RuleViolationException("--pcn", "Give the PCN's ODS code: U and five digits, e.g. U89141.");
            var directory = services.GetRequiredService<DirectoryImportService>();
            if ((await directory.ImportShippedIfEmptyAsync(token)).Count > 0)
            {
                app.Console.MarkupLine("[grey]Loaded the national directory shipped with OpenPCN.[/]");
            }

            var onboarding = services.GetRequiredService<OnboardingService>();
            var preview = await onboarding.PreviewAsync(code, token);
            FirstUserInput? firstUser = null;
            if (parsed.GetValue(managerEmail) is { Length: > 0 } email)
            {
                var password = Passwords.Read(app, parsed.GetValue(passwordStdin), $"Password for {email}:");
                firstUser = new FirstUserInput(email, parsed.GetValue(managerName) ?? email, password);
            }

            var result = await onboarding.CreateAsync(code, firstUser, token);
            app.Console.MarkupLineInterpolated($"[green]Created {result.Name} ({result.Code})[/] with {result.PracticesCreated} practices and {result.ListSizesCreated} list sizes.");
            foreach (var warning in preview.Warnings)
            {
                app.Console.MarkupLineInterpolated($"[yellow]{warning}[/]");
            }

            if (result.FirstUser is { } user)
            {
                app.Console.MarkupLineInterpolated($"PCN manager {user.Email} can now sign in.");
            }
            else
            {
                app.Console.MarkupLineInterpolated($"Add its first user with: openpcn users add --pcn {result.Code} --email you@example.nhs.uk --role PcnManager");
            }

            return ExitCodes.Success;
        }, ct));

        var show = new Command("show", "The network's practices, populations and formation checks.") { pcn };
        show.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            await PcnResolver.EnterAsync(services.GetRequiredService<PcnDbContext>(), services.GetRequiredService<TenantScope>(), parsed.GetValue(pcn), token);
            var overview = await services.GetRequiredService<NetworkService>().GetOverviewAsync(token);
            Render(app.Console, overview);
            return ExitCodes.Success;
        }, ct));

        var list = new Command("list", "The networks set up on this install.");
        list.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            var pcns = await services.GetRequiredService<PcnDbContext>().Pcns.AsNoTracking().ToListAsync(token);
            var table = new Table().AddColumns("Code", "Name", "ICB", "Demo");
            foreach (var p in pcns.OrderBy(p => p.Code.Value, StringComparer.Ordinal))
            {
                table.AddRow(p.Code.Value, Markup.Escape(p.Name), Markup.Escape(p.Geography.IcbName), p.IsDemo ? "yes" : string.Empty);
            }

            app.Console.Write(table);
            return ExitCodes.Success;
        }, ct));

        return new Command("network", "Networks on this install.") { create, show, list };
    }

    private static void Render(IAnsiConsole console, NetworkOverview o)
    {
        var p = o.Pcn;
        console.Write(new Rule($"[bold]{Markup.Escape(p.Name)}[/] ({p.Code})").LeftJustified());
        if (p.IsDemo)
        {
            console.MarkupLine("[yellow]Demo network: all data is fictional.[/]");
        }

        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("ICB", Markup.Escape($"{p.IcbName} ({p.IcbCode})"));
        facts.AddRow("Sub-ICB location", Markup.Escape($"{p.SubIcbName} ({p.SubIcbCode})"));
        facts.AddRow("Nominated payee", Markup.Escape(p.NominatedPayee is { } payee ? $"{payee.Name} ({payee.OrganisationCode})" : "none"));
        facts.AddRow("Clinical directors", Markup.Escape(string.Join("; ", o.ClinicalDirectors.Where(d => d.IsCurrent)
            .Select(d => $"{d.Name}, {d.FundedSessionsPerWeek.ToString("0.##", Uk)} sessions a week")) is { Length: > 0 } cds ? cds : "none"));
        facts.AddRow("Registered population", Population(o.Totals));
        facts.AddRow("Other partners", o.PartnerCount.ToString(Uk));
        console.Write(facts);

        var practices = new Table().Title("Practices").AddColumns("Code", "Name", "System", "Member", "Census", "Registered", "Weighted");
        foreach (var row in o.Practices)
        {
            practices.AddRow(row.Code.Value, Markup.Escape(row.Name), row.ClinicalSystem.ToString(),
                !row.IsCurrentMember ? "[grey]former[/]"
                    : string.Create(Uk, $"since {row.MemberSince:d MMM yyyy}") + (row.MemberSinceBasis is null ? string.Empty : " [grey](first seen; may be earlier)[/]"),
                row.CensusDate?.ToString("d MMM yyyy", Uk) ?? "-", row.Registered?.ToString("N0", Uk) ?? "-", row.Weighted?.ToString("N0", Uk) ?? "-");
        }

        console.Write(practices);
        var checks = new Table().Title("Formation checks").AddColumns("Check", "Result", "Detail");
        foreach (var check in o.FormationChecks)
        {
            checks.AddRow(check.Rule, Outcome(check.Outcome),
                Markup.Escape(check.Allowance is null ? check.Detail : $"{check.Detail} {check.Allowance}"));
        }

        console.Write(checks);
    }

    private static string Population(NetworkTotals t) => t.CensusDate is null
        ? "not known"
        : $"{t.Registered.ToString("N0", Uk)} registered" +
          (t.Weighted is { } w ? $", {w.ToString("N0", Uk)} weighted" : string.Empty) +
          string.Create(Uk, $" on {t.CensusDate:d MMM yyyy}") + (t.MixedCensusDates ? " [yellow](practices' latest dates differ)[/]" : string.Empty);

    private static string Outcome(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Met => "[green]Met[/]",
        CheckOutcome.Allowed => "[blue]Allowed[/]",
        CheckOutcome.Warning => "[yellow]Check[/]",
        _ => "[red]Not met[/]",
    };
}

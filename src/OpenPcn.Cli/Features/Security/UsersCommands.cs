using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Cli.Features.Network;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using Spectre.Console;

namespace OpenPcn.Cli.Features.Security;

internal static class UsersCommands
{
    public static Command Create(CliApp app)
    {
        var pcn = new Option<string?>("--pcn") { Description = "The network's ODS code, e.g. U89141 (optional when the install has one network)" };
        var email = new Option<string>("--email") { Description = "The user's email (their sign-in name)", Required = true };
        var name = new Option<string?>("--name") { Description = "The user's name as shown in OpenPCN" };
        var roles = new Option<string[]>("--role")
        {
            Description = $"A role (repeat for several): {string.Join(", ", Roles.All)}",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var practice = new Option<string?>("--practice") { Description = "Practice ODS code, required for a PracticeManager" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (else you are asked)" };

        var add = new Command("add", "Add a user to a network.") { pcn, email, name, roles, practice, passwordStdin };
        add.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            var network = await PcnResolver.EnterAsync(services.GetRequiredService<PcnDbContext>(), services.GetRequiredService<TenantScope>(), parsed.GetValue(pcn), token);
            PracticeCode? practiceCode = parsed.GetValue(practice) is { Length: > 0 } p
                ? PracticeCode.TryParse(p, out var code) ? code : throw new RuleViolationException("--practice", $"'{p}' is not a practice code (e.g. A81001).")
                : null;
            var address = parsed.GetValue(email)!;
            var password = Passwords.Read(app, parsed.GetValue(passwordStdin), $"Password for {address} (at least 12 characters):");
            var user = await services.GetRequiredService<UserService>().AddAsync(
                new NewUserInput(address, parsed.GetValue(name) ?? address, password, [.. parsed.GetValue(roles)!.Select(Canonical)], practiceCode), token);
            app.Console.MarkupLineInterpolated($"[green]Added {user.Email}[/] to {network.Name} ({network.Code}) as {string.Join(", ", user.Roles)}.");
            return ExitCodes.Success;
        }, ct));

        var list = new Command("list", "The users of a network and their roles.") { pcn };
        list.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            await PcnResolver.EnterAsync(services.GetRequiredService<PcnDbContext>(), services.GetRequiredService<TenantScope>(), parsed.GetValue(pcn), token);
            var table = new Table().AddColumns("Email", "Name", "Roles", "Practice", "Access");
            foreach (var u in await services.GetRequiredService<UserService>().ListAsync(token))
            {
                table.AddRow(Markup.Escape(u.Email), Markup.Escape(u.DisplayName), string.Join(", ", u.Roles), u.PracticeCode?.Value ?? string.Empty,
                    u.AccessRemoved ? "access removed" : u.LockedOut ? "locked out" : string.Empty);
            }

            app.Console.Write(table);
            return ExitCodes.Success;
        }, ct));

        var removeAccess = AccessCommand(app, pcn, "remove-access", "Stop a user signing in (their sessions and tokens end).", remove: true);
        var restoreAccess = AccessCommand(app, pcn, "restore-access", "Let a user sign in again.", remove: false);
        return new Command("users", "People who sign in, and their roles.") { add, list, removeAccess, restoreAccess };
    }

    private static Command AccessCommand(CliApp app, Option<string?> pcn, string name, string description, bool remove)
    {
        var email = new Option<string>("--email") { Description = "The user's email", Required = true };
        var command = new Command(name, description) { pcn, email };
        command.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            await PcnResolver.EnterAsync(services.GetRequiredService<PcnDbContext>(), services.GetRequiredService<TenantScope>(), parsed.GetValue(pcn), token);
            var userService = services.GetRequiredService<UserService>();
            var address = parsed.GetValue(email)!;
            var user = (await userService.ListAsync(token)).FirstOrDefault(u => string.Equals(u.Email, address, StringComparison.OrdinalIgnoreCase))
                ?? throw new NotFoundException($"{address} is not a user of this network.");
            _ = remove ? await userService.RemoveAccessAsync(user.UserId, token) : await userService.RestoreAccessAsync(user.UserId, token);
            app.Console.MarkupLineInterpolated($"[green]{(remove ? "Removed" : "Restored")} the access of {user.Email}.[/]");
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    /// <summary>Accepts a role in any case ("pcnmanager"); unknown names are left for the service to refuse.</summary>
    private static string Canonical(string role) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase)) ?? role;
}

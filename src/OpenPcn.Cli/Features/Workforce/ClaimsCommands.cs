using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Cli.Features.CaseFinding;
using OpenPcn.Cli.Features.Network;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Features.Workforce.Claims;
using OpenPcn.Core.Storage;
using Spectre.Console;

namespace OpenPcn.Cli.Features.Workforce;

/// <summary><c>openpcn claims build|list</c>: the network's monthly ARRS claims.</summary>
internal static class ClaimsCommands
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static Command Create(CliApp app)
    {
        var pcn = new Option<string?>("--pcn") { Description = "The network's ODS code, e.g. U89141 (not needed when the install has one)" };
        var month = new Option<string>("--month") { Description = "The month, e.g. 2026-10", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Also export the claim (every input and the workings; audited) to a .csv or .xlsx file" };

        var build = new Command("build", "Build (or rebuild) the month's draft ARRS claim from the contracts and show its lines. A submitted claim is not rebuilt.")
        {
            month, pcn, output,
        };
        build.SetAction((parsed, ct) => app.ExecuteAsync(parsed, (services, token) =>
            BuildAsync(app, services, parsed.GetValue(month)!, parsed.GetValue(pcn), parsed.GetValue(output), token), ct));

        var list = new Command("list", "The network's ARRS claims, latest month first.") { pcn };
        list.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            await EnterAsync(services, parsed.GetValue(pcn), token);
            var table = new Table().AddColumns("Month", "Status", "Lines", "Amendments", "Actual cost", "Reimbursable");
            foreach (var c in await services.GetRequiredService<ArrsClaimService>().ListAsync(token))
            {
                table.AddRow(c.MonthKey, c.Status.ToString(), N(c.Lines), N(c.Amendments), Markup.Escape(c.TotalActualCost.ToString()), Markup.Escape(c.TotalReimbursable.ToString()));
            }

            app.Console.Write(table);
            return ExitCodes.Success;
        }, ct));

        return new Command("claims", "Monthly ARRS claims.") { build, list };
    }

    private static async Task<int> BuildAsync(CliApp app, IServiceProvider services, string monthText, string? pcn, FileInfo? output, CancellationToken ct)
    {
        var month = ArrsClaimService.TryParseMonth(monthText, out var m) ? m : throw new RuleViolationException("--month", $"'{monthText}' is not a month like 2026-10.");
        var format = output is null ? (ClaimExportFormat?)null
            : output.Extension.ToLowerInvariant() switch
            {
                ".csv" => ClaimExportFormat.Csv,
                ".xlsx" => ClaimExportFormat.Xlsx,
                _ => throw new RuleViolationException("--out", "Export to a .csv or .xlsx file."),
            };

        await EnterAsync(services, pcn, ct);
        var claims = services.GetRequiredService<ArrsClaimService>();
        await claims.BuildAsync(month, ct);
        var claim = await claims.GetAsync(month, ct);
        app.Console.MarkupLineInterpolated($"ARRS claim for [bold]{claim.Month.ToString("MMMM yyyy", Uk)}[/] ({claim.Status.ToString().ToLowerInvariant()}): {claim.Lines.Count} {(claim.Lines.Count == 1 ? "line" : "lines")}.");
        var table = new Table().AddColumns("Line", "Staff member", "Role", "WTE", "Days", "Actual cost", "Maximum", "Reimbursable", "Note");
        foreach (var l in claim.Lines.OrderBy(l => l.LineNumber))
        {
            table.AddRow(N(l.LineNumber), Markup.Escape(l.StaffName), Markup.Escape(l.RoleName), l.Wte.ToString("0.####", Uk), $"{N(l.DaysInPost)}/{N(l.DaysInMonth)}",
                Markup.Escape(l.ActualCost.ToString()), Markup.Escape(l.Maximum.ToString()), Markup.Escape(l.Reimbursable.ToString()),
                Markup.Escape(l.Problem ?? (l.UsesUncheckedRate ? "unchecked maximum" : string.Empty)));
        }

        table.AddRow("Total", string.Empty, string.Empty, string.Empty, string.Empty, Markup.Escape(claim.TotalActualCost.ToString()),
            Markup.Escape(claim.TotalMaximum.ToString()), Markup.Escape(claim.TotalReimbursable.ToString()), string.Empty);
        app.Console.Write(table);
        app.Console.MarkupLineInterpolated($"Total reimbursable: [bold]{claim.TotalReimbursable.ToString()}[/]");
        if (output is not null && format is { } f)
        {
            var file = await claims.ExportAsync(month, f, ct);
            await CohortsCommands.WritePrivateAsync(output.FullName, file.Content, ct);
            app.Console.MarkupLineInterpolated($"Exported the claim to {output.FullName} (audited).");
        }

        return ExitCodes.Success;
    }

    private static Task<Pcn> EnterAsync(IServiceProvider services, string? pcn, CancellationToken ct) =>
        PcnResolver.EnterAsync(services.GetRequiredService<PcnDbContext>(), services.GetRequiredService<TenantScope>(), pcn, ct);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Cli.Features.Network;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using Spectre.Console;

namespace OpenPcn.Cli.Features.Finance;

/// <summary><c>openpcn finance statement|entitlements</c>: a practice's monthly statement and the year's expected income.</summary>
internal static class FinanceCommands
{
    public static Command Create(CliApp app)
    {
        var pcn = new Option<string?>("--pcn") { Description = "The network's ODS code, e.g. U89141 (not needed when the install has one)" };
        var practice = new Option<string>("--practice") { Description = "The practice's ODS code, e.g. P82001", Required = true };
        var month = new Option<string>("--month") { Description = "The month, yyyy-MM (e.g. 2026-10)", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Also export the statement to a .csv or .xlsx file (audited)" };
        var statement = new Command("statement", "A practice's statement for a month: each stream's share, ARRS, recharges and the total due, with workings.")
        {
            practice, month, pcn, output,
        };
        statement.SetAction((parsed, ct) => app.ExecuteAsync(parsed, (services, token) => StatementAsync(app, services, parsed.GetValue(practice)!,
            parsed.GetValue(month)!, parsed.GetValue(pcn), parsed.GetValue(output), token), ct));

        var year = new Option<string>("--year") { Description = "The financial year, e.g. 2026/27", Required = true };
        var entitlements = new Command("entitlements", "Expected income per stream per month for a financial year.") { year, pcn };
        entitlements.SetAction((parsed, ct) => app.ExecuteAsync(parsed, (services, token) => EntitlementsAsync(app, services, parsed.GetValue(year)!,
            parsed.GetValue(pcn), token), ct));

        return new Command("finance", "Finance: practice statements and expected income.") { statement, entitlements };
    }

    private static async Task<int> StatementAsync(CliApp app, IServiceProvider services, string practiceText, string monthText, string? pcn, FileInfo? output,
        CancellationToken ct)
    {
        var code = PracticeCode.TryParse(practiceText, out var c)
            ? c
            : throw new RuleViolationException("--practice", $"'{practiceText}' is not a practice code (a letter and five characters, e.g. P82001).");
        var month = FundingStreams.TryParseMonth(monthText, out var m) ? m : throw new RuleViolationException("--month", $"'{monthText}' is not a month like 2026-10.");
        var format = output is null ? (StatementFormat?)null
            : output.Extension.ToLowerInvariant() switch
            {
                ".csv" => StatementFormat.Csv,
                ".xlsx" => StatementFormat.Xlsx,
                _ => throw new RuleViolationException("--out", "Export to a .csv or .xlsx file."),
            };
        await EnterAsync(services, pcn, ct);
        var statements = services.GetRequiredService<StatementService>();
        var s = await statements.GetAsync(code, month, ct);
        app.Console.Write(new Rule(Markup.Escape($"Statement for {s.PracticeName} ({s.Practice}), {s.Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}")).LeftJustified());
        var table = new Table().AddColumns("Section", "Item", "Network", "Practice", "Workings");
        foreach (var line in StatementService.Lines(s))
        {
            table.AddRow(line.Select(Markup.Escape).ToArray());
        }

        app.Console.Write(table);
        app.Console.MarkupLineInterpolated($"Total due: [bold]{s.TotalDue.ToString()}[/]");
        if (output is not null && format is { } f)
        {
            var file = await statements.ExportAsync(code, month, f, ct);
            await CaseFinding.CohortsCommands.WritePrivateAsync(output.FullName, file.Content, ct); // staff names and costs: owner only
            app.Console.MarkupLineInterpolated($"Exported to {output.FullName} (audited).");
        }

        return ExitCodes.Success;
    }

    private static async Task<int> EntitlementsAsync(CliApp app, IServiceProvider services, string yearText, string? pcn, CancellationToken ct)
    {
        var year = FinancialYear.TryParse(yearText, CultureInfo.InvariantCulture, out var y)
            ? y
            : throw new RuleViolationException("--year", $"'{yearText}' is not a financial year like 2026/27.");
        await EnterAsync(services, pcn, ct);
        var e = await services.GetRequiredService<EntitlementService>().ForYearAsync(year, ct);
        var table = new Table().AddColumn("Stream");
        foreach (var m in year.Months)
        {
            table.AddColumn(new TableColumn(m.ToString("MMM", CultureInfo.InvariantCulture)).RightAligned());
        }

        table.AddColumn(new TableColumn("Year").RightAligned());
        foreach (var stream in FundingStreams.All)
        {
            table.AddRow([FundingStreams.Code(stream), .. year.Months.Select(m => e.Cell(stream, m).ToPlainString()), e.StreamTotal(stream).ToPlainString()]);
        }

        table.AddRow(["total", .. year.Months.Select(m => e.MonthTotal(m).ToPlainString()), e.Total.ToPlainString()]);
        app.Console.MarkupLineInterpolated($"Expected income for {year.ToString()} (populations on {e.Census.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}):");
        app.Console.Write(table);
        foreach (var cell in e.Cells.Where(x => x.Month == year.Months[11]))
        {
            app.Console.MarkupLineInterpolated($"{FundingStreams.Code(cell.Stream)}: {cell.Workings}{(cell.Problem is null ? string.Empty : " " + cell.Problem)}");
        }

        foreach (var warning in e.Warnings)
        {
            app.Console.MarkupLineInterpolated($"[yellow]{warning}[/]");
        }

        return ExitCodes.Success;
    }

    private static Task<Pcn> EnterAsync(IServiceProvider services, string? pcn, CancellationToken ct) =>
        PcnResolver.EnterAsync(services.GetRequiredService<PcnDbContext>(), services.GetRequiredService<TenantScope>(), pcn, ct);
}

using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Cli.Features.Network;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using Spectre.Console;

namespace OpenPcn.Cli.Features.CaseFinding;

/// <summary><c>openpcn cohorts list|show|run</c>: the case-finding definitions and their worklists.</summary>
internal static class CohortsCommands
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static Command Create(CliApp app)
    {
        var pcn = new Option<string?>("--pcn") { Description = "The network's ODS code, e.g. U89141 (not needed when the install has one)" };
        var name = new Argument<string>("name") { Description = "The definition's name, e.g. hypertension-register (see: openpcn cohorts list)" };

        var list = new Command("list", "The cohort definitions: built-in registers and case-finding cohorts, then the network's local ones.") { pcn };
        list.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            await EnterAsync(services, parsed.GetValue(pcn), token);
            var table = new Table().AddColumns("Name", "Title", "Category", "Source");
            foreach (var d in await services.GetRequiredService<DefinitionCatalogue>().ListAsync(token))
            {
                table.AddRow(d.Name, Markup.Escape(d.Title), d.Category, Markup.Escape(d.Source));
            }

            app.Console.Write(table);
            return ExitCodes.Success;
        }, ct));

        var show = new Command("show", "One definition: what it finds, its source, codelists, reason and facts.") { name, pcn };
        show.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            await EnterAsync(services, parsed.GetValue(pcn), token);
            var detail = await services.GetRequiredService<DefinitionCatalogue>().DetailAsync(parsed.GetValue(name)!, token)
                ?? throw new NotFoundException($"There is no cohort definition {parsed.GetValue(name)}. See: openpcn cohorts list");
            var d = detail.Summary;
            app.Console.Write(new Rule($"[bold]{Markup.Escape(d.Title)}[/] ({d.Name})").LeftJustified());
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("Finds", Markup.Escape(d.Description));
            grid.AddRow("Category", d.IsLocal ? "local" : d.Category);
            grid.AddRow("Source", Markup.Escape(string.Create(Uk, $"{d.Source} ({d.Year})")));
            grid.AddRow("Codelists", Markup.Escape(string.Join(", ", d.Codelists)));
            grid.AddRow("Reason", Markup.Escape(detail.Reason));
            grid.AddRow("Facts", Markup.Escape(string.Join(", ", detail.Facts)));
            app.Console.Write(grid);
            return ExitCodes.Success;
        }, ct));

        var practice = new Option<string?>("--practice") { Description = "Run for one practice only (its ODS code, e.g. P82001)" };
        var asOf = new Option<string?>("--as-of") { Description = "The index date, yyyy-MM-dd (default: today in England)" };
        var output = new Option<FileInfo?>("--out") { Description = "Also export the worklist (with NHS numbers; audited) to a .csv or .xlsx file" };
        var run = new Command("run", "Run a definition into its worklist: statuses are kept, new patients added, and those no longer qualifying marked.")
        {
            name, pcn, practice, asOf, output,
        };
        run.SetAction((parsed, ct) => app.ExecuteAsync(parsed, (services, token) => RunAsync(app, services, parsed.GetValue(name)!,
            parsed.GetValue(pcn), parsed.GetValue(practice), parsed.GetValue(asOf), parsed.GetValue(output), token), ct));

        return new Command("cohorts", "Case finding: cohort definitions and their worklists.") { list, show, run };
    }

    private static async Task<int> RunAsync(CliApp app, IServiceProvider services, string name, string? pcn, string? practiceText, string? asOfText,
        FileInfo? output, CancellationToken ct)
    {
        PracticeCode? practice = null;
        if (!string.IsNullOrWhiteSpace(practiceText))
        {
            practice = PracticeCode.TryParse(practiceText, out var code)
                ? code
                : throw new RuleViolationException("--practice", $"'{practiceText}' is not a practice code (a letter and five characters, e.g. P82001).");
        }

        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(asOfText))
        {
            asOf = DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new RuleViolationException("--as-of", $"'{asOfText}' is not a date like 2026-03-31.");
        }

        var format = output is null ? (WorklistExportFormat?)null
            : output.Extension.ToLowerInvariant() switch
            {
                ".csv" => WorklistExportFormat.Csv,
                ".xlsx" => WorklistExportFormat.Xlsx,
                _ => throw new RuleViolationException("--out", "Export to a .csv or .xlsx file."),
            };

        await EnterAsync(services, pcn, ct);
        var worklists = services.GetRequiredService<WorklistService>();
        var result = await app.Console.Status().Spinner(Spinner.Known.Dots)
            .StartAsync(Markup.Escape($"Running {name}..."), _ => worklists.RunAsync(name, practice, asOf, ct));

        var w = result.Worklist;
        app.Console.MarkupLineInterpolated(
            $"[green]{w.Title}[/] for {(w.Practice is { } p ? p.Value : "the network")} on {w.LastIndexDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: [bold]{w.Qualifying.ToString("N0", Uk)}[/] patients ({w.Added.ToString("N0", Uk)} new, {w.NoLongerQualifying.ToString("N0", Uk)} no longer qualifying) in {result.QueryTime.TotalSeconds.ToString("0.00", Uk)} s.");
        var table = new Table().AddColumns("Practice", "Name", "Qualifying", "To do", "Contacted", "Booked", "Done", "Declined", "Not appropriate", "% done");
        foreach (var row in result.Practices)
        {
            table.AddRow(row.Practice.Value, Markup.Escape(row.PracticeName), N(row.Qualifying), N(row.ToDo), N(row.Contacted), N(row.Booked),
                N(row.Done), N(row.Declined), N(row.NotAppropriate), row.PercentDone.ToString("0.0", Uk));
        }

        app.Console.Write(table);
        if (output is not null && format is { } f)
        {
            var file = await worklists.ExportAsync(w.WorklistId, new WorklistFilter(), f, ct);
            await WritePrivateAsync(output.FullName, file.Content, ct);
            app.Console.MarkupLineInterpolated($"Exported {file.Rows.ToString("N0", Uk)} rows to {output.FullName} (audited).");
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Writes a file of NHS numbers (or staff pay) readable and writable by its owner only on Unix (mode 0600, also when the file
    /// already existed), whatever the umask.
    /// </summary>
    internal static async Task WritePrivateAsync(string path, byte[] content, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stream.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await stream.WriteAsync(content, ct);
    }

    private static Task<Pcn> EnterAsync(IServiceProvider services, string? pcn, CancellationToken ct) =>
        PcnResolver.EnterAsync(services.GetRequiredService<PcnDbContext>(), services.GetRequiredService<TenantScope>(), pcn, ct);

    private static string N(int value) => value.ToString("N0", Uk);
}

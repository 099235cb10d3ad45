using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network.Directory;
using Spectre.Console;

namespace OpenPcn.Cli.Features.Network;

internal static class DirectoryCommands
{
    private const int RejectionsShown = 20;

    public static Command Create(CliApp app)
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "gp-reg-pat-prac-all.csv (or .zip), gp-reg-pat-prac-map.csv, epraccur.csv, ePCN.xlsx",
            Arity = ArgumentArity.OneOrMore,
        };
        var kind = new Option<DirectoryFileKind?>("--kind") { Description = "The file kind, when it cannot be told from the file" };
        var rejectionsOut = new Option<FileInfo?>("--rejections-out") { Description = "Write every rejected row (file, line, reason) to this CSV file" };
        var import = new Command("import", "Import national NHS files into the directory. Exit code 2 when some rows were rejected.")
        {
            files, kind, rejectionsOut,
        };
        import.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            var paths = parsed.GetValue(files)!;
            var missing = paths.Where(f => !f.Exists).ToList();
            if (missing.Count > 0)
            {
                throw new FileNotFoundException($"Not found: {string.Join(", ", missing.Select(f => f.FullName))}");
            }

            var importer = services.GetRequiredService<DirectoryImportService>();
            var reports = await ImportWithProgressAsync(app.Console, importer, paths, parsed.GetValue(kind), token);
            Summarise(app.Console, reports);
            if (parsed.GetValue(rejectionsOut) is { } output)
            {
                await WriteRejectionsAsync(output, reports, token);
                app.Console.MarkupLineInterpolated($"Rejected rows written to {output.FullName}");
            }

            return reports.Any(r => r.Status == ImportStatus.Failed) ? ExitCodes.Failure
                : reports.Any(r => r.Rejected > 0) ? ExitCodes.DoneWithRejections
                : ExitCodes.Success;
        }, ct));

        var status = new Command("status", "What the national directory holds.");
        status.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            var s = await services.GetRequiredService<DirectoryImportService>().GetStatusAsync(token);
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("Practices", N(s.Practices));
            grid.AddRow("PCNs", N(s.Pcns));
            grid.AddRow("Sub-ICB locations", N(s.SubIcbs));
            grid.AddRow("Memberships", N(s.Memberships));
            grid.AddRow("List sizes", $"{N(s.ListSizes)} (latest {s.LatestListSizeDate?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "none"})");
            grid.AddRow("Practice map as at", s.LatestMapDate?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "none");
            app.Console.Write(grid);
            return ExitCodes.Success;
        }, ct));

        return new Command("directory", "The national directory of practices, PCNs and list sizes.") { import, status };
    }

    private static async Task<List<ImportReport>> ImportWithProgressAsync(
        IAnsiConsole console, DirectoryImportService importer, FileInfo[] paths, DirectoryFileKind? kind, CancellationToken ct)
    {
        var reports = new List<ImportReport>();
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                foreach (var file in paths)
                {
                    var task = ctx.AddTask(Markup.Escape(file.Name), maxValue: Math.Max(1, file.Length));
                    var progress = new ImmediateProgress<ImportProgress>(p => task.Value = Math.Min(p.BytesRead, task.MaxValue));
                    reports.Add(await importer.ImportFileAsync(file.FullName, kind, progress, ct));
                    task.Value = task.MaxValue;
                }
            });
        return reports;
    }

    private static void Summarise(IAnsiConsole console, List<ImportReport> reports)
    {
        var table = new Table().Title("Import summary")
            .AddColumns("File", "Kind", "Rows", "New", "Changed", "Unchanged", "Skipped", "Rejected", "Result");
        foreach (var r in reports)
        {
            table.AddRow(Markup.Escape(r.FileName), r.Kind.ToString(), N(r.RowsRead), N(r.Inserted), N(r.Updated), N(r.Unchanged),
                N(r.Skipped), r.Rejected > 0 ? $"[yellow]{N(r.Rejected)}[/]" : "0", Result(r));
        }

        console.Write(table);
        foreach (var r in reports)
        {
            if (r.Failure is not null)
            {
                console.MarkupLineInterpolated($"[red]{r.FileName}: {r.Failure}[/]");
            }

            if (r.Rejections.Count == 0)
            {
                continue;
            }

            var rejected = new Table().Title($"Rejected rows in {Markup.Escape(r.FileName)}").AddColumns("Where", "Reason");
            foreach (var row in r.Rejections.Take(RejectionsShown))
            {
                var where = row.Sheet.Length > 0 ? $"{row.Sheet} row {row.Line}" : $"line {row.Line}";
                rejected.AddRow(Markup.Escape(where), Markup.Escape(row.Reason));
            }

            console.Write(rejected);
            if (r.Rejections.Count > RejectionsShown)
            {
                console.MarkupLineInterpolated($"… and {r.Rejections.Count - RejectionsShown} more: use --rejections-out FILE.csv to list them all.");
            }
        }
    }

    private static string Result(ImportReport r) => r.Status switch
    {
        ImportStatus.Succeeded => "[green]Imported[/]",
        ImportStatus.SucceededWithRejections => "[yellow]Imported, some rows rejected[/]",
        ImportStatus.Failed => "[red]Failed, nothing imported[/]",
        _ => r.Status.ToString(),
    };

    private static async Task WriteRejectionsAsync(FileInfo output, List<ImportReport> reports, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output.FullName);
        await RejectionsCsv.WriteAsync(writer, reports, ct);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Import;
using Spectre.Console;

namespace OpenPcn.Cli.Features.Population;

/// <summary><c>openpcn import PATH</c>: FHIR R4 records (NDJSON bulk export, Bundles, zip) into a network.</summary>
internal static class ImportCommand
{
    private const int QuarantineShown = 20;

    public static Command Create(CliApp app)
    {
        var path = new Argument<string>("path")
        {
            Description = "A bulk-export folder of NDJSON files, or one .ndjson, .json, .xml or .zip file",
        };
        var pcn = new Option<string?>("--pcn")
        {
            Description = "The network to import into (e.g. U12345). Default: the network the data describes, or the only one here",
        };
        var practice = new Option<string?>("--practice")
        {
            Description = "Practice for patients whose record names no registered practice (one practice's own export)",
        };
        var quarantineOut = new Option<FileInfo?>("--quarantine-out") { Description = "Write every rejected resource (file, position, reason) to this CSV file" };
        var command = new Command("import", "Import patient records in FHIR R4 (UK Core). Exit code 2 when some resources were rejected.")
        {
            path, pcn, practice, quarantineOut,
        };
        command.SetAction((parsed, ct) => app.ExecuteAsync(parsed, async (services, token) =>
        {
            var source = Path.GetFullPath(parsed.GetValue(path)!);
            if (!File.Exists(source) && !System.IO.Directory.Exists(source))
            {
                throw new FileNotFoundException($"Not found: {source}");
            }

            var request = new FhirImportRequest(
                source,
                await FindNetworkAsync(services.GetRequiredService<PcnDbContext>(), parsed.GetValue(pcn), token),
                ParsePractice(parsed.GetValue(practice)),
                StartedBy: $"cli:{Environment.UserName}");
            var importer = services.GetRequiredService<FhirImportService>();
            var summary = await ImportProgressBar.RunAsync(app.Console, Path.GetFileName(source), progress => importer.ImportAsync(request, progress, token));
            Summarise(app.Console, summary);
            var db = services.GetRequiredService<PcnDbContext>();
            var quarantined = db.QuarantinedResources.AsNoTracking()
                .Where(q => q.PcnId == summary.PcnId && q.ImportId == summary.ImportId).OrderBy(q => q.Seq);
            await ShowQuarantineAsync(app.Console, quarantined, summary.Rejected, token);
            if (parsed.GetValue(quarantineOut) is { } output)
            {
                // In the network's scope, so the export is audited like one from the web.
                services.GetRequiredService<TenantScope>().SetPcn(summary.PcnId);
                await using var writer = new StreamWriter(output.FullName);
                await services.GetRequiredService<RecordImportService>().WriteQuarantineCsvAsync(summary.ImportId, writer, token);
                app.Console.MarkupLineInterpolated($"Rejected resources written to {output.FullName}");
            }

            return summary.Status != RecordImportStatus.Completed ? ExitCodes.Failure
                : summary.Rejected > 0 ? ExitCodes.DoneWithRejections
                : ExitCodes.Success;
        }, ct));
        return command;
    }

    private static async Task<int?> FindNetworkAsync(PcnDbContext db, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            // The data's own PCN Organization decides; with none, the importer uses the install's only network.
            var ids = await db.Pcns.AsNoTracking().Where(p => !p.IsDemo).Select(p => p.PcnId).Take(2).ToListAsync(ct);
            return ids.Count == 1 ? ids[0] : null;
        }

        var parsed = PcnCode.TryParse(code, out var c)
            ? c
            : throw new RuleViolationException("--pcn", $"'{code}' is not a PCN code (U and five digits, e.g. U89141).");
        // A network not yet set up is created from the data's PCN Organization.
        return await db.Pcns.AsNoTracking().Where(p => p.Code == parsed).Select(p => (int?)p.PcnId).SingleOrDefaultAsync(ct);
    }

    private static PracticeCode? ParsePractice(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null
        : PracticeCode.TryParse(code, out var p) ? p
        : throw new RuleViolationException("--practice", $"'{code}' is not a practice ODS code (one letter and five digits, e.g. A81001).");

    private static void Summarise(IAnsiConsole console, FhirImportSummary s)
    {
        var table = new Table().Title("Import summary").AddColumns("Resource type", "Read", "Stored", "Unchanged or unsupported", "Rejected");
        foreach (var (type, c) in s.ByType.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(type), N(c.Read), N(c.Accepted), N(c.Skipped), c.Rejected > 0 ? $"[yellow]{N(c.Rejected)}[/]" : "0");
        }

        table.AddRow("[bold]All[/]", $"[bold]{N(s.Read)}[/]", $"[bold]{N(s.Accepted)}[/]", $"[bold]{N(s.Skipped)}[/]", $"[bold]{N(s.Rejected)}[/]");
        console.Write(table);
        var rate = s.Elapsed.TotalSeconds > 0 ? s.Read / s.Elapsed.TotalSeconds : 0;
        console.MarkupLine(Result(s.Status) + Markup.Escape(FormattableString.Invariant(
            $" in {s.Elapsed.TotalSeconds:N1} s ({rate:N0} resources/s). Import {s.ImportId}.")));
    }

    private static async Task ShowQuarantineAsync(IAnsiConsole console, IQueryable<QuarantinedResource> quarantined, int total, CancellationToken ct)
    {
        if (total == 0)
        {
            return;
        }

        var table = new Table().Title("Rejected resources").AddColumns("File", "Where", "Type", "Reason");
        foreach (var q in await quarantined.Take(QuarantineShown).ToListAsync(ct))
        {
            table.AddRow(Markup.Escape(q.File), Markup.Escape(q.Location), Markup.Escape(q.ResourceType ?? "?"), Markup.Escape(q.Reason));
        }

        console.Write(table);
        if (total > QuarantineShown)
        {
            console.MarkupLineInterpolated($"… and {total - QuarantineShown} more: use --quarantine-out FILE.csv to list them all.");
        }
    }

    private static string Result(RecordImportStatus status) => status switch
    {
        RecordImportStatus.Completed => "[green]Imported[/]",
        RecordImportStatus.Cancelled => "[yellow]Cancelled: run the same import again to finish it[/]",
        _ => $"[red]{status}[/]",
    };

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

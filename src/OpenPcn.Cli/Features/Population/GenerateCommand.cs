using System.CommandLine;
using System.Globalization;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Fhir.Synthetic;
using Spectre.Console;

namespace OpenPcn.Cli.Features.Population;

/// <summary>
/// <c>openpcn generate</c>: a synthetic network and its patients as FHIR R4 NDJSON, ready for <c>openpcn import</c>.
/// Needs no database.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliApp app)
    {
        var patients = new Option<int>("--patients") { Description = "How many patients", DefaultValueFactory = _ => 10_000 };
        var practices = new Option<int>("--practices") { Description = "How many practices", DefaultValueFactory = _ => 6 };
        var seed = new Option<int>("--seed") { Description = "Same seed, same output", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the NDJSON files to", Required = true };
        var pcn = new Option<string?>("--pcn") { Description = "The network's ODS code (default U90000)" };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "The records' \"today\" (yyyy-MM-dd; default today). Part of what makes the output repeatable",
            CustomParser = r => DateOnly.TryParseExact(r.Tokens[0].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : ParseError(r),
        };
        var command = new Command("generate", "Write a synthetic population (UK Core FHIR R4 NDJSON) for demonstrations and benchmarks. All of it is fictional.")
        {
            patients, practices, seed, output, pcn, asOf,
        };
        command.SetAction(async (parsed, ct) =>
        {
            var count = parsed.GetValue(patients);
            var practiceCount = parsed.GetValue(practices);
            if (count < 1 || practiceCount is < 1 or > 99)
            {
                app.Console.MarkupLine("[red]--patients must be at least 1 and --practices between 1 and 99.[/]");
                return ExitCodes.Failure;
            }

            PcnCode? code = null;
            if (parsed.GetValue(pcn) is { Length: > 0 } text)
            {
                if (!PcnCode.TryParse(text, out var c))
                {
                    app.Console.MarkupLineInterpolated($"[red]--pcn: '{text}' is not a PCN code (U and five digits, e.g. U89141).[/]");
                    return ExitCodes.Failure;
                }

                code = c;
            }

            var options = new GeneratorOptions(count, practiceCount, parsed.GetValue(seed),
                parsed.GetValue(asOf) ?? TimeProvider.System.TodayInEngland(), code);
            var folder = parsed.GetValue(output)!.FullName;
            GeneratorReport? report = null;
            await app.Console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Patients", maxValue: count);
                    report = await PopulationGenerator.WriteAsync(options, folder, new ImmediateProgress<int>(n => task.Value = n), ct);
                    task.Value = count;
                });
            Summarise(app.Console, report!, folder);
            return ExitCodes.Success;
        });
        return command;
    }

    private static DateOnly ParseError(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"'{result.Tokens[0].Value}' is not a date in the form yyyy-MM-dd.");
        return default;
    }

    private static void Summarise(IAnsiConsole console, GeneratorReport report, string folder)
    {
        var table = new Table().Title("Generated").AddColumns("Resource type", "Resources");
        foreach (var (type, n) in report.ResourcesByType.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(type), n.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var conditions = new Table().Title("Patients by condition").AddColumns("Condition", "Patients", "Share");
        foreach (var (name, n) in report.PatientsByCondition.OrderByDescending(c => c.Value))
        {
            conditions.AddRow(Markup.Escape(name), n.ToString("N0", CultureInfo.InvariantCulture),
                (n / (double)report.Patients).ToString("P1", CultureInfo.InvariantCulture));
        }

        console.Write(conditions);
        console.MarkupLineInterpolated(
            $"[green]Wrote {report.Patients:N0} patients, {report.Resources:N0} resources ({report.Resources / (double)report.Patients:N1} per patient) in {report.Elapsed.TotalSeconds:N1} s[/] to {folder}");
        console.MarkupLineInterpolated($"Import them with: openpcn import {folder}");
    }
}

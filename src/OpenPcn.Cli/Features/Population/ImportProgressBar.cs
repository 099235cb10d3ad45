using System.Globalization;
using OpenPcn.Fhir.Import;
using Spectre.Console;

namespace OpenPcn.Cli.Features.Population;

/// <summary>One progress bar over a FHIR import (by bytes read), for <c>import</c> and <c>demo seed</c>.</summary>
internal static class ImportProgressBar
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string label, Func<IProgress<FhirImportProgress>, Task<T>> import)
    {
        T result = default!;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: 1);
                result = await import(new ImmediateProgress<FhirImportProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.BytesTotal);
                    task.Value = Math.Min(p.BytesDone, task.MaxValue);
                    task.Description = Markup.Escape($"{p.CurrentFile ?? label}: {p.Read.ToString("N0", CultureInfo.InvariantCulture)} resources");
                }));
                task.Value = task.MaxValue;
            });
        return result;
    }
}

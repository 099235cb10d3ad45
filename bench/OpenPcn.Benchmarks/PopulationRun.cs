using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using OpenPcn.Fhir.Synthetic;
using OpenPcn.TestSupport;

namespace OpenPcn.Benchmarks;

/// <summary>
/// Scale run for issue 3: generate a synthetic population, parse it (the ceiling), and import it into a new SQLite
/// database and a new PostgreSQL database, at two sizes. Each import runs in its own process (mode
/// <c>population-import</c>) so its peak memory is its own. Baselines in the same run: copying the generated files
/// (for generation) and parsing every resource with Firely on one thread (for the import).
/// </summary>
internal static class PopulationRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length > 1 && args[0] == "--sizes"
            ? args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : [10_000, 50_000];
        var postgresToo = !args.Contains("--sqlite-only");
        var asOf = new DateOnly(2026, 11, 23);
        var rows = new List<string>();
        await using var cluster = await PostgresCluster.StartAsync();
        foreach (var size in sizes)
        {
            var folder = Directory.CreateTempSubdirectory($"openpcn-pop-{size}-").FullName;
            var copy = folder + "-copy";
            try
            {
                var watch = Stopwatch.StartNew();
                var report = await PopulationGenerator.WriteAsync(new GeneratorOptions(size, 6, 1, asOf), folder);
                var generate = watch.Elapsed.TotalSeconds;
                watch.Restart();
                CopyFolder(folder, copy);
                var copySeconds = watch.Elapsed.TotalSeconds;
                var megabytes = Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length) / 1_048_576.0;
                rows.Add(Row($"Generate {size:N0} patients ({report.Resources:N0} resources, {report.Resources / (double)size:N1} per patient, {megabytes:N0} MB)",
                    generate, report.Resources, $"copy of the files: {copySeconds:N2} s ({generate / copySeconds:N1}×)"));

                watch.Restart();
                var parsed = ParseOnly(folder);
                var parse = watch.Elapsed.TotalSeconds;
                rows.Add(Row($"Parse only, Firely, 1 thread ({size:N0} patients)", parse, parsed, "ceiling"));

                var dataDir = Directory.CreateTempSubdirectory("openpcn-pop-db-").FullName;
                try
                {
                    var sqlite = await ImportInChildAsync(folder, ["--provider", "Sqlite", "--data-dir", dataDir]);
                    rows.Add(Row($"Import into SQLite ({size:N0} patients)", sqlite.Seconds, sqlite.Resources,
                        $"{sqlite.Resources / sqlite.Seconds / (parsed / parse):P0} of parse rate; peak memory {sqlite.PeakMegabytes:N0} MB"));
                }
                finally
                {
                    Directory.Delete(dataDir, recursive: true);
                }

                if (!postgresToo)
                {
                    continue;
                }

                var database = await cluster.CreateDatabaseAsync("bench");
                var postgres = await ImportInChildAsync(folder, ["--provider", "Postgres", "--connection", cluster.ConnectionString(database)]);
                rows.Add(Row($"Import into PostgreSQL ({size:N0} patients)", postgres.Seconds, postgres.Resources,
                    $"{postgres.Resources / postgres.Seconds / (parsed / parse):P0} of parse rate; peak memory {postgres.PeakMegabytes:N0} MB"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
                if (Directory.Exists(copy))
                {
                    Directory.Delete(copy, recursive: true);
                }
            }
        }

        Console.WriteLine($"Population scale run ({Environment.ProcessorCount} cores):");
        Console.WriteLine("| Step | Seconds | Resources | Resources/s | Compared with |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static string Row(string step, double seconds, long resources, string note) =>
        FormattableString.Invariant($"| {step} | {seconds:N2} | {resources:N0} | {resources / seconds:N0} | {note} |");

    private static long ParseOnly(string folder)
    {
        var options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
        long count = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.ndjson").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<Resource>(line, options) is not null)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    internal sealed record ChildResult(double Seconds, long Resources, double PeakMegabytes);

    internal static async Task<ChildResult> ImportInChildAsync(string folder, string[] database)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = false };
        foreach (var a in (string[])[typeof(PopulationRun).Assembly.Location, "population-import", folder, .. database])
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"The import child printed no result (exit {child.ExitCode}):\n{output}");
        return JsonSerializer.Deserialize<ChildResult>(last)!;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OpenPcn.Benchmarks;

/// <summary>
/// Start-up time to first page: from process start until the sign-in page answers 200. Three cases, each run N times
/// in the same session: OpenPCN on a new SQLite database (first run: migrations, the shipped national directory, the
/// demo network), OpenPCN on that existing database, and the baseline, a minimal ASP.NET Core app started the same way.
/// Needs a Release build of the solution (dotnet build -c Release).
/// </summary>
internal static class StartupRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 1 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var root = FindRepositoryRoot();
        var web = Path.Combine(root, "src", "OpenPcn.Web", "bin", "Release", "net10.0", "OpenPcn.Web.dll");
        var self = typeof(StartupRun).Assembly.Location;
        if (!File.Exists(web))
        {
            Console.Error.WriteLine($"Build the web app first: dotnet build -c Release ({web} not found)");
            return 1;
        }

        var cold = new List<double>();
        var warm = new List<double>();
        var hello = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var dataDir = Directory.CreateTempSubdirectory("openpcn-bench-").FullName;
            try
            {
                cold.Add(await TimeToFirstPageAsync(web, dataDir, "/sign-in"));
                warm.Add(await TimeToFirstPageAsync(web, dataDir, "/sign-in"));
            }
            finally
            {
                Directory.Delete(dataDir, recursive: true);
            }

            hello.Add(await TimeToFirstPageAsync(self, null, "/", "hello"));
        }

        Console.WriteLine($"Start-up to first page, {runs} runs each ({Environment.ProcessorCount} cores), milliseconds:");
        Console.WriteLine("| Case | Median | Min | Max | Ratio to baseline (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Print("OpenPCN, first run (new SQLite database)", cold, hello);
        Print("OpenPCN, existing database", warm, hello);
        Print("Baseline: minimal ASP.NET Core app", hello, hello);
        return 0;
    }

    private static void Print(string name, List<double> times, List<double> baseline) =>
        Console.WriteLine(FormattableString.Invariant(
            $"| {name} | {Median(times):N0} | {times.Min():N0} | {times.Max():N0} | {Median(times) / Median(baseline):N1}× |"));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<double> TimeToFirstPageAsync(string dll, string? dataDir, string path, string? mode = null)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        if (mode is not null)
        {
            start.ArgumentList.Add(mode);
        }

        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (dataDir is not null)
        {
            start.Environment["Database__DataDirectory"] = dataDir;
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                try
                {
                    using var response = await client.GetAsync(url + path);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return watch.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                await Task.Delay(10);
            }

            throw new TimeoutException($"{dll} did not answer {path} within 2 minutes.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenPcn.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the OpenPCN repository.");
    }
}

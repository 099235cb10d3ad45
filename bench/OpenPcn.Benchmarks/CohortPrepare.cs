using System.Globalization;

namespace OpenPcn.Benchmarks;

/// <summary><c>cohorts-prepare [--sizes 50000,500000] [--sqlite-only]</c>: builds the cached networks ahead of a run.</summary>
internal static class CohortPrepare
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Sizes(args, [50_000, 500_000]);
        foreach (var size in sizes)
        {
            Console.WriteLine($"SQLite {size:N0}: {await CohortData.SqliteAsync(size)}");
        }

        if (!args.Contains("--sqlite-only"))
        {
            await using var cluster = await CohortData.StartClusterAsync();
            foreach (var size in sizes)
            {
                await CohortData.PostgresAsync(cluster, size);
                Console.WriteLine($"PostgreSQL {size:N0}: ready");
            }
        }

        return 0;
    }

    public static int[] Sizes(string[] args, int[] defaults)
    {
        var i = Array.IndexOf(args, "--sizes");
        return i >= 0 && i + 1 < args.Length
            ? args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : defaults;
    }
}

using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir;
using OpenPcn.Fhir.Import;

namespace OpenPcn.Benchmarks;

/// <summary>
/// One import in its own process, configured as <c>openpcn import</c> is: <c>population-import FOLDER --provider P
/// (--data-dir D | --connection C)</c>. Prints one JSON line: seconds (import only, after migrations), resources
/// read, and the process's peak working set.
/// </summary>
internal static class PopulationImportChild
{
    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Value(args, "--provider"),
            ["Database:DataDirectory"] = Value(args, "--data-dir"),
            ["ConnectionStrings:OpenPcn"] = Value(args, "--connection"),
            ["Demo:Enabled"] = "false",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOpenPcnCore(configuration);
        services.AddOpenPcnFhir();
        services.AddOpenPcnIdentityCore();
        await using var provider = services.BuildServiceProvider();
        await using (var setup = provider.CreateAsyncScope())
        {
            await setup.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync();
        }

        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetSystem();
        var watch = Stopwatch.StartNew();
        var summary = await scope.ServiceProvider.GetRequiredService<FhirImportService>().ImportAsync(new FhirImportRequest(args[0]));
        var seconds = watch.Elapsed.TotalSeconds;
        if (summary.Status != RecordImportStatus.Completed || summary.Rejected > 0)
        {
            Console.Error.WriteLine($"Import {summary.Status}, {summary.Rejected} rejected");
        }

        using var self = Process.GetCurrentProcess();
        Console.WriteLine(JsonSerializer.Serialize(new { Seconds = seconds, Resources = (long)summary.Read, PeakMegabytes = self.PeakWorkingSet64 / 1_048_576.0 }));
        return summary.Status == RecordImportStatus.Completed ? 0 : 1;
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Import;
using OpenPcn.Fhir.Synthetic;

namespace OpenPcn.Fhir.Demo;

/// <summary>
/// Gives the demo network its synthetic patients the way a real network gets its records: the generator writes a
/// bulk export (NDJSON) to a temporary folder and the FHIR import reads it. Only ever touches the demo network.
/// </summary>
public sealed partial class DemoPopulation(
    PcnDbContext db,
    FhirImportService importer,
    TimeProvider clock,
    IOptions<DemoOptions> options,
    ILogger<DemoPopulation> logger)
{
    /// <summary>Generates and imports the demo population; null when there is no demo network or the size is 0.</summary>
    /// <param name="progress">Import progress, for a progress bar or log.</param>
    /// <param name="ct">Cancels between records; a re-run finishes the job.</param>
    public async Task<FhirImportSummary?> ImportAsync(IProgress<FhirImportProgress>? progress = null, CancellationToken ct = default)
    {
        var size = options.Value.Patients;
        var pcn = await db.Pcns.AsNoTracking().IgnoreQueryFilters()
            .Where(p => p.IsDemo && p.Code == DemoNetwork.Code).Select(p => new { p.PcnId, p.Name }).SingleOrDefaultAsync(ct);
        if (pcn is null || size <= 0)
        {
            return null;
        }

        var today = clock.TodayInEngland();
        var practices = await db.PracticeMemberships.AsNoTracking().IgnoreQueryFilters()
            .Where(m => m.PcnId == pcn.PcnId)
            .Select(m => new { m.PracticeCode, m.StartDate, m.EndDate })
            .ToListAsync(ct);
        var current = practices.Where(m => m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .Select(m => m.PracticeCode).Distinct().OrderBy(c => c.Value, StringComparer.Ordinal).ToList();

        var folder = Path.Combine(Path.GetTempPath(), $"openpcn-demo-{Guid.NewGuid():N}");
        try
        {
            var started = clock.GetTimestamp();
            var report = await PopulationGenerator.WriteAsync(
                new GeneratorOptions(size, current.Count, options.Value.PopulationSeed, today, DemoNetwork.Code, pcn.Name, current),
                folder, null, ct);
            var generated = clock.GetElapsedTime(started);
            LogGenerated(logger, report.Patients, report.Resources, (long)generated.TotalMilliseconds);
            var summary = await importer.ImportAsync(new FhirImportRequest(folder, pcn.PcnId, StartedBy: "demo"), progress, ct);
            var elapsed = summary.Elapsed;
            LogImported(logger, summary.Accepted, summary.Rejected, (long)elapsed.TotalMilliseconds);
            return summary;
        }
        finally
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated the demo population: {Patients} patients, {Resources} resources in {Milliseconds} ms")]
    private static partial void LogGenerated(ILogger logger, int patients, long resources, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported the demo population: {Accepted} resources stored, {Rejected} rejected, in {Milliseconds} ms")]
    private static partial void LogImported(ILogger logger, int accepted, int rejected, long milliseconds);
}

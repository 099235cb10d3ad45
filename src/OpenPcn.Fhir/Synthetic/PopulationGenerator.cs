using System.Diagnostics;
using System.Globalization;

namespace OpenPcn.Fhir.Synthetic;

/// <summary>
/// Writes a synthetic network and its patients' records as UK Core-shaped FHIR R4 NDJSON, one file per resource type.
/// Deterministic per options and seed.
/// </summary>
public static class PopulationGenerator
{
    /// <summary>The PCN code used when the options give none.</summary>
    public const string DefaultPcnCode = "U90000";

    /// <param name="options">Size, seed and "today".</param>
    /// <param name="outputFolder">Created if missing; existing NDJSON files of the same names are replaced.</param>
    /// <param name="patientsDone">Reports patients written so far.</param>
    /// <param name="ct">Stops between patients.</param>
    public static Task<GeneratorReport> WriteAsync(GeneratorOptions options, string outputFolder, IProgress<int>? patientsDone = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Patients);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Patients, NhsNumbers.Capacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Practices, 1);
        if (options.PracticeCodes is { } given && given.Count < options.Practices)
        {
            throw new ArgumentException($"{options.Practices} practices asked for but only {given.Count} practice codes given.", nameof(options));
        }

        // Synchronous file writing on the caller's thread keeps the output independent of scheduling; callers that
        // must not block run it with Task.Run.
        return Task.FromResult(Write(options, outputFolder, patientsDone, ct));
    }

    private static GeneratorReport Write(GeneratorOptions options, string outputFolder, IProgress<int>? patientsDone, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var pcnCode = options.PcnCode?.Value ?? DefaultPcnCode;
        var practiceCodes = Enumerable.Range(0, options.Practices)
            .Select(i => options.PracticeCodes is { } codes ? codes[i].Value : string.Create(CultureInfo.InvariantCulture, $"Y9{i + 1:D4}"))
            .ToArray();

        // Practice sizes vary (weights 0.6–1.4), fixed by the seed.
        var networkRng = new Rng(options.Seed, -2);
        var practiceWeights = practiceCodes.Select(_ => networkRng.Uniform(0.6, 1.4)).ToArray();
        var weightedFactor = practiceCodes.Select(_ => networkRng.Uniform(0.9, 1.1)).ToArray();

        var areas = new Areas(options.Seed, options.Patients);
        var nhsNumbers = new NhsNumbers(options.Seed);
        var tally = new Tally();
        var registeredByPractice = new int[practiceCodes.Length];

        IReadOnlyDictionary<string, long> byType;
        using (var files = new PopulationFiles(outputFolder))
        {
            var record = new PatientRecord(files, practiceCodes, areas, tally);
            for (var i = 0; i < options.Patients; i++)
            {
                ct.ThrowIfCancellationRequested();
                var rng = new Rng(options.Seed, i);
                var patient = PatientDraw.Draw(i, rng, options.AsOf, nhsNumbers.Next(), areas, practiceWeights);
                record.Write(patient, rng);
                if (patient.RegisteredAtAsOf)
                {
                    registeredByPractice[patient.Practice]++;
                }

                if ((i + 1) % 1000 == 0)
                {
                    patientsDone?.Report(i + 1);
                }
            }

            // The network last: list sizes are the patients generated for each practice.
            var census = new DateOnly(options.AsOf.Year, 1, 1);
            OrganizationWriter.WritePcn(files.Organization, pcnCode, options.PcnName ?? "Synthetic Primary Care Network");
            for (var k = 0; k < practiceCodes.Length; k++)
            {
                OrganizationWriter.WritePractice(files.Organization, practiceCodes[k], OrganizationWriter.PracticeName(k), pcnCode, census,
                    registeredByPractice[k], registeredByPractice[k] * weightedFactor[k]);
            }

            byType = files.Counts();
        }

        patientsDone?.Report(options.Patients);
        return new GeneratorReport(options.Patients, byType.Values.Sum(), byType, tally.Counts, clock.Elapsed);
    }
}

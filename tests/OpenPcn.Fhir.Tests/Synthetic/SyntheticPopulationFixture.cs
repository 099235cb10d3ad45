using System.Globalization;
using System.Text.Json;
using OpenPcn.Fhir.Synthetic;

namespace OpenPcn.Fhir.Tests.Synthetic;

/// <summary>
/// One 20,000-patient population (seed 20261101, as of 1 Nov 2026, 5 practices) generated once for the tests that
/// measure it, and the facts read back from its files with plain System.Text.Json (not from the generator's report).
/// </summary>
public sealed class SyntheticPopulationFixture : IAsyncLifetime
{
    public const int PatientCount = 20_000;
    public static readonly DateOnly AsOf = new(2026, 11, 1);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "openpcn-synthetic-" + Guid.NewGuid().ToString("N"));
    public GeneratorReport Report { get; private set; } = null!;
    public Dictionary<string, PatientFacts> Patients { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Report = await PopulationGenerator.WriteAsync(new GeneratorOptions(PatientCount, 5, 20261101, AsOf), Folder);
        ReadBack();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    public IEnumerable<string> Lines(string resourceType) => File.ReadLines(Path.Combine(Folder, resourceType + ".ndjson"));

    /// <summary>Patients registered on the as-of date (alive, registration open).</summary>
    public IEnumerable<PatientFacts> Registered => Patients.Values.Where(p => p.Registered);

    private void ReadBack()
    {
        foreach (var line in Lines("Patient"))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var birth = DateOnly.Parse(r.GetProperty("birthDate").GetString()!, CultureInfo.InvariantCulture);
            var age = AsOf.Year - birth.Year - (AsOf < birth.AddYears(AsOf.Year - birth.Year) ? 1 : 0);
            var id = r.GetProperty("id").GetString()!;
            Patients[id] = new PatientFacts(id, r.GetProperty("identifier")[0].GetProperty("value").GetString()!, age, !r.TryGetProperty("deceasedDateTime", out _));
        }

        foreach (var line in Lines("EpisodeOfCare"))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            if (r.GetProperty("period").TryGetProperty("end", out _))
            {
                Patients[Subject(r, "patient")].Registered = false;
            }
        }

        foreach (var line in Lines("Condition"))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            if (r.GetProperty("clinicalStatus").GetProperty("coding")[0].GetProperty("code").GetString() == "active")
            {
                Patients[Subject(r, "subject")].ActiveConditionCodes.Add(Code(r.GetProperty("code")));
            }
        }

        foreach (var line in Lines("Observation"))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var p = Patients[Subject(r, "subject")];
            var code = Code(r.GetProperty("code"));
            var date = DateOnly.Parse(r.GetProperty("effectiveDateTime").GetString()!, CultureInfo.InvariantCulture);
            p.ObservationCodes.Add(code);
            if (code == "75367002" && (p.LatestBp is null || date >= p.LatestBp.Value.Date))
            {
                var components = r.GetProperty("component");
                p.LatestBp = (date, components[0].GetProperty("valueQuantity").GetProperty("value").GetDouble(), components[1].GetProperty("valueQuantity").GetProperty("value").GetDouble());
            }
        }

        foreach (var line in Lines("MedicationRequest"))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            if (r.GetProperty("intent").GetString() == "plan" && r.GetProperty("status").GetString() == "active")
            {
                Patients[Subject(r, "subject")].ActiveRepeatCodes.Add(Code(r.GetProperty("medicationCodeableConcept")));
            }
        }
    }

    private static string Subject(JsonElement r, string property) => r.GetProperty(property).GetProperty("reference").GetString()!["Patient/".Length..];

    private static string Code(JsonElement concept) => concept.GetProperty("coding")[0].GetProperty("code").GetString()!;
}

public sealed class PatientFacts(string id, string nhsNumber, int age, bool alive)
{
    public string Id { get; } = id;
    public string NhsNumber { get; } = nhsNumber;
    public int Age { get; } = age;
    public bool Registered { get; set; } = alive;
    public HashSet<string> ActiveConditionCodes { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ObservationCodes { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ActiveRepeatCodes { get; } = new(StringComparer.Ordinal);
    public (DateOnly Date, double Systolic, double Diastolic)? LatestBp { get; set; }
}

using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Import;
using OpenPcn.TestSupport;

namespace OpenPcn.Fhir.Tests.Import;

/// <summary>Hand-written FHIR resources (one NDJSON line each) and helpers to import them and read back the tables.</summary>
internal static class ImportTestData
{
    public const string TestPcnCode = "U12345";
    public const string PracticeA = "A81001";
    public const string PracticeB = "A81002";

    /// <summary>The n-th valid NHS number (Modulus 11) from a fixed 9-digit base.</summary>
    public static string NhsNumber(int n)
    {
        for (var candidate = 400_000_000L + (n * 7L); ; candidate++)
        {
            var digits = candidate.ToString(CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (digits[i] - '0') * (10 - i);
            }

            var check = 11 - (sum % 11);
            if (check == 11)
            {
                check = 0;
            }

            if (check != 10)
            {
                return digits + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    public static string PcnOrganisation(string code = TestPcnCode) =>
        $$$"""{"resourceType":"Organization","id":"pcn-{{{code}}}","identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"{{{code}}}"}],"name":"Test PCN {{{code}}}","extension":[{"url":"https://openpcn.org/fhir/StructureDefinition/pcn-geography","extension":[{"url":"icb-code","valueString":"QWO"},{"url":"icb-name","valueString":"West Yorkshire ICB"},{"url":"sub-icb-code","valueString":"15F"},{"url":"sub-icb-name","valueString":"Leeds"}]}]}""";

    public static string PracticeOrganisation(string code, string pcnCode = TestPcnCode, int list = 9000) =>
        $$$"""{"resourceType":"Organization","id":"prac-{{{code}}}","identifier":[{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"{{{code}}}"}],"name":"Practice {{{code}}}","partOf":{"reference":"Organization/pcn-{{{pcnCode}}}"},"address":[{"postalCode":"LS1 4AP"}],"extension":[{"url":"https://openpcn.org/fhir/StructureDefinition/list-size","extension":[{"url":"census-date","valueDate":"2026-01-01"},{"url":"registered","valueInteger":{{{list}}}},{"url":"weighted","valueDecimal":{{{list + 100}}}.5}]}]}""";

    public static string Patient(string id, string nhsNumber, string practice = PracticeA, string birthDate = "1950-03-04") =>
        $$$"""{"resourceType":"Patient","id":"{{{id}}}","identifier":[{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"{{{nhsNumber}}}"}],"birthDate":"{{{birthDate}}}","gender":"female","address":[{"use":"home","postalCode":"LS2 9JT"}],"generalPractitioner":[{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"{{{practice}}}"}}]}""";

    public static string Condition(string id, string patientId, string code = "73211009", string date = "2020-05-01") =>
        $$$"""{"resourceType":"Condition","id":"{{{id}}}","subject":{"reference":"Patient/{{{patientId}}}"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"{{{code}}}","display":"Diabetes mellitus"}]},"onsetDateTime":"{{{date}}}"}""";

    public static string Observation(string id, string patientId, decimal value = 48m, string date = "2024-02-03") =>
        $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","subject":{"reference":"Patient/{{{patientId}}}"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"999791000000106","display":"HbA1c"}]},"effectiveDateTime":"{{{date}}}","valueQuantity":{"value":{{{value.ToString(CultureInfo.InvariantCulture)}}},"unit":"mmol/mol","system":"http://unitsofmeasure.org","code":"mmol/mol"}}""";

    public static string BloodPressure(string id, string patientId) =>
        $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","subject":{"reference":"Patient/{{{patientId}}}"},"code":{"coding":[{"system":"http://snomed.info/sct","code":"75367002"}]},"effectiveDateTime":"2024-03-01","component":[{"code":{"coding":[{"system":"http://snomed.info/sct","code":"72313002"}]},"valueQuantity":{"value":142,"code":"mm[Hg]"}},{"code":{"coding":[{"system":"http://snomed.info/sct","code":"1091811000000102"}]},"valueQuantity":{"value":88,"code":"mm[Hg]"}}]}""";

    public static string MedicationRequest(string id, string patientId, string intent = "order") =>
        $$$"""{"resourceType":"MedicationRequest","id":"{{{id}}}","status":"active","intent":"{{{intent}}}","subject":{"reference":"Patient/{{{patientId}}}"},"medicationCodeableConcept":{"coding":[{"system":"https://dmd.nhs.uk/","code":"39113611000001102","display":"Metformin 500mg tablets"}]},"authoredOn":"2024-01-10","dispenseRequest":{"quantity":{"value":56,"unit":"tablet"} } }""";

    /// <summary>A network (PCN and two practices), three patients and a few records.</summary>
    public static IEnumerable<string> SmallExport()
    {
        yield return PcnOrganisation();
        yield return PracticeOrganisation(PracticeA);
        yield return PracticeOrganisation(PracticeB, list: 7000);
        for (var i = 1; i <= 3; i++)
        {
            yield return Patient($"p{i}", NhsNumber(i), i == 3 ? PracticeB : PracticeA);
            yield return Condition($"c{i}", $"p{i}");
            yield return Observation($"o{i}", $"p{i}", 40 + i);
        }

        yield return BloodPressure("bp1", "p1");
        yield return MedicationRequest("m1", "p1");
        yield return MedicationRequest("m2", "p2", "plan");
    }

    public static string WriteNdJson(string folder, string name, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    public static string TempFolder() => Directory.CreateTempSubdirectory("openpcn-fhir-").FullName;

    public static async Task<FhirImportSummary> ImportAsync(TestDatabase database, FhirImportRequest request, int? scopePcnId = null,
        IProgress<FhirImportProgress>? progress = null, CancellationToken ct = default)
    {
        await using var scope = scopePcnId is { } pcn ? database.PcnScope(pcn) : database.SystemScope();
        var service = ActivatorUtilities.CreateInstance<FhirImportService>(scope.ServiceProvider);
        return await service.ImportAsync(request, progress, ct);
    }

    /// <summary>Every record row of a network as text (import ids left out), to compare two databases or two runs.</summary>
    public static async Task<List<string>> SnapshotAsync(TestDatabase database, int pcnId)
    {
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var rows = new List<string>();
        rows.AddRange((await db.SourceResources.Where(s => s.PcnId == pcnId).AsNoTracking().ToListAsync())
            .Select(s => $"S {s.SourceKey} {s.ResourceType} {s.LogicalId} {s.ContentHash} {s.PatientId}").Order(StringComparer.Ordinal));
        rows.AddRange((await db.Patients.Where(s => s.PcnId == pcnId).AsNoTracking().ToListAsync())
            .Select(p => $"P {p.PatientId} {p.NhsNumber.Value} {p.PracticeCode} {p.DateOfBirth} {p.Sex} {p.Postcode}").Order(StringComparer.Ordinal));
        rows.AddRange((await db.ClinicalEvents.Where(s => s.PcnId == pcnId).AsNoTracking().ToListAsync())
            .Select(e => $"E {e.SourceKey} {e.Seq} {e.PatientId} {e.Kind} {e.CodeSystem} {e.Code} {e.Date} {e.Value} {e.Unit} {e.Status}").Order(StringComparer.Ordinal));
        rows.AddRange((await db.MedicationRecords.Where(s => s.PcnId == pcnId).AsNoTracking().ToListAsync())
            .Select(m => $"M {m.SourceKey} {m.Seq} {m.PatientId} {m.Kind} {m.CodeSystem} {m.Code} {m.Date} {m.Quantity}").Order(StringComparer.Ordinal));
        rows.AddRange((await db.Registrations.Where(s => s.PcnId == pcnId).AsNoTracking().ToListAsync())
            .Select(r => $"R {r.SourceKey} {r.Seq} {r.PatientId} {r.PracticeCode} {r.Start} {r.End}").Order(StringComparer.Ordinal));
        return rows;
    }

    public static async Task<int> PcnIdAsync(TestDatabase database, string code = TestPcnCode)
    {
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var pcnCode = Core.Features.Network.PcnCode.Parse(code);
        return await db.Pcns.Where(p => p.Code == pcnCode).Select(p => p.PcnId).SingleAsync();
    }

    public static async Task<T> WithDbAsync<T>(TestDatabase database, Func<PcnDbContext, Task<T>> read)
    {
        await using var scope = database.SystemScope();
        return await read(scope.ServiceProvider.GetRequiredService<PcnDbContext>());
    }

    public static PracticeCode Practice(string code) => PracticeCode.Parse(code);
}

using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Import;
using OpenPcn.TestSupport;
using static OpenPcn.Fhir.Tests.Import.ImportTestData;

namespace OpenPcn.Fhir.Tests.Import;

/// <summary>A Patient's generalPractitioner gives an open registration only while no EpisodeOfCare registers the patient.</summary>
public sealed class RegistrationTests
{
    private static string EndedRegistration(string id, string patientId) =>
        $$$"""{"resourceType":"EpisodeOfCare","id":"{{{id}}}","status":"finished","type":[{"coding":[{"system":"http://snomed.info/sct","code":"24531000000104"}]}],"patient":{"reference":"Patient/{{{patientId}}}"},"managingOrganization":{"identifier":{"system":"https://fhir.nhs.uk/Id/ods-organization-code","value":"{{{PracticeA}}}"}},"period":{"start":"2010-01-01","end":"2025-01-01"}}""";

    private static IEnumerable<string> Network() => [PcnOrganisation(), PracticeOrganisation(PracticeA)];

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_PatientFileThenEpisodeFile_OnlyTheUnregisteredPatientKeepsTheFallback(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = TempFolder();
        WriteNdJson(folder, "Organization.ndjson", Network());
        WriteNdJson(folder, "Patient.ndjson", [Patient("p1", NhsNumber(1)), Patient("p2", NhsNumber(2))]);
        WriteNdJson(folder, "EpisodeOfCare.ndjson", [EndedRegistration("e1", "p1")]);
        await ImportAsync(database, new FhirImportRequest(folder));
        var pcnId = await PcnIdAsync(database);
        var before = await SnapshotAsync(database, pcnId);

        var again = await ImportAsync(database, new FhirImportRequest(folder));

        Assert.Equal(
        [
            (NhsNumber(1), (DateOnly?)new DateOnly(2010, 1, 1), (DateOnly?)new DateOnly(2025, 1, 1)),
            (NhsNumber(2), null, null),
        ], await RegistrationsAsync(database));
        Assert.Equal(0, again.Accepted);
        Assert.Equal(before, await SnapshotAsync(database, pcnId));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_EpisodeInALaterImport_RemovesTheFallbackAndAChangedPatientDoesNotBringItBack(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = TempFolder();
        await ImportAsync(database, new FhirImportRequest(WriteNdJson(folder, "a.ndjson", Network().Append(Patient("p1", NhsNumber(1))))));
        Assert.Equal([(NhsNumber(1), (DateOnly?)null, (DateOnly?)null)], await RegistrationsAsync(database));

        await ImportAsync(database, new FhirImportRequest(WriteNdJson(folder, "b.ndjson", [EndedRegistration("e1", "p1")])));
        var afterEpisode = await RegistrationsAsync(database);
        await ImportAsync(database, new FhirImportRequest(WriteNdJson(folder, "c.ndjson", [Patient("p1", NhsNumber(1), birthDate: "1950-03-05")])));
        var afterChange = await RegistrationsAsync(database);
        var again = await ImportAsync(database, new FhirImportRequest(Path.Combine(folder, "b.ndjson")));

        List<(string, DateOnly?, DateOnly?)> ended = [(NhsNumber(1), new DateOnly(2010, 1, 1), new DateOnly(2025, 1, 1))];
        Assert.Equal(ended, afterEpisode);
        Assert.Equal(ended, afterChange);
        Assert.Equal(0, again.Accepted);
        Assert.Equal(ended, await RegistrationsAsync(database));
    }

    private static Task<List<(string NhsNumber, DateOnly? Start, DateOnly? End)>> RegistrationsAsync(TestDatabase database) =>
        WithDbAsync(database, async db =>
        {
            var patients = await db.Patients.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(p => p.PatientId, p => p.NhsNumber.Value);
            var rows = await db.Registrations.IgnoreQueryFilters().AsNoTracking().ToListAsync();
            return rows.Select(r => (patients[r.PatientId], r.Start, r.End)).Order().ToList();
        });
}

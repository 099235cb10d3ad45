using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Population;

[Trait("Category", "Functional")]
public sealed class PopulationApiTests
{
    [Fact]
    public async Task GetPatientRecord_AsClinician_ReturnsTheRecordAndAuditsTheApiView()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.Clinician).Email, TestNetworks.Password);

        using var response = await api.GetAsync($"/api/v1/population/patients/{PopulationFixture.Patient1}");
        var record = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hypertension", record.GetProperty("problems")[0].GetProperty("display").GetString());
        Assert.Equal("Nursing home", record.GetProperty("careHome").GetProperty("kind").GetString());
        var viewed = Assert.Single(await PopulationFixture.AuditAsync(db, PatientRecordService.ViewedAction));
        Assert.Equal((a.User(Roles.Clinician).UserId, "API"), (viewed.UserId, viewed.Detail));
    }

    [Fact]
    public async Task SearchPatients_NhsNumberInTheBody_FindsThePatientAndAnInvalidOneIsAValidationProblem()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password);

        using var found = await api.PostAsJsonAsync("/api/v1/population/patients/search", new { nhsNumber = PopulationFixture.Nhs1 });
        using var invalid = await api.PostAsJsonAsync("/api/v1/population/patients/search", new { nhsNumber = "1234567890" });
        using var empty = await api.PostAsJsonAsync("/api/v1/population/patients/search", new { nhsNumber = "" });

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var page = await found.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(PopulationFixture.Patient1, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("patientId").GetInt64());
        foreach (var refused in (HttpResponseMessage[])[invalid, empty])
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("nhsNumber", out _));
        }
    }

    [Fact]
    public async Task ListPatients_NhsNumberInTheQuery_IsRefusedNotIgnored()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.ClinicalDirector).Email, TestNetworks.Password);

        using var response = await api.GetAsync($"/api/v1/population/patients?nhsNumber={PopulationFixture.Nhs1}");
        using var listed = await api.GetAsync("/api/v1/population/patients?practice=Z81001");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("nhsNumber", out _));
        Assert.Equal(1, (await listed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task StartRecordImport_Upload_AnswersAcceptedWithTheQueuedRunAndItsLocation()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.PcnManager).Email, TestNetworks.Password);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("{\"resourceType\":\"Patient\"}\n"u8.ToArray()), "file", "r.ndjson" } };

        using var response = await api.PostAsync("/api/v1/population/imports", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        var importId = run.GetProperty("importId").GetGuid();
        Assert.Equal($"/api/v1/population/imports/{importId}", response.Headers.Location?.OriginalString);
        Assert.Equal("Queued", run.GetProperty("status").GetString());

        // Whatever the importer makes of it, the run ends (today's stub importer fails it) and is never left queued.
        var finished = await PopulationFixture.WaitForFinishAsync(db, a.PcnId, importId);
        Assert.False(finished.IsUnderWay);
    }
}

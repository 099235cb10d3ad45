using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Api;

/// <summary>Every API error is an RFC 9457 problem details document; a broken rule names its field.</summary>
[Trait("Category", "Functional")]
public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private OpenPcnWebFactory _app = default!;
    private SeededNetwork _a = default!;
    private SeededNetwork _b = default!;
    private HttpClient _api = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        (_a, _b) = await TestNetworks.SeedTwoAsync(_db);
        _app = new OpenPcnWebFactory(_db);
        _api = await Browser.ApiClientAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task GetPractice_InvalidOdsCode_Is400Problem()
    {
        using var response = await _api.GetAsync("/api/v1/network/practices/NOT-A-CODE");

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task GetPractice_OfAnotherNetwork_Is404ProblemThatDoesNotNameIt()
    {
        using var response = await _api.GetAsync($"/api/v1/network/practices/{_b.PracticeCodes[0]}");

        var problem = await ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain(_b.Name, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPractice_AlreadyInTheNetwork_Is409Problem()
    {
        using var response = await _api.PostAsJsonAsync("/api/v1/network/practices",
            new { code = _a.PracticeCodes[0], name = "Again", postcode = "LS1 1AA", clinicalSystem = "Emis", memberFrom = "2026-04-01" });

        var problem = await ReadProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(_a.PracticeCodes[0], problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordListSize_NegativeList_Is400ValidationProblemKeyedByField()
    {
        using var response = await _api.PostAsJsonAsync($"/api/v1/network/practices/{_a.PracticeCodes[0]}/list-sizes",
            new { censusDate = "2026-01-01", registered = -5, weighted = (decimal?)null, adjusted = (decimal?)null });

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("registered", out var messages));
        Assert.Contains("negative", messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPartner_MissingRequiredField_Is400Problem()
    {
        using var response = await _api.PostAsJsonAsync("/api/v1/network/partners", new { name = "No kind or dates" });

        await ReadProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AddPartner_MalformedJson_Is400Problem()
    {
        using var response = await _api.PostAsync("/api/v1/network/partners",
            new StringContent("{ \"name\": ", System.Text.Encoding.UTF8, "application/json"));

        await ReadProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RemovePartner_UnknownId_Is404Problem()
    {
        using var response = await _api.DeleteAsync($"/api/v1/network/partners/{Guid.CreateVersion7()}");

        await ReadProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Token_WrongPassword_Is401Problem()
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = _a.User("Clinician").Email, password = "wrong-password-here" });

        var problem = await ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain("locked", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_WithoutToken_Is401Problem()
    {
        using var client = _app.CreateClient();
        using var response = await client.GetAsync("/api/v1/network");

        await ReadProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_RoleWithoutPermission_Is403Problem()
    {
        using var viewer = await Browser.ApiClientAsync(_app, _a.User("IcbViewer").Email, TestNetworks.Password);
        using var response = await viewer.DeleteAsync($"/api/v1/network/partners/{_a.PartnerId}");

        await ReadProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task UnknownApiRoute_Is404Problem()
    {
        using var response = await _api.GetAsync("/api/v1/no-such-thing");

        await ReadProblemAsync(response, HttpStatusCode.NotFound);
    }

    internal static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.True(problem.TryGetProperty("title", out _), body);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }
}

using System.Net;
using System.Text.Json;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Api;

[Trait("Category", "Functional")]
public sealed class OpenApiTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private OpenPcnWebFactory _app = default!;
    private SeededNetwork _a = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _a = await TestNetworks.SeedAsync(_db, "U11111", "Alder Vale PCN", "a.test", "Partner", "Dr A", ("Z81001", 12_000));
        _app = new OpenPcnWebFactory(_db);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task OpenApiDocument_SignedInWithCookie_ListsEveryApiEndpointWithTheBearerScheme()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("Clinician").Email, TestNetworks.Password);

        using var response = await browser.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}")).ToHashSet();
        // The document writes "/api/v1/network" for the group's "/api/v1/network/" and drops route constraints.
        var apiEndpoints = Endpoints.All(_app.Services).Where(e => e.IsApi && e.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Select(e => $"{e.Method} {System.Text.RegularExpressions.Regex.Replace(e.Route, ":[^}]+", string.Empty).TrimEnd('/')}").ToList();
        var missing = apiEndpoints.Except(operations).ToList();
        Assert.True(missing.Count == 0, $"Not in the OpenAPI document: {string.Join(", ", missing)}");

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Contains("cross-site", document.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
        foreach (var operation in paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject()))
        {
            Assert.True(operation.Value.TryGetProperty("operationId", out _), $"{operation.Name} has no operationId (route name)");
            Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} has no summary");
            Assert.True(operation.Value.TryGetProperty("tags", out _), $"{operation.Name} has no tag");
        }
    }

    [Fact]
    public async Task OpenApiDocument_WithBearerToken_IsServed()
    {
        using var api = await Browser.ApiClientAsync(_app, _a.User("IcbViewer").Email, TestNetworks.Password);

        using var response = await api.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_PracticeCodesAreStringsWithTheirPattern()
    {
        using var api = await Browser.ApiClientAsync(_app, _a.User("IcbViewer").Email, TestNetworks.Password);

        var json = await api.GetStringAsync("/openapi/v1.json");

        Assert.Contains("^[A-Z][0-9]{5}$", json, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Network;

/// <summary>The network API end to end over HTTP, on SQLite and PostgreSQL: each change shows in the overview.</summary>
[Trait("Category", "Functional")]
public sealed class NetworkApiTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NetworkApi_ChangesByAManager_ShowInTheOverview(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await TestNetworks.SeedTwoAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User("PcnManager").Email, TestNetworks.Password);

        await Expect(HttpStatusCode.Created, api.PostAsJsonAsync("/api/v1/network/practices",
            new { code = "Z85001", name = "Rowan Surgery", postcode = "LS7 1AA", clinicalSystem = "Tpp", memberFrom = "2025-04-01" }));
        await Expect(HttpStatusCode.OK, api.PostAsJsonAsync("/api/v1/network/practices/Z85001/list-sizes",
            new { censusDate = "2026-01-01", registered = 10_500, weighted = 11_000m, adjusted = 10_900m }));
        await Expect(HttpStatusCode.NoContent, api.PutAsJsonAsync("/api/v1/network/payee", new { organisationCode = "Z85001", name = "Rowan Surgery" }));
        await Expect(HttpStatusCode.NoContent, api.PutAsJsonAsync("/api/v1/network/population-variation",
            new { variation = "ApprovedLarger", note = "ICB letter of 3 March 2025" }));
        var partner = await Read(await Expect(HttpStatusCode.Created, api.PostAsJsonAsync("/api/v1/network/partners",
            new { name = "Rowan Hospice", kind = "Voluntary", odsCode = "RX9", startDate = "2024-01-01", endDate = (string?)null, contact = "Lead" })));
        var partnerId = partner.GetProperty("partnerId").GetGuid();
        await Expect(HttpStatusCode.OK, api.PutAsJsonAsync($"/api/v1/network/partners/{partnerId}",
            new { name = "Rowan Hospice Trust", kind = "Voluntary", odsCode = "RX9", startDate = "2024-01-01", endDate = (string?)null, contact = "Lead" }));

        var overview = await Read(await Expect(HttpStatusCode.OK, api.GetAsync("/api/v1/network")));

        Assert.Equal(12_000 + 9_000 + 10_500, overview.GetProperty("totals").GetProperty("registered").GetInt32());
        Assert.Equal(3, overview.GetProperty("totals").GetProperty("practiceCount").GetInt32());
        Assert.Equal("Z85001", overview.GetProperty("pcn").GetProperty("nominatedPayee").GetProperty("organisationCode").GetString());
        var checks = overview.GetProperty("formationChecks").EnumerateArray().ToDictionary(c => c.GetProperty("rule").GetString()!, c => c.GetProperty("outcome").GetString());
        Assert.Equal("Met", checks["Nominated payee"]);
        Assert.Equal("Met", checks["Population"]);
        Assert.Equal(2, overview.GetProperty("partnerCount").GetInt32());

        var partners = await Read(await Expect(HttpStatusCode.OK, api.GetAsync("/api/v1/network/partners")));
        Assert.Contains(partners.GetProperty("otherPartners").EnumerateArray(), p => p.GetProperty("name").GetString() == "Rowan Hospice Trust");
        await Expect(HttpStatusCode.NoContent, api.DeleteAsync($"/api/v1/network/partners/{partnerId}"));
        await Expect(HttpStatusCode.NotFound, api.DeleteAsync($"/api/v1/network/partners/{partnerId}"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UsersApi_AddThenChangeRoles_TheNewUserCanSignInWithThem(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await TestNetworks.SeedTwoAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User("ClinicalDirector").Email, TestNetworks.Password);

        var user = await Read(await Expect(HttpStatusCode.Created, api.PostAsJsonAsync("/api/v1/users",
            new { email = "pm@a.test", displayName = "Pat Manager", password = "practice-manager-pass", roles = new[] { "PracticeManager" }, practiceCode = a.PracticeCodes[1] })));
        await Expect(HttpStatusCode.OK, api.PutAsJsonAsync($"/api/v1/users/{user.GetProperty("userId").GetString()}/roles",
            new { roles = new[] { "PracticeManager", "Clinician" }, practiceCode = a.PracticeCodes[1] }));

        using var newUser = await Browser.ApiClientAsync(app, "pm@a.test", "practice-manager-pass");
        var me = await Read(await Expect(HttpStatusCode.OK, newUser.GetAsync("/api/v1/me")));
        Assert.Equal(["Clinician", "PracticeManager"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(a.PracticeCodes[1], me.GetProperty("practiceCode").GetString());
        var overview = await Read(await Expect(HttpStatusCode.OK, newUser.GetAsync("/api/v1/network")));
        Assert.Equal(a.PracticeCodes[1], Assert.Single(overview.GetProperty("practices").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task UsersApi_ManagerGrantingAdministrator_IsForbidden()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await TestNetworks.SeedTwoAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        using var api = await Browser.ApiClientAsync(app, a.User("PcnManager").Email, TestNetworks.Password);

        await Expect(HttpStatusCode.Forbidden, api.PostAsJsonAsync("/api/v1/users",
            new { email = "admin@a.test", displayName = "Would-be admin", password = "a-long-enough-password", roles = new[] { "Administrator" }, practiceCode = (string?)null }));
        await Expect(HttpStatusCode.Forbidden, api.PutAsJsonAsync($"/api/v1/users/{a.User("Administrator").UserId}/roles",
            new { roles = new[] { "Clinician" }, practiceCode = (string?)null }));
    }

    [Fact]
    public async Task Token_LockedOutAfterFiveWrongPasswords_SaysSo()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var a = await TestNetworks.SeedAsync(db, "U11111", "Alder Vale PCN", "a.test", "Partner", "Dr A", ("Z81001", 12_000));
        await using var app = new OpenPcnWebFactory(db);
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await Expect(HttpStatusCode.Unauthorized, client.PostAsJsonAsync("/api/v1/auth/token", new { email = a.User("Clinician").Email, password = "wrong-password-here" }));
        }

        var response = await Expect(HttpStatusCode.Unauthorized, client.PostAsJsonAsync("/api/v1/auth/token", new { email = a.User("Clinician").Email, password = TestNetworks.Password }));

        Assert.Contains("locked", (await Read(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> Expect(HttpStatusCode status, Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<JsonElement> Read(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}

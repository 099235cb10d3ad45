using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Features.Security;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Security;

/// <summary>Removing and restoring a user's access, on the users pages and the API, and what it does to their sessions.</summary>
[Trait("Category", "Functional")]
public sealed class UserAccessTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private OpenPcnWebFactory _app = default!;
    private SeededNetwork _a = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        (_a, _) = await TestNetworks.SeedTwoAsync(_db);

        // The cookie's security stamp is checked on every request here (the app checks every minute), so a test
        // sees a removed user signed out without waiting.
        _app = new OpenPcnWebFactory(_db) { TestServices = s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero) };
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public void Options_StampCheckedEveryMinute_TokensLastThirtyMinutes()
    {
        using var app = new OpenPcnWebFactory(_db);

        Assert.Equal(TimeSpan.FromMinutes(1), app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval);
        Assert.Equal(TimeSpan.FromMinutes(30), app.Services.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>>()
            .Get(IdentityConstants.BearerScheme).BearerTokenExpiration);
    }

    [Fact]
    public async Task UsersPage_ForAManager_OffersNoAccessActionOnAnAdministratorsRow()
    {
        var administrator = _a.User("Administrator");
        var manager = await Browser.SignedInAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);

        var managersView = await Browser.GetPageAsync(manager, "/users");

        Assert.Null(managersView.QuerySelector($"a[href='/users/{administrator.UserId}/access']"));
        Assert.NotNull(managersView.QuerySelector($"a[href='/users/{_a.User("Clinician").UserId}/access']"));
    }

    [Fact]
    public async Task RemoveAccess_ByManagerOnThePage_SignsTheUserOutAndKeepsThemOutUntilRestored()
    {
        var clinician = _a.User("Clinician");
        var theirs = await Browser.SignedInAsync(_app, clinician.Email, TestNetworks.Password);
        var manager = await Browser.SignedInAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);
        var users = await Browser.GetPageAsync(manager, "/users");
        var link = users.QuerySelector($"a[href='/users/{clinician.UserId}/access']");
        Assert.Contains("Remove access", link?.TextContent, StringComparison.Ordinal);

        var removed = await Browser.SubmitAsync(manager, $"/users/{clinician.UserId}/access", "access", []);

        Assert.Equal("/users?done=access-removed", removed.Headers.Location?.PathAndQuery);
        var row = (await Browser.GetPageAsync(manager, "/users")).QuerySelectorAll("#users tbody tr").Single(r => r.TextContent.Contains(clinician.Email, StringComparison.Ordinal));
        Assert.Contains("Access removed", row.QuerySelector(".nhsuk-tag")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Restore access", row.TextContent, StringComparison.Ordinal);
        using (var afterwards = await theirs.GetAsync("/"))
        {
            Assert.Equal("/sign-in", afterwards.Headers.Location?.AbsolutePath);
        }

        var again = await Browser.SignInAsync(_app.CreateBrowser(), clinician.Email, TestNetworks.Password);
        Assert.Contains(SignInMessages.AccessRemoved, (await Html.ReadAsync(again)).QuerySelector(".nhsuk-error-summary")?.TextContent, StringComparison.Ordinal);

        var restored = await Browser.SubmitAsync(manager, $"/users/{clinician.UserId}/access", "access", []);
        Assert.Equal("/users?done=access-restored", restored.Headers.Location?.PathAndQuery);
        await Browser.SignedInAsync(_app, clinician.Email, TestNetworks.Password);
        Assert.Equal(["users.access.removed", "users.access.restored"], (await AuditAsync(_a.PcnId)).Where(a => a.StartsWith("users.access", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RemoveAccess_OwnAccount_IsNotOfferedAndIsRefused()
    {
        var me = _a.User("ClinicalDirector");
        var browser = await Browser.SignedInAsync(_app, me.Email, TestNetworks.Password);

        var users = await Browser.GetPageAsync(browser, "/users");
        var page = await Browser.GetPageAsync(browser, $"/users/{me.UserId}/access");
        using var api = await Browser.ApiClientAsync(_app, me.Email, TestNetworks.Password);
        using var response = await api.PostAsync($"/api/v1/users/{me.UserId}/access/remove", null);

        Assert.Null(users.QuerySelector($"a[href='/users/{me.UserId}/access']"));
        Assert.Null(page.QuerySelector("#access form"));
        Assert.Contains("cannot remove your own access", page.QuerySelector("#access")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task RemoveAccess_OfAnAdministratorByAManager_IsRefused()
    {
        var admin = _a.User("Administrator");
        var manager = await Browser.SignedInAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);
        using var api = await Browser.ApiClientAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);

        var page = await Browser.GetPageAsync(manager, $"/users/{admin.UserId}/access");
        using var response = await api.PostAsync($"/api/v1/users/{admin.UserId}/access/remove", null);

        Assert.Contains(AdministratorGuard.AccessRefusal, page.QuerySelector("#access")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Browser.SignedInAsync(_app, admin.Email, TestNetworks.Password);
    }

    [Fact]
    public async Task RemoveAccess_ByApi_TheUsersTokenStopsWorkingAtOnce_AndRestoreLetsThemBackIn()
    {
        var user = _a.User("FinanceLead");
        using var theirs = await Browser.ApiClientAsync(_app, user.Email, TestNetworks.Password);
        using var manager = await Browser.ApiClientAsync(_app, _a.User("ClinicalDirector").Email, TestNetworks.Password);
        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync("/api/v1/me")).StatusCode);

        using var removed = await manager.PostAsync($"/api/v1/users/{user.UserId}/access/remove", null);
        var view = JsonDocument.Parse(await removed.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.True(view.GetProperty("accessRemoved").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await theirs.GetAsync("/api/v1/me")).StatusCode);
        using var token = await _app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = TestNetworks.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);

        using var restored = await manager.PostAsync($"/api/v1/users/{user.UserId}/access/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        using var back = await Browser.ApiClientAsync(_app, user.Email, TestNetworks.Password);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task BearerToken_AfterTheUserIsLockedOut_IsRefused()
    {
        var user = _a.User("PartnerViewer");
        using var api = await Browser.ApiClientAsync(_app, user.Email, TestNetworks.Password);
        using var anonymous = _app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = user.Email, password = "not-the-password-at-all" })).Dispose();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task BearerToken_AfterTheUsersRolesChange_IsRefused()
    {
        var user = _a.User("Clinician");
        using var api = await Browser.ApiClientAsync(_app, user.Email, TestNetworks.Password);
        using var manager = await Browser.ApiClientAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);

        (await manager.PutAsJsonAsync($"/api/v1/users/{user.UserId}/roles", new { roles = new[] { "IcbViewer" }, practiceCode = (string?)null })).Dispose();

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task ChangeRoles_OfYourself_KeepsYouSignedIn()
    {
        var me = _a.User("PcnManager");
        var browser = await Browser.SignedInAsync(_app, me.Email, TestNetworks.Password);

        var saved = await Browser.SubmitAsync(browser, $"/users/{me.UserId}/roles", "user", new() { ["Roles"] = "PcnManager", ["Form.PracticeCode"] = "" });

        Assert.Equal("/users?done=roles", saved.Headers.Location?.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/users")).StatusCode);
    }

    private async Task<List<string>> AuditAsync(int pcnId)
    {
        await using var scope = _db.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        return await db.AuditEvents.Where(e => e.PcnId == pcnId).OrderBy(e => e.OccurredAt).ThenBy(e => e.AuditEventId).Select(e => e.Action).ToListAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Security;

/// <summary>Changing your own password, and what adding a user with an email already in use says.</summary>
[Trait("Category", "Functional")]
public sealed class PasswordAndEmailTests : IAsyncLifetime
{
    private const string NewPassword = "a-brand-new-long-password";

    private TestDatabase _db = default!;
    private OpenPcnWebFactory _app = default!;
    private SeededNetwork _a = default!;
    private SeededNetwork _b = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        (_a, _b) = await TestNetworks.SeedTwoAsync(_db);
        _app = new OpenPcnWebFactory(_db);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task ChangePassword_FromTheHeaderLink_KeepsThisSessionAndEndsTheOldPassword()
    {
        var email = _a.User("IcbViewer").Email;
        var browser = await Browser.SignedInAsync(_app, email, TestNetworks.Password);
        var home = await Browser.GetPageAsync(browser, "/");
        Assert.NotNull(home.QuerySelector("header a.nhsuk-header__account-link[href='/change-password']"));

        var response = await Browser.SubmitAsync(browser, "/change-password", "change-password", new()
        {
            ["Form.CurrentPassword"] = TestNetworks.Password,
            ["Form.NewPassword"] = NewPassword,
            ["Form.ConfirmPassword"] = NewPassword,
        });

        Assert.Equal("/change-password?done=changed", response.Headers.Location?.PathAndQuery);
        var done = await Browser.GetPageAsync(browser, "/change-password?done=changed");
        Assert.Contains("Your password has been changed", done.QuerySelector(".nhsuk-notification-banner--success")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Browser.SignInAsync(_app.CreateBrowser(), email, TestNetworks.Password)).StatusCode); // refused: the form again
        await Browser.SignedInAsync(_app, email, NewPassword);
        Assert.Contains("users.password.changed", await AuditAsync(_a.PcnId));
    }

    [Theory]
    [InlineData("not-my-password-at-all", NewPassword, NewPassword, "#current-password")]
    [InlineData(TestNetworks.Password, NewPassword, "something-else-entirely", "#confirm-password")]
    [InlineData(TestNetworks.Password, "short", "short", "#new-password")]
    [InlineData("", "", "", "#current-password")]
    public async Task ChangePassword_Mistakes_AreShownBesideTheirFields(string current, string next, string confirm, string firstError)
    {
        var email = _a.User("Clinician").Email;
        var browser = await Browser.SignedInAsync(_app, email, TestNetworks.Password);

        var response = await Browser.SubmitAsync(browser, "/change-password", "change-password", new()
        {
            ["Form.CurrentPassword"] = current,
            ["Form.NewPassword"] = next,
            ["Form.ConfirmPassword"] = confirm,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal(firstError, page.QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        await Browser.SignedInAsync(_app, email, TestNetworks.Password);
    }

    [Fact]
    public async Task AddUser_EmailOfThisNetworksUser_SaysItExists()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);

        var page = await Html.ReadAsync(await AddUserAsync(browser, _a.User("Clinician").Email));

        Assert.Equal(UserService.EmailInUse, page.QuerySelector("#email-error")?.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim());
    }

    [Fact]
    public async Task AddUser_EmailOfAnotherNetworksUser_SaysOnlyThatItCannotBeUsed()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);
        using var api = await Browser.ApiClientAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);
        var email = _b.User("Clinician").Email;

        var body = await (await AddUserAsync(browser, email)).Content.ReadAsStringAsync();
        using var response = await api.PostAsJsonAsync("/api/v1/users",
            new { email, displayName = "Someone", password = TestNetworks.Password, roles = new[] { "Clinician" }, practiceCode = (string?)null });
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Contains(UserService.EmailUnavailable, Html.Parse(body).QuerySelector("#email-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(UserService.EmailUnavailable, problem, StringComparison.Ordinal);
        foreach (var text in new[] { body, problem })
        {
            Assert.DoesNotContain("taken", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(UserService.EmailInUse, text, StringComparison.Ordinal);
            Assert.DoesNotContain(_b.Name, text, StringComparison.Ordinal);
        }
    }

    private static async Task<HttpResponseMessage> AddUserAsync(HttpClient browser, string email)
    {
        using var page = await browser.GetAsync("/users/add");
        var hidden = Html.HiddenFields(await Html.ReadAsync(page), "user");
        var fields = hidden.Select(h => KeyValuePair.Create(h.Key, h.Value)).Concat(
        [
            KeyValuePair.Create("Form.Email", email), KeyValuePair.Create("Form.DisplayName", "Someone"),
            KeyValuePair.Create("Form.Password", "a-long-enough-password"), KeyValuePair.Create("Roles", "Clinician"),
            KeyValuePair.Create("Form.PracticeCode", ""),
        ]);
        return await browser.PostAsync("/users/add", new FormUrlEncodedContent(fields));
    }

    private async Task<List<string>> AuditAsync(int pcnId)
    {
        await using var scope = _db.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        return await db.AuditEvents.Where(e => e.PcnId == pcnId).Select(e => e.Action).ToListAsync();
    }
}

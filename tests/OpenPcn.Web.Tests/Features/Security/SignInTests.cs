using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Features.Security;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Security;

[Trait("Category", "Functional")]
public sealed class SignInTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private OpenPcnWebFactory _app = default!;
    private SeededNetwork _a = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        (_a, _) = await TestNetworks.SeedTwoAsync(_db);
        _app = new OpenPcnWebFactory(_db);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task SignIn_GoodPassword_RedirectsToNetworkPage()
    {
        var browser = _app.CreateBrowser();

        var response = await Browser.SignInAsync(browser, _a.User("PcnManager").Email, TestNetworks.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.AbsolutePath);
        var page = await Browser.GetPageAsync(browser, "/");
        Assert.Equal(_a.Name, page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task SignIn_LocalReturnUrl_RedirectsThere_AndForeignOneIsIgnored()
    {
        var browser = _app.CreateBrowser();
        var local = await Browser.SubmitAsync(browser, "/sign-in?returnUrl=%2Fpartners", "sign-in",
            new() { ["Input.Email"] = _a.User("Clinician").Email, ["Input.Password"] = TestNetworks.Password });
        Assert.Equal("/partners", local.Headers.Location?.AbsolutePath);

        var other = _app.CreateBrowser();
        var foreign = await Browser.SubmitAsync(other, "/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", "sign-in",
            new() { ["Input.Email"] = _a.User("Clinician").Email, ["Input.Password"] = TestNetworks.Password });
        Assert.Equal("http://localhost/", foreign.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsGenericErrorAndNoCookie()
    {
        var browser = _app.CreateBrowser();

        var response = await Browser.SignInAsync(browser, _a.User("PcnManager").Email, "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains(SignInMessages.Failed, page.QuerySelector(".nhsuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("email", page.QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href")?.TrimStart('#'));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_ShowsTheSameMessageAsAWrongPassword()
    {
        var response = await Browser.SignInAsync(_app.CreateBrowser(), "nobody@nowhere.test", "not-the-password-at-all");

        var page = await Html.ReadAsync(response);
        Assert.Contains(SignInMessages.Failed, page.QuerySelector(".nhsuk-error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var email = _a.User("FinanceLead").Email;
        for (var i = 0; i < 5; i++)
        {
            await Browser.SignInAsync(_app.CreateBrowser(), email, "not-the-password-at-all");
        }

        var response = await Browser.SignInAsync(_app.CreateBrowser(), email, TestNetworks.Password);
        await Browser.SignInAsync(_app.CreateBrowser(), email, "not-the-password-at-all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SignInMessages.LockedOut, (await Html.ReadAsync(response)).QuerySelector(".nhsuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Single(await AuditActionsAsync(_a.PcnId), "security.locked-out"); // the attempt that locked it, not each one after
    }

    [Fact]
    public async Task SignIn_Succeeded_IsRecordedInTheNetworksAuditLog()
    {
        await Browser.SignedInAsync(_app, _a.User("Clinician").Email, TestNetworks.Password);

        Assert.Contains("security.signed-in", await AuditActionsAsync(_a.PcnId));
    }

    private async Task<List<string>> AuditActionsAsync(int pcnId)
    {
        await using var scope = _db.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        return await db.AuditEvents.Where(e => e.PcnId == pcnId).Select(e => e.Action).ToListAsync();
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_IsRefused()
    {
        var browser = _app.CreateBrowser();
        var response = await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.Email"] = _a.User("PcnManager").Email,
            ["Input.Password"] = TestNetworks.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);
        var page = await Browser.GetPageAsync(browser, "/");
        var token = page.QuerySelector("form[action='/sign-out'] input[name=__RequestVerificationToken]")?.GetAttribute("value");

        var response = await browser.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token! }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignOut_CrossSiteFormWithoutToken_IsRefused()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("PcnManager").Email, TestNetworks.Password);

        var response = await browser.PostAsync("/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }
}

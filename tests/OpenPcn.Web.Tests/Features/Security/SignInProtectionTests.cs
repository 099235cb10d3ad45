using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Features.Security;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Security;

/// <summary>Where sign-in may send a person afterwards, and the limit on sign-in attempts from one address.</summary>
[Trait("Category", "Functional")]
public sealed class SignInProtectionTests
{
    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https:evil")]
    [InlineData("https://evil.example/")]
    [InlineData("%2F%2Fevil")]
    [InlineData("\\\\evil")]
    [InlineData("/\t/evil.example")]
    [InlineData("")]
    [InlineData(null)]
    public void IsLocalUrl_AnotherSiteOrNothing_IsRefused(string? returnUrl) =>
        Assert.False(SecuritySetup.IsLocalUrl(returnUrl));

    [Theory]
    [InlineData("/")]
    [InlineData("/partners")]
    [InlineData("/practices/Z81001?done=added&tab=list-sizes")]
    public void IsLocalUrl_PathOnThisSite_IsAccepted(string returnUrl) =>
        Assert.True(SecuritySetup.IsLocalUrl(returnUrl));

    [Theory]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("https%3Aevil")]
    [InlineData("%5C%5Cevil")]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesToTheNetworkPageInstead(string encodedReturnUrl)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var a = await TestNetworks.SeedAsync(db, "U11111", "Alder Vale PCN", "a.test", "Partner", "Dr A", ("Z81001", 12_000));
        await using var app = new OpenPcnWebFactory(db);

        var response = await Browser.SubmitAsync(app.CreateBrowser(), $"/sign-in?returnUrl={encodedReturnUrl}", "sign-in",
            new() { ["Input.Email"] = a.User("Clinician").Email, ["Input.Password"] = TestNetworks.Password });

        Assert.Equal("http://localhost/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_MoreAttemptsThanTheLimitFromOneAddress_AreRefusedOnThePageAndTheApi()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var a = await TestNetworks.SeedAsync(db, "U11111", "Alder Vale PCN", "a.test", "Partner", "Dr A", ("Z81001", 12_000));
        await using var app = new OpenPcnWebFactory(db) { Settings = { ["Security:SignInRateLimit:PermitLimit"] = "3" } };
        var email = a.User("Clinician").Email;
        var browser = app.CreateBrowser();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Browser.SignInAsync(browser, email, "not-the-password-at-all")).StatusCode);
        }

        using var third = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = "not-the-password-at-all" });
        var refused = await Browser.SubmitAsync(browser, "/sign-in?returnUrl=%2Fpartners", "sign-in",
            new() { ["Input.Email"] = email, ["Input.Password"] = TestNetworks.Password });
        using var token = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestNetworks.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, third.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/sign-in?tooManyAttempts=true&returnUrl=%2Fpartners", refused.Headers.Location?.OriginalString);
        var page = await Browser.GetPageAsync(browser, refused.Headers.Location!.OriginalString);
        Assert.Contains(SignInMessages.TooManyAttempts, page.QuerySelector(".nhsuk-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode); // not signed in

        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
        Assert.Equal("application/problem+json", token.Content.Headers.ContentType?.MediaType);
        Assert.True(token.Headers.RetryAfter is not null, "A refused token request says when to try again.");
        var problem = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(SignInMessages.TooManyAttempts, problem.GetProperty("detail").GetString());
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Dom;

namespace OpenPcn.Web.Tests.Infrastructure;

/// <summary>What a person's browser does: sign in, open pages, post their forms with the antiforgery token.</summary>
internal static class Browser
{
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password)
    {
        var response = await SubmitAsync(browser, "/sign-in", "sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        return response;
    }

    public static async Task<HttpClient> SignedInAsync(OpenPcnWebFactory app, string email, string password)
    {
        var browser = app.CreateBrowser();
        var response = await SignInAsync(browser, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Sign-in as {email} answered {(int)response.StatusCode}. {(await Html.ReadAsync(response)).QuerySelector(".nhsuk-error-summary")?.TextContent.Trim()}");
        return browser;
    }

    /// <summary>GETs <paramref name="pageUrl"/>, then posts its form <paramref name="formName"/> with <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string pageUrl, string formName, Dictionary<string, string> fields)
    {
        using var page = await browser.GetAsync(pageUrl);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pageUrl} answered {(int)page.StatusCode}.");
        var hidden = Html.HiddenFields(await Html.ReadAsync(page), formName);
        foreach (var (key, value) in fields)
        {
            hidden[key] = value;
        }

        return await browser.PostAsync(pageUrl, new FormUrlEncodedContent(hidden));
    }

    public static async Task<IDocument> GetPageAsync(HttpClient browser, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await browser.GetAsync(url);
        Assert.True(response.StatusCode == expected, $"GET {url} answered {(int)response.StatusCode}, expected {(int)expected}.");
        return await Html.ReadAsync(response);
    }

    /// <summary>An API client with a bearer token from POST /api/v1/auth/token.</summary>
    public static async Task<HttpClient> ApiClientAsync(OpenPcnWebFactory app, string email, string password)
    {
        var client = app.CreateNoRedirectClient(cookies: false);
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        Assert.True(response.IsSuccessStatusCode, $"Token for {email} answered {(int)response.StatusCode}.");
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn, string RefreshToken);
}

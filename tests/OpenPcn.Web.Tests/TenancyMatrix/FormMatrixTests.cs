using System.Net;
using System.Net.Http.Headers;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.TenancyMatrix;

/// <summary>
/// The page side of the tenancy matrix for writes: every form of every page posted by every role, about the caller's
/// own network and about the other one, with a valid antiforgery token (so only the policy or the tenancy can stop it).
/// A role without the page's policy is sent to the access-denied page; an allowed role's post about the other network
/// is a 404 (or its field refused); and network B's rows never change. Runs on SQLite and PostgreSQL.
/// </summary>
[Trait("Category", "Functional")]
public sealed class FormMatrixTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Forms_EveryFormRoleAndNetwork_PostsByPolicyAndNeverChangeAnotherNetwork(DatabaseProvider provider)
    {
        await using var run = await MatrixRun.StartAsync(provider);
        var pages = Endpoints.All(run.App.Services).Where(e => e.IsPage && e.Method == "POST").ToList();
        var missing = pages.Select(p => p.Key).Except(FormMatrix.Entries.Select(e => e.Key)).Except(FormMatrix.NoForms.Keys).ToList();
        Assert.True(missing.Count == 0, $"Pages with no form matrix entry: {string.Join(", ", missing)}");
        foreach (var entry in FormMatrix.Entries)
        {
            var page = pages.SingleOrDefault(p => p.Key == entry.Key);
            Assert.True(page is not null, $"{entry}: the app has no such page.");
            Assert.True(MatrixRun.Declared(page) == entry.Access, $"{entry} declares {MatrixRun.Declared(page)} but the matrix expects {entry.Access}.");
        }

        var browsers = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
        {
            browsers[role] = await Browser.SignedInAsync(run.App, run.Context.A.User(role).Email, TestNetworks.Password);
        }

        var failures = new List<string>();
        var before = await run.Context.SnapshotBAsync();
        foreach (var entry in FormMatrix.Entries)
        {
            foreach (var role in Roles.All)
            {
                var allowed = MatrixRun.IsAllowed(entry.Access, role);
                var own = await entry.Own(run.Context);
                await CheckAsync(run, failures, entry, role, "own", browsers[role], own, entry.Fields(run.Context), allowed ? null : HttpStatusCode.Redirect, clash: false);
                if (entry.Other is not null)
                {
                    await CheckAsync(run, failures, entry, role, "other", browsers[role], entry.Other(run.Context), (entry.OtherFields ?? entry.Fields)(run.Context),
                        allowed ? entry.OtherStatus : HttpStatusCode.Redirect, entry.OtherMayNameTheClashingNetwork);
                }

                if (await run.Context.SnapshotBAsync() != before)
                {
                    failures.Add($"{entry} as {role}: network B's rows CHANGED");
                    before = await run.Context.SnapshotBAsync();
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} form matrix failure(s):\n{string.Join("\n", failures)}");
    }

    /// <summary>
    /// Posts the form as the role's browser would. <paramref name="expected"/> null means the post must work (a redirect
    /// to anywhere but sign-in or access denied); a redirect means it must be refused by policy (to access denied).
    /// </summary>
    private static async Task CheckAsync(MatrixRun run, List<string> failures, FormEntry entry, string role, string which, HttpClient browser,
        string url, Dictionary<string, string> fields, HttpStatusCode? expected, bool clash)
    {
        var label = $"{entry} as {role} ({which}: POST {url})";
        using var response = await PostAsync(browser, url, entry, fields);
        var body = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var path = response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : location.Split('?')[0];
        if (expected is null && (response.StatusCode != HttpStatusCode.Redirect || path is "/access-denied" or "/sign-in"))
        {
            failures.Add($"{label}: answered {(int)response.StatusCode} {location}, expected it to work. {Summary(body)}");
        }
        else if (expected == HttpStatusCode.Redirect && (response.StatusCode != HttpStatusCode.Redirect || path != "/access-denied"))
        {
            failures.Add($"{label}: answered {(int)response.StatusCode} {location}, expected the access-denied page");
        }
        else if (expected is { } status && status != HttpStatusCode.Redirect && response.StatusCode != status)
        {
            failures.Add($"{label}: answered {(int)response.StatusCode} {location}, expected {(int)status}. {Summary(body)}");
        }

        var sent = url + " " + string.Join(" ", fields.Values);
        var clashAllowed = clash ? new[] { run.Context.B.Name, run.Context.B.Code }.Concat(run.Context.B.PracticeCodes).ToHashSet() : [];
        foreach (var secret in run.Context.Secrets.Where(s => !sent.Contains(s, StringComparison.OrdinalIgnoreCase) && !clashAllowed.Contains(s)))
        {
            if (body.Contains(secret, StringComparison.OrdinalIgnoreCase) || location.Contains(secret, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{label}: the answer contains network B's '{secret}'");
            }
        }
    }

    /// <summary>
    /// The antiforgery token comes from the form's own page when the browser may open it, else from the sign-out form
    /// every signed-in page has (tokens belong to the user, not to a form).
    /// </summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string url, FormEntry entry, Dictionary<string, string> fields)
    {
        Dictionary<string, string> hidden;
        using (var page = await browser.GetAsync(url))
        {
            var document = await Html.ReadAsync(page);
            hidden = page.StatusCode == HttpStatusCode.OK && document.QuerySelector($"input[name=_handler][value='{entry.FormName}']") is not null
                ? Html.HiddenFields(document, entry.FormName)
                : [];
        }

        if (hidden.Count == 0)
        {
            var home = await Browser.GetPageAsync(browser, "/");
            hidden = Html.HiddenFields(home, null);
            hidden["_handler"] = entry.FormName;
        }

        foreach (var (key, value) in fields)
        {
            hidden[key] = value;
        }

        if (!entry.Upload)
        {
            return await browser.PostAsync(url, new FormUrlEncodedContent(hidden));
        }

        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in hidden)
        {
            form.Add(new StringContent(value), key);
        }

        var csv = entry.UploadFileName.EndsWith(".csv", StringComparison.Ordinal);
        var file = new ByteArrayContent(csv ? BadListSizeFile.Bytes : MatrixContext.NdjsonBytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(csv ? "text/csv" : "application/fhir+ndjson");
        form.Add(file, "file", entry.UploadFileName);
        return await browser.PostAsync(url, form);
    }

    private static string Summary(string body)
    {
        var errors = Html.Parse(body).QuerySelector(".nhsuk-error-summary")?.TextContent ?? Html.Parse(body).QuerySelector("h1")?.TextContent ?? string.Empty;
        return string.Join(' ', errors.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}

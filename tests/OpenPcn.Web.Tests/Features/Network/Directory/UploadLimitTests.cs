using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Hosting;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Network.Directory;

/// <summary>
/// Uploads to the import page and API on real Kestrel (whose default request limit is 30 MB): a file a little over
/// 30 MB is imported, one over 64 MB is refused with words a person can act on.
/// </summary>
[Trait("Category", "Functional")]
public sealed class UploadLimitTests : IAsyncLifetime
{
    private const long Megabyte = 1024 * 1024;

    private TestDatabase _db = default!;
    private OpenPcnWebFactory _app = default!;
    private SeededNetwork _a = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _a = await TestNetworks.SeedAsync(_db, "U11111", "Alder Vale PCN", "a.test", "Partner", "Dr A", ("Z81001", 12_000));
        _app = new OpenPcnWebFactory(_db);
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task ImportPage_FileJustOver30MB_IsImported()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("Administrator").Email, TestNetworks.Password);
        var (file, rows) = ListSizeFile(31 * Megabyte);

        using var response = await PostPageAsync(browser, file);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = await Browser.GetPageAsync(browser, response.Headers.Location!.PathAndQuery);
        Assert.Contains(rows.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), report.QuerySelector("#import-counts")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(64 * Megabyte + 100_000, false)] // over the file limit: the page's own check
    [InlineData(66 * Megabyte, true)] // over the request limit too: refused before the form is read, then the page again
    public async Task ImportPage_FileOver64MB_IsRefusedBesideTheField(long size, bool redirected)
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("Administrator").Email, TestNetworks.Password);

        using var response = await PostPageAsync(browser, ListSizeFile(size).Bytes);
        Assert.Equal(redirected ? HttpStatusCode.Redirect : HttpStatusCode.OK, response.StatusCode);
        var page = redirected
            ? await Browser.GetPageAsync(browser, response.Headers.Location!.OriginalString)
            : await Html.ReadAsync(response);

        Assert.Contains(UploadLimits.TooLargeMessage, page.QuerySelector("#file-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("#file", page.QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task ImportApi_FileJustOver30MB_IsImported_AndOneOver64MBIsA413Problem()
    {
        using var api = await Browser.ApiClientAsync(_app, _a.User("Administrator").Email, TestNetworks.Password);

        using var accepted = await api.PostAsync("/api/v1/directory/imports", Upload(ListSizeFile(31 * Megabyte).Bytes));
        using var refused = await api.PostAsync("/api/v1/directory/imports", Upload(ListSizeFile(66 * Megabyte).Bytes));
        using var asking = new HttpRequestMessage(HttpMethod.Post, "/api/v1/directory/imports") { Content = Upload(ListSizeFile(66 * Megabyte).Bytes) };
        asking.Headers.ExpectContinue = true; // as curl does for a large upload: refused before the file is sent
        using var refusedFirst = await api.SendAsync(asking);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        foreach (var response in new[] { refused, refusedFirst })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("64 MB", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A list-size file of about <paramref name="bytes"/>: one practice total, then breakdown rows (by sex and age)
    /// that the importer reads and passes over, so a big file is quick to import.
    /// </summary>
    private static (byte[] Bytes, int Rows) ListSizeFile(long bytes)
    {
        var text = new StringBuilder((int)bytes + 100);
        text.Append("PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n");
        text.Append("GP_PRAC_PAT_LIST,01NOV2026,GP,Z81001,LS1 1AA,ALL,ALL,12100\n");
        var rows = 1;
        while (text.Length < bytes)
        {
            text.Append("GP_PRAC_PAT_LIST,01NOV2026,GP,Z81001,LS1 1AA,MALE,").Append(rows % 95).Append(",12\n");
            rows++;
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), rows);
    }

    private static MultipartFormDataContent Upload(byte[] bytes, Dictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "gp-reg-pat-prac-all.csv");
        return form;
    }

    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient browser, byte[] file)
    {
        using var page = await browser.GetAsync("/directory");
        var fields = Html.HiddenFields(await Html.ReadAsync(page), "import");
        fields["kind"] = string.Empty;
        using var form = Upload(file, fields);
        return await browser.PostAsync("/directory", form);
    }
}

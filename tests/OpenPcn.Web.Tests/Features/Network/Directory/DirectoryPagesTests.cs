using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Network.Directory;

[Trait("Category", "Functional")]
public sealed class DirectoryPagesTests : IAsyncLifetime
{
    private const string BadFile =
        "PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n" +
        "GP_PRAC_PAT_LIST,01NOV2026,GP,A81001,TS18 1HU,ALL,ALL,12100\n" +
        "GP_PRAC_PAT_LIST,01NOV2026,GP,=HYPERLINK(\"x\"),TS18 1HU,ALL,ALL,900\n";

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
    public async Task ImportPage_UploadWithAntiforgeryToken_RedirectsToTheReportWithEachRejectedRow()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("Administrator").Email, TestNetworks.Password);
        using var page = await browser.GetAsync("/directory");
        var hidden = Html.HiddenFields(await Html.ReadAsync(page), "import");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in hidden)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent(string.Empty), "kind");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(BadFile));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "gp-reg-pat-prac-all.csv");

        using var response = await browser.PostAsync("/directory", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reportUrl = response.Headers.Location!.AbsolutePath;
        Assert.StartsWith("/directory/imports/", reportUrl, StringComparison.Ordinal);
        var report = await Browser.GetPageAsync(browser, reportUrl);
        var row = Assert.Single(report.QuerySelectorAll("#rejections tbody tr"));
        Assert.Contains("3", row.QuerySelector("td")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Administrator of U11111", report.QuerySelector("#import-counts")?.TextContent ?? string.Empty, StringComparison.Ordinal);

        using var csv = await browser.GetAsync(reportUrl + "/rejections.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("File,Sheet,Line,Reason,Excerpt", text, StringComparison.Ordinal);
        Assert.Contains("gp-reg-pat-prac-all.csv,,3,", text, StringComparison.Ordinal);
        Assert.Contains("HYPERLINK", text, StringComparison.Ordinal);
        using var reader = new CsvHelper.CsvReader(new StringReader(text), System.Globalization.CultureInfo.InvariantCulture);
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.Parser.Count; i++)
            {
                Assert.False(reader.GetField(i) is ['=' or '+' or '@', ..], $"Cell '{reader.GetField(i)}' would run as a spreadsheet formula.");
            }
        }
    }

    [Fact]
    public async Task ImportPage_NoFile_SaysChooseOne()
    {
        var browser = await Browser.SignedInAsync(_app, _a.User("Administrator").Email, TestNetworks.Password);
        using var page = await browser.GetAsync("/directory");
        var hidden = Html.HiddenFields(await Html.ReadAsync(page), "import");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in hidden)
        {
            form.Add(new StringContent(value), name);
        }

        using var response = await browser.PostAsync("/directory", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("#file", (await Html.ReadAsync(response)).QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));
    }
}

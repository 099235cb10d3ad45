using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Features.Population;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Population;

/// <summary>
/// Record files are larger than national files: on real Kestrel (30 MB default request limit, 64 MB form limit for the
/// directory), a 70 MB upload to the record import page and API is taken and queued.
/// </summary>
[Trait("Category", "Functional")]
public sealed class RecordUploadLimitTests
{
    private const int Size = 70 * 1024 * 1024;

    [Fact]
    public async Task PageAndApi_UploadOf70MB_IsQueued()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        var sizes = new List<long>();
        await using var app = new OpenPcnWebFactory(db)
        {
            TestServices = services => services.AddSingleton<RecordImportRunner>((_, work, _, _) =>
            {
                lock (sizes)
                {
                    sizes.Add(new FileInfo(work.Path).Length);
                }

                return Task.FromResult(RecordImportStatus.Completed);
            }),
        };
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var content = new byte[Size];
        Array.Fill(content, (byte)' ');

        var browser = await Browser.SignedInAsync(app, a.User(Roles.PcnManager).Email, TestNetworks.Password);
        using var page = await browser.GetAsync("/population/imports");
        using var form = new MultipartFormDataContent();
        foreach (var (key, value) in Html.HiddenFields(await Html.ReadAsync(page), "import"))
        {
            form.Add(new StringContent(value), key);
        }

        form.Add(File(content), "file", "big.ndjson");
        using var pageResponse = await browser.PostAsync("/population/imports", form);
        Assert.Equal(HttpStatusCode.Redirect, pageResponse.StatusCode);
        Assert.True(pageResponse.Headers.Location!.OriginalString.Contains("/population/imports/", StringComparison.Ordinal), pageResponse.Headers.Location.OriginalString);

        using var api = await Browser.ApiClientAsync(app, a.User(Roles.PcnManager).Email, TestNetworks.Password);
        using var apiForm = new MultipartFormDataContent { { File(content), "file", "big.ndjson" } };
        using var apiResponse = await api.PostAsync("/api/v1/population/imports", apiForm);
        Assert.Equal(HttpStatusCode.Accepted, apiResponse.StatusCode);

        // Both files reached the importer whole (saved under the data directory before it ran). The queue runs one
        // import at a time in the background; on a loaded 2-core machine the second can take several seconds to start.
        for (var i = 0; i < 1200 && Count(sizes) < 2; i++)
        {
            await Task.Delay(50);
        }

        lock (sizes)
        {
            Assert.Equal([Size, Size], sizes);
        }
    }

    private static int Count(List<long> sizes)
    {
        lock (sizes)
        {
            return sizes.Count;
        }
    }

    private static ByteArrayContent File(byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+ndjson");
        return file;
    }
}

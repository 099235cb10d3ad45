using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;
using OpenPcn.Web.Features.Population;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Population;

/// <summary>
/// Uploads hold patient data: none is left in the data directory's imports folder when an upload fails or a previous
/// process stopped; a server folder may not be the data directory (where other networks' uploads wait); and a run the
/// importer returned from without finishing is never left queued.
/// </summary>
[Trait("Category", "Functional")]
public sealed class RecordImportSafetyTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("openpcn-data-").FullName;

    private string Uploads => Path.Combine(_data, "imports");

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Upload_CopyOrQueueingFails_DeletesThePartWrittenFileAndKeepsTheError()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using var app = App(db, (_, _, _, _) => Task.FromResult(RecordImportStatus.Completed));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().SetPcn(a.PcnId);
            var starter = scope.ServiceProvider.GetRequiredService<RecordImportStarter>();
            var failure = await Assert.ThrowsAsync<IOException>(() => starter.UploadAsync(new BrokenUpload(), CancellationToken.None));
            Assert.Equal("The client went away.", failure.Message);
        }

        Assert.Empty(Directory.EnumerateFiles(Uploads));

        // Written whole, then the run's row could not be made (here: no network in scope).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var starter = scope.ServiceProvider.GetRequiredService<RecordImportStarter>();
            using var content = new MemoryStream("{\"resourceType\":\"Patient\"}\n"u8.ToArray());
            await Assert.ThrowsAsync<InvalidOperationException>(() => starter.UploadAsync(new FormFile(content, 0, content.Length, "file", "r.ndjson"), CancellationToken.None));
        }

        Assert.Empty(Directory.EnumerateFiles(Uploads));
    }

    [Fact]
    public async Task Worker_AtStart_DeletesUploadsAPreviousProcessLeftAndInterruptsTheirRuns()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        Guid queued;
        await using (var scope = db.SystemScope())
        {
            queued = await new RecordSeeder(scope.ServiceProvider.GetRequiredService<PcnDbContext>(), a.PcnId)
                .ImportAsync("left.ndjson", RecordImportStatus.Queued, new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), "{}");
        }

        Directory.CreateDirectory(Uploads);
        var left = Path.Combine(Uploads, $"{queued:N}.ndjson");
        await File.WriteAllTextAsync(left, "{\"resourceType\":\"Patient\",\"id\":\"left-behind\"}\n");
        File.SetLastWriteTimeUtc(left, TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1));

        await using var app = App(db, (_, _, _, _) => Task.FromResult(RecordImportStatus.Completed));
        app.CreateClient().Dispose(); // starts the host and its import worker

        var run = await PopulationFixture.WaitForFinishAsync(db, a.PcnId, queued);
        for (var i = 0; i < 100 && File.Exists(left); i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(RecordImportStatus.Interrupted, run.Status);
        Assert.False(File.Exists(left), "The upload left by the previous process is still on disk.");
    }

    [Fact]
    public async Task Worker_ImporterReturnsWithoutFinishingTheRun_MarksItFailed()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await using var app = App(db, (_, _, _, _) => Task.FromResult(RecordImportStatus.Failed));
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.PcnManager).Email, TestNetworks.Password);
        using var form = new MultipartFormDataContent { { new ByteArrayContent("{\"resourceType\":\"Patient\"}\n"u8.ToArray()), "file", "r.ndjson" } };

        using var response = await api.PostAsync("/api/v1/population/imports", form);
        var importId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("importId").GetGuid();

        var run = await PopulationFixture.WaitForFinishAsync(db, a.PcnId, importId);
        Assert.Equal(RecordImportStatus.Failed, run.Status);
        Assert.Contains("without finishing", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderImport_InsideTheDataDirectory_IsRefusedOnThePageAndInTheApi()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await CreateAdministratorAsync(db, a.PcnId);
        Directory.CreateDirectory(Uploads);
        await File.WriteAllTextAsync(Path.Combine(Uploads, "0193a1b2c3d4.ndjson"), "{\"resourceType\":\"Patient\"}\n");
        await using var app = App(db, (_, _, _, _) => Task.FromResult(RecordImportStatus.Completed));
        var browser = await Browser.SignedInAsync(app, "admin-manager@a.test", TestNetworks.Password);
        using var api = await Browser.ApiClientAsync(app, "admin-manager@a.test", TestNetworks.Password);

        using var page = await Browser.SubmitAsync(browser, "/population/imports", "import-folder", new() { ["folder"] = Uploads });
        var document = await Html.ReadAsync(page);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("#folder", document.QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));
        Assert.Contains("data directory", document.QuerySelector("#folder-error")?.TextContent, StringComparison.Ordinal);

        // A symbolic link outside the data directory that points into it is followed.
        var link = Path.Combine(Path.GetTempPath(), $"openpcn-link-{Guid.NewGuid():N}");
        Directory.CreateSymbolicLink(link, Uploads);
        try
        {
            foreach (var path in (string[])[_data, Uploads + Path.DirectorySeparatorChar, Path.Combine(Uploads, "0193a1b2c3d4.ndjson"), Path.Combine(Uploads, "..", "imports"), link])
            {
                using var response = await api.PostAsync("/api/v1/population/imports", new MultipartFormDataContent { { new StringContent(path), "folder" } });
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
                Assert.Contains("data directory", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("folder")[0].GetString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(link);
        }

        Assert.Equal(0, await RunCountAsync(db, a.PcnId));
    }

    [Fact]
    public async Task FolderImport_WithAFolderRoot_OnlyAcceptsPathsInsideIt()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (a, _) = await PopulationFixture.SeedAsync(db);
        await CreateAdministratorAsync(db, a.PcnId);
        var root = Directory.CreateDirectory(Path.Combine(_data, "..", Path.GetFileName(_data) + "-exports")).FullName;
        var inside = Directory.CreateDirectory(Path.Combine(root, "2026-11")).FullName;
        var outside = Directory.CreateTempSubdirectory("openpcn-elsewhere-").FullName;
        var sibling = Directory.CreateDirectory(root + "-other").FullName; // starts with the root's name, but is not inside it
        try
        {
            await using var app = App(db, (_, _, _, _) => Task.FromResult(RecordImportStatus.Completed), new() { [RecordImportStarter.FolderRootKey] = root });
            using var api = await Browser.ApiClientAsync(app, "admin-manager@a.test", TestNetworks.Password);

            using var refused = await api.PostAsync("/api/v1/population/imports", new MultipartFormDataContent { { new StringContent(outside), "folder" } });
            using var beside = await api.PostAsync("/api/v1/population/imports", new MultipartFormDataContent { { new StringContent(sibling), "folder" } });
            using var accepted = await api.PostAsync("/api/v1/population/imports", new MultipartFormDataContent { { new StringContent(inside), "folder" } });

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(root, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("folder")[0].GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, beside.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
            Directory.Delete(outside, recursive: true);
            Directory.Delete(sibling, recursive: true);
        }
    }

    private OpenPcnWebFactory App(TestDatabase db, RecordImportRunner runner, Dictionary<string, string?>? settings = null) =>
        new(db)
        {
            Settings = new(settings ?? []) { ["Database:DataDirectory"] = _data },
            TestServices = services => services.AddSingleton(runner),
        };

    private static async Task CreateAdministratorAsync(TestDatabase db, int pcnId)
    {
        await using var scope = db.SystemScope();
        await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync(pcnId,
            new NewUserInput("admin-manager@a.test", "Admin manager", TestNetworks.Password, [Roles.PcnManager, Roles.Administrator], null));
    }

    private static async Task<int> RunCountAsync(TestDatabase db, int pcnId)
    {
        await using var scope = db.PcnScope(pcnId);
        return await scope.ServiceProvider.GetRequiredService<PcnDbContext>().RecordImports.CountAsync(r => r.Source != "alder.ndjson");
    }

    /// <summary>An upload whose client goes away after the first bytes.</summary>
    private sealed class BrokenUpload : IFormFile
    {
        public string ContentType => "application/fhir+ndjson";

        public string ContentDisposition => "form-data; name=\"file\"; filename=\"r.ndjson\"";

        public IHeaderDictionary Headers { get; } = new HeaderDictionary();

        public long Length => 1_000_000;

        public string Name => "file";

        public string FileName => "r.ndjson";

        public void CopyTo(Stream target) => throw new NotSupportedException();

        public Task CopyToAsync(Stream target, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Stream OpenReadStream() => new BrokenStream();
    }

    private sealed class BrokenStream : Stream
    {
        private bool _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent)
            {
                throw new IOException("The client went away.");
            }

            _sent = true;
            Array.Fill(buffer, (byte)' ', offset, Math.Min(count, 100));
            return Math.Min(count, 100);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

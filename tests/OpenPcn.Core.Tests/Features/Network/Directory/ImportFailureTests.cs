using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Network.Directory;

[Trait("Category", "Integration")]
public sealed class ImportFailureTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_UnknownFile_IsRefusedAndRecordedAsFailed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var report = await db.ImportFixtureAsync("not-a-directory-file.csv");

        Assert.Equal((DirectoryFileKind.Unknown, ImportStatus.Failed, 0), (report.Kind, report.Status, report.RowsRead));
        Assert.Contains("does not look like any of the national directory files", report.Failure, StringComparison.Ordinal);
        var run = Assert.Single(await db.RunsAsync());
        Assert.Equal((report.ImportRunId, ImportStatus.Failed, "test-admin"), (run.ImportRunId, run.Status, run.ImportedBy));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_EmptyFile_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var report = await db.ImportFixtureAsync("empty.csv");

        Assert.Equal(ImportStatus.Failed, report.Status);
        Assert.Contains("The file empty.csv is empty", report.Failure, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_CancelledMidway_LeavesDirectoryAsItWasAndRecordsFailedRun(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.ImportTextAsync("PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\nP,01JAN2021,GP,A81001,TS18 1HU,ALL,ALL,1\n", "a.csv");
        using var cancel = new CancellationTokenSource();
        var reports = new List<ImportProgress>();
        var progress = new SyncProgress<ImportProgress>(p =>
        {
            reports.Add(p);
            if (p.Rows >= 2_000)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            db.ImportFixtureAsync(DirectoryTestFiles.ListSizes, progress: progress, ct: cancel.Token));

        Assert.True(reports.Count >= 2, "progress was reported batch by batch");
        Assert.True(reports[^1].BytesRead > 0 && reports[^1].BytesRead < reports[^1].TotalBytes);
        Assert.Equal(1, (await db.DirectoryStatusAsync()).ListSizes);
        Assert.Equal(1, (await db.ListSizeAsync("A81001", new DateOnly(2021, 1, 1)))!.Patients);
        var failed = (await db.RunsAsync())[0];
        Assert.Equal((ImportStatus.Failed, 0), (failed.Status, failed.Inserted));
        Assert.Contains("cancelled", failed.Failure, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_DatabaseErrorMidway_RollsBackEveryTableAndRecordsFailedRun(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // Memberships are written after sub-ICB locations and PCNs in each batch: dropping their table fails the map midway.
        await db.QueryAsync(c => c.Database.ExecuteSqlRawAsync("DROP TABLE \"DirectoryMemberships\""));

        var report = await db.ImportFixtureAsync(DirectoryTestFiles.Map);

        Assert.Equal(ImportStatus.Failed, report.Status);
        Assert.Contains("nothing was changed", report.Failure, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (report.Inserted, report.Updated, report.Unchanged));
        Assert.Equal(0, await db.QueryAsync(c => c.DirectorySubIcbs.CountAsync()));
        Assert.Equal(0, await db.QueryAsync(c => c.DirectoryPcns.CountAsync()));
        Assert.Equal(0, await db.QueryAsync(c => c.DirectoryPractices.CountAsync()));
        Assert.Equal(ImportStatus.Failed, Assert.Single(await db.RunsAsync()).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportAsync_NonSeekableUpload_IsReadLikeAFile(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bytes = await File.ReadAllBytesAsync(DirectoryTestFiles.Fixture(DirectoryTestFiles.Map));

        await using var scope = db.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();
        var report = await service.ImportAsync(new ForwardOnlyStream(bytes), "upload");

        Assert.Equal((DirectoryFileKind.PracticeMap, 6_202), (report.Kind, report.Inserted));
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

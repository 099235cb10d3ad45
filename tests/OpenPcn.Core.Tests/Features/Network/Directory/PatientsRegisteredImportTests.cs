using System.IO.Compression;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Network.Directory;

[Trait("Category", "Integration")]
public sealed class PatientsRegisteredImportTests
{
    private static readonly DateOnly Jan2021 = new(2021, 1, 1);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_RealJanuary2021File_StoresEveryPracticeTotal(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var report = await db.ImportFixtureAsync(DirectoryTestFiles.ListSizes);

        Assert.Equal(ImportStatus.Succeeded, report.Status);
        Assert.Equal(DirectoryFileKind.PatientsRegistered, report.Kind);
        Assert.Equal((6_658, 6_658, 0, 0, 0, 0), (report.RowsRead, report.Inserted, report.Updated, report.Unchanged, report.Skipped, report.Rejected));
        Assert.Equal("test-admin", report.ImportedBy);
        var status = await db.DirectoryStatusAsync();
        Assert.Equal(6_658, status.ListSizes);
        Assert.Equal(Jan2021, status.LatestListSizeDate);
        Assert.Equal(4_100, (await db.ListSizeAsync("A81001", Jan2021))!.Patients);
        Assert.Equal(18_898, (await db.ListSizeAsync("A81017", Jan2021))!.Patients);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_SameFileTwice_SecondChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.ImportFixtureAsync(DirectoryTestFiles.ListSizes);

        var again = await db.ImportFixtureAsync(DirectoryTestFiles.ListSizes);

        Assert.Equal(ImportStatus.Succeeded, again.Status);
        Assert.Equal((6_658, 0, 0, 6_658), (again.RowsRead, again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal(6_658, (await db.DirectoryStatusAsync()).ListSizes);
        Assert.Equal(2, (await db.RunsAsync()).Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_ChangedFigure_CountsOneUpdate(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string Header = "PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n";
        await db.ImportTextAsync(Header + "P,01JAN2026,GP,A81001,TS18 1HU,ALL,ALL,4100\nP,01JAN2026,GP,A81002,TS18 2AW,ALL,ALL,5000\n", "a.csv");

        var report = await db.ImportTextAsync(Header + "P,01JAN2026,GP,A81001,TS18 1HU,ALL,ALL,4150\nP,01JAN2026,GP,A81002,TS18 2AW,ALL,ALL,5000\n", "a.csv");

        Assert.Equal((0, 1, 1), (report.Inserted, report.Updated, report.Unchanged));
        Assert.Equal(4_150, (await db.ListSizeAsync("A81001", new DateOnly(2026, 1, 1)))!.Patients);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_OldSubIcbAnd2024Layouts_WithAnyMonthCase_AllRead(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        // CCG layout (to 2022), sub-ICB layout (2022-2024), and the 2024 layout; dates 01JAN / 01May / 01oct.
        const string Ccg = "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n" +
            "GP_PRAC_PAT_LIST,01JAN2021,GP,16C,E38000247,A81001,TS18 1HU,ALL,ALL,4100\n";
        const string SubIcb = "PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n" +
            "GP_PRAC_PAT_LIST,01May2022,GP,16C,E38000247,A81001,TS18 1HU,ALL,ALL,4180\n";
        const string Current = "PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n" +
            "GP_PRAC_PAT_LIST,01oct2025,GP,A81001,TS18 1HU,ALL,ALL,4230\n";

        foreach (var text in new[] { Ccg, SubIcb, Current })
        {
            var report = await db.ImportTextAsync(text, "gp-reg-pat-prac-all.csv");
            Assert.Equal((ImportStatus.Succeeded, 1), (report.Status, report.Inserted));
        }

        Assert.Equal(4_100, (await db.ListSizeAsync("A81001", new DateOnly(2021, 1, 1)))!.Patients);
        Assert.Equal(4_180, (await db.ListSizeAsync("A81001", new DateOnly(2022, 5, 1)))!.Patients);
        Assert.Equal(4_230, (await db.ListSizeAsync("A81001", new DateOnly(2025, 10, 1)))!.Patients);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_BadRows_AreRejectedWithLineAndReasonAndGoodRowsKept(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        // Fixtures/list-sizes-bad-rows.csv: lines 2 and 12 are good; 9 and 10 are not practice totals; the rest are bad.
        var report = await db.ImportFixtureAsync("list-sizes-bad-rows.csv", DirectoryFileKind.PatientsRegistered);

        Assert.Equal(ImportStatus.SucceededWithRejections, report.Status);
        Assert.Equal((12, 2, 2, 8), (report.RowsRead, report.Inserted, report.Skipped, report.Rejected));
        DirectoryTestFiles.AssertRejected(report, 3, "NUMBER_OF_PATIENTS 'abc' is not a whole number");
        DirectoryTestFiles.AssertRejected(report, 4, "CODE 'A8100X' is not a practice ODS code");
        DirectoryTestFiles.AssertRejected(report, 5, "EXTRACT_DATE '2025-10-01' is not a date like 01JAN2021");
        DirectoryTestFiles.AssertRejected(report, 6, "NUMBER_OF_PATIENTS '-5' is negative");
        DirectoryTestFiles.AssertRejected(report, 7, "Duplicate of line 2");
        DirectoryTestFiles.AssertRejected(report, 8, "Conflicts with line 2");
        DirectoryTestFiles.AssertRejected(report, 8, "NUMBER_OF_PATIENTS 4210 there and 4300 here");
        DirectoryTestFiles.AssertRejected(report, 11, "The row has 7 fields; the header has 8");
        DirectoryTestFiles.AssertRejected(report, 13, "EXTRACT_DATE '31Feb2025'");
        Assert.Contains("A81002,TS18 2AW", report.Rejections.Single(r => r.Line == 3).Excerpt, StringComparison.Ordinal);
        Assert.Equal(4_210, (await db.ListSizeAsync("A81001", new DateOnly(2025, 10, 1)))!.Patients);
        Assert.Equal(18_898, (await db.ListSizeAsync("A81008", new DateOnly(2025, 10, 1)))!.Patients);

        // The run keeps the rejections for the directory page.
        await using var scope = db.SystemScope();
        var run = await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().GetRunAsync(report.ImportRunId);
        Assert.Equal(8, run!.Rejections.Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_WrongColumns_FailsWholeFileAndWritesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var report = await db.ImportFixtureAsync("list-sizes-wrong-columns.csv", DirectoryFileKind.PatientsRegistered);

        Assert.Equal(ImportStatus.Failed, report.Status);
        Assert.Contains("it has no CODE, NUMBER_OF_PATIENTS columns", report.Failure, StringComparison.Ordinal);
        Assert.Contains("Expected a header row with", report.Failure, StringComparison.Ordinal);
        Assert.Equal(0, (await db.DirectoryStatusAsync()).ListSizes);
        Assert.Equal(ImportStatus.Failed, Assert.Single(await db.RunsAsync()).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_ZippedFile_ReadsTheCsvInside(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntryFromFile(DirectoryTestFiles.Fixture(DirectoryTestFiles.ListSizes), "gp-reg-pat-prac-all.csv");
        }

        var report = await db.ImportBytesAsync(zip.ToArray(), "gp-reg-pat-prac-all.zip");

        Assert.Equal((DirectoryFileKind.PatientsRegistered, ImportStatus.Succeeded, 6_658), (report.Kind, report.Status, report.Inserted));
    }
}

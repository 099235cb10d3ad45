using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Network.Directory;

[Trait("Category", "Integration")]
public sealed class EpraccurImportTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_RealFebruary2023File_KeepsGpPracticesAndSkipsTheRest(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var report = await db.ImportFixtureAsync(DirectoryTestFiles.Epraccur);

        // 15,536 organisations, of which 8,640 have prescribing setting 4 (GP practice).
        Assert.Equal((DirectoryFileKind.Epraccur, ImportStatus.Succeeded), (report.Kind, report.Status));
        Assert.Equal((15_536, 8_640, 6_896, 0), (report.RowsRead, report.Inserted, report.Skipped, report.Rejected));
        var victoria = PracticeCode.Parse("A81003");
        var closed = await db.QueryAsync(c => c.DirectoryPractices.AsNoTracking().SingleAsync(p => p.Code == victoria));
        Assert.Equal(("C", new DateOnly(1974, 4, 1), new DateOnly(2017, 10, 31), "Q74", "00K", 4),
            (closed.StatusCode, closed.OpenDate!.Value, closed.CloseDate!.Value, closed.IcbCode, closed.SubIcbCode, closed.PrescribingSetting!.Value));

        var again = await db.ImportFixtureAsync(DirectoryTestFiles.Epraccur);
        Assert.Equal((0, 0, 8_640, 6_896), (again.Inserted, again.Updated, again.Unchanged, again.Skipped));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_EpraccurThenMap_EachKeepsTheOthersColumns(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.ImportFixtureAsync(DirectoryTestFiles.Epraccur);

        var map = await db.ImportFixtureAsync(DirectoryTestFiles.Map);
        await db.ImportFixtureAsync(DirectoryTestFiles.Epraccur);

        Assert.Equal(6_202, map.Inserted + map.Updated + map.Unchanged);
        var densham = PracticeCode.Parse("A81001");
        var practice = await db.QueryAsync(c => c.DirectoryPractices.AsNoTracking().SingleAsync(p => p.Code == densham));
        Assert.Equal(("A", "TPP", new DateOnly(1974, 4, 1)), (practice.StatusCode, practice.SupplierName, practice.OpenDate!.Value));

        // The map (October 2025) owns names and postcodes: re-importing the older epraccur (February 2023) does not
        // bring back B81017's old name and address.
        var quays = PracticeCode.Parse("B81017");
        var renamed = await db.QueryAsync(c => c.DirectoryPractices.AsNoTracking().SingleAsync(p => p.Code == quays));
        Assert.Equal(("THE QUAYS MEDICAL PRACTICE", "HU1 3SA"), (renamed.Name, renamed.Postcode));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_BadRows_AreRejectedWithReasons(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        // Fixtures/epraccur-bad-rows.csv (no header): lines 1 and 9 are good practices, line 2 a drug service (setting 8).
        var report = await db.ImportFixtureAsync("epraccur-bad-rows.csv", DirectoryFileKind.Epraccur);

        Assert.Equal((9, 2, 1, 6), (report.RowsRead, report.Inserted, report.Skipped, report.Rejected));
        DirectoryTestFiles.AssertRejected(report, 3, "Organisation Code 'ABC123' is not a GP practice ODS code");
        DirectoryTestFiles.AssertRejected(report, 4, "Open Date '1974-04-01' is not a date like 19740401");
        DirectoryTestFiles.AssertRejected(report, 5, "The row has 26 fields; epraccur rows have 27");
        DirectoryTestFiles.AssertRejected(report, 6, "Status Code 'X' is not A (active)");
        DirectoryTestFiles.AssertRejected(report, 7, "Duplicate of line 1");
        DirectoryTestFiles.AssertRejected(report, 8, "Conflicts with line 1: Organisation Code A81001");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_FirstRowNotTwentySevenColumns_FailsTheFile(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var report = await db.ImportTextAsync("\"A81001\",\"THE DENSHAM SURGERY\",\"Y63\"\n", "epraccur.csv", DirectoryFileKind.Epraccur);

        Assert.Equal(ImportStatus.Failed, report.Status);
        Assert.Contains("its first row has 3 columns", report.Failure, StringComparison.Ordinal);
        Assert.Equal(0, (await db.DirectoryStatusAsync()).Practices);
    }
}

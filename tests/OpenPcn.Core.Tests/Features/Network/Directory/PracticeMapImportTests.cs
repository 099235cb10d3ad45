using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Network.Directory;

[Trait("Category", "Integration")]
public sealed class PracticeMapImportTests
{
    private const string Header =
        "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE," +
        "SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME,SUPPLIER_NAME\n";

    private static readonly PracticeCode Densham = PracticeCode.Parse("A81001");

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_RealOctober2025Map_FillsPracticesPcnsSubIcbsAndMemberships(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var report = await db.ImportFixtureAsync(DirectoryTestFiles.Map);

        Assert.Equal((DirectoryFileKind.PracticeMap, ImportStatus.Succeeded), (report.Kind, report.Status));
        Assert.Equal((6_202, 6_202, 0, 0), (report.RowsRead, report.Inserted, report.Updated, report.Rejected));
        var status = await db.DirectoryStatusAsync();
        // 71 practices are "U / Unallocated": kept as practices, in no PCN.
        Assert.Equal((6_202, 1_297, 106, 6_131), (status.Practices, status.Pcns, status.SubIcbs, status.Memberships));
        Assert.Equal(new DateOnly(2025, 10, 1), status.LatestMapDate);

        var densham = await db.QueryAsync(c => c.DirectoryPractices.AsNoTracking().SingleAsync(p => p.Code == Densham));
        Assert.Equal(("THE DENSHAM SURGERY", "TS18 1HU", "16C", "QHM", "TPP"),
            (densham.Name, densham.Postcode, densham.SubIcbCode, densham.IcbCode, densham.SupplierName));
        var membership = await db.QueryAsync(c => c.DirectoryMemberships.AsNoTracking().SingleAsync(m => m.PracticeCode == Densham));
        Assert.Equal(("U89141", new DateOnly(2025, 10, 1), (DateOnly?)null), (membership.PcnCode.Value, membership.AsAt!.Value, membership.StartDate));
        var subIcb = await db.QueryAsync(c => c.DirectorySubIcbs.AsNoTracking().SingleAsync(s => s.Code == "16C"));
        Assert.Equal(("QHM", "NHS North East and North Cumbria Integrated Care Board", "Y63"), (subIcb.IcbCode, subIcb.IcbName, subIcb.RegionCode));
        var riversdale = PracticeCode.Parse("A84035");
        Assert.True(await db.QueryAsync(c => c.DirectoryPractices.AnyAsync(p => p.Code == riversdale)));
        Assert.False(await db.QueryAsync(c => c.DirectoryMemberships.AnyAsync(m => m.PracticeCode == riversdale)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_RealMapTwice_SecondReportsEveryRowUnchanged(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.ImportFixtureAsync(DirectoryTestFiles.Map);

        var again = await db.ImportFixtureAsync(DirectoryTestFiles.Map);

        Assert.Equal((6_202, 0, 0, 6_202), (again.RowsRead, again.Inserted, again.Updated, again.Unchanged));
        var status = await db.DirectoryStatusAsync();
        Assert.Equal((6_202, 1_297, 106, 6_131), (status.Practices, status.Pcns, status.SubIcbs, status.Memberships));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_BadRows_AreRejectedAndUnallocatedPracticeKept(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        // Fixtures/map-bad-rows.csv: lines 2 and 9 (unallocated) are good; the rest are bad or duplicates of line 2.
        var report = await db.ImportFixtureAsync("map-bad-rows.csv");

        Assert.Equal((8, 2, 6), (report.RowsRead, report.Inserted, report.Rejected));
        DirectoryTestFiles.AssertRejected(report, 3, "PRACTICE_CODE 'A8100' is not a practice ODS code");
        DirectoryTestFiles.AssertRejected(report, 4, "PCN_CODE 'X07032' is not a PCN ODS code");
        DirectoryTestFiles.AssertRejected(report, 5, "EXTRACT_DATE '32Oct2025' is not a date");
        DirectoryTestFiles.AssertRejected(report, 6, "PRACTICE_NAME is empty");
        DirectoryTestFiles.AssertRejected(report, 7, "Duplicate of line 2");
        DirectoryTestFiles.AssertRejected(report, 8, "Conflicts with line 2: PRACTICE_CODE A81001");
        var status = await db.DirectoryStatusAsync();
        Assert.Equal((2, 1, 1), (status.Practices, status.Pcns, status.Memberships));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_OlderMapAfterNewer_KeepsLatestAsAtAndEarliestFirstSeen(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string Row = ",A81001,THE DENSHAM SURGERY,TS18 1HU,U89141,STOCKTON PCN,E38000247,16C,NHS North East and North Cumbria ICB - 16C," +
            "E54000050,QHM,NHS North East and North Cumbria Integrated Care Board,E40000012,Y63,North East and Yorkshire,TPP\n";

        await db.ImportTextAsync(Header + "GP_PRAC_PAT_LIST,01Oct2025" + Row, "gp-reg-pat-prac-map.csv");
        var older = await db.ImportTextAsync(Header + "GP_PRAC_PAT_LIST,01APR2024" + Row, "gp-reg-pat-prac-map.csv");

        Assert.Equal(1, older.Updated); // the membership was first seen earlier than we knew
        var membership = await db.QueryAsync(c => c.DirectoryMemberships.AsNoTracking().SingleAsync(m => m.PracticeCode == Densham));
        Assert.Equal((new DateOnly(2025, 10, 1), new DateOnly(2024, 4, 1)), (membership.AsAt!.Value, membership.FirstAsAt!.Value));
        Assert.Equal(1, (await db.ImportTextAsync(Header + "GP_PRAC_PAT_LIST,01Oct2025" + Row, "gp-reg-pat-prac-map.csv")).Unchanged);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_CcgEraColumnNames_AreReadAsSubIcbAndIcb(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string Text =
            "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_CCG_CODE,CCG_CODE,CCG_NAME,ONS_STP_CODE,STP_CODE,STP_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME\n" +
            "GP_PRAC_PAT_LIST,01JAN2021,A81001,THE DENSHAM SURGERY,TS18 1HU,U89141,STOCKTON PCN,E38000247,16C,NHS TEES VALLEY CCG,E54000050,QHM,CUMBRIA AND NORTH EAST,E40000012,Y63,NORTH EAST AND YORKSHIRE\n";

        var report = await db.ImportTextAsync(Text, "gp-reg-pat-prac-map.csv");

        Assert.Equal((ImportStatus.Succeeded, 1), (report.Status, report.Inserted));
        var subIcb = await db.QueryAsync(c => c.DirectorySubIcbs.AsNoTracking().SingleAsync());
        Assert.Equal(("16C", "NHS TEES VALLEY CCG", "QHM"), (subIcb.Code, subIcb.Name, subIcb.IcbCode));
    }
}

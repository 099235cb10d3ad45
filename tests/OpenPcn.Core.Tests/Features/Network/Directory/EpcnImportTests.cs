using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Network.Directory;

[Trait("Category", "Integration")]
public sealed class EpcnImportTests
{
    private const string Partners = "PCN Core Partner Details";

    private static byte[] Workbook() => EpcnWorkbook.Build(
        [
            EpcnWorkbook.Pcn("U89141", "STOCKTON PCN", new DateTime(2019, 7, 1)),                 // row 2: real date
            EpcnWorkbook.Pcn("U07032", "NORTH STOCKTON PCN", 20190701d),                          // row 3: number
            EpcnWorkbook.Pcn("X12345", "NOT A PCN", "01/07/2019"),                                // row 4: bad code
            EpcnWorkbook.Pcn("U12345", "CLOSED PCN", "01/07/2019", "31/03/2023"),                 // row 5: text dates
        ],
        [
            EpcnWorkbook.Partner("A81001", "U89141", new DateTime(2020, 7, 1)),                   // row 2: real date
            EpcnWorkbook.Partner("A81002", "U07032", 20200401d),                                  // row 3: number
            EpcnWorkbook.Partner("A81017", "U89141", "20200701"),                                 // row 4: text yyyyMMdd
            EpcnWorkbook.Partner("A81025", "U07032", new DateTime(2019, 7, 1), "31/03/2022"),     // row 5: ended
            EpcnWorkbook.Partner("A81025", "U89141", "01/04/2022"),                               // row 6: moved
            EpcnWorkbook.Partner("A81046", "U89141", "first of July"),                            // row 7: bad date
            EpcnWorkbook.Partner("12345", "U89141", new DateTime(2020, 7, 1)),                    // row 8: bad code
        ]);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_WorkbookToPublishedLayout_ReadsEveryDateFormAndRejectsBadRows(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var report = await db.ImportBytesAsync(Workbook(), "ePCN.xlsx");

        Assert.Equal((DirectoryFileKind.Epcn, ImportStatus.SucceededWithRejections), (report.Kind, report.Status));
        Assert.Equal((11, 8, 3), (report.RowsRead, report.Inserted, report.Rejected));
        DirectoryTestFiles.AssertRejected(report, 4, "PCN Code 'X12345' is not a PCN ODS code", sheet: "PCNDetails");
        DirectoryTestFiles.AssertRejected(report, 7, "Practice to PCN Relationship Start Date 'first of July' is not a date", sheet: Partners);
        DirectoryTestFiles.AssertRejected(report, 8, "Partner Organisation Code '12345' is not a practice ODS code", sheet: Partners);

        var pcns = await db.QueryAsync(c => c.DirectoryPcns.AsNoTracking().ToDictionaryAsync(p => p.Code.Value));
        Assert.Equal(new DateOnly(2019, 7, 1), pcns["U89141"].OpenDate);
        Assert.Equal(new DateOnly(2019, 7, 1), pcns["U07032"].OpenDate);
        Assert.Equal((new DateOnly(2019, 7, 1), new DateOnly(2023, 3, 31)), (pcns["U12345"].OpenDate!.Value, pcns["U12345"].CloseDate!.Value));
        Assert.Equal(("16C", "TS18 1HU"), (pcns["U89141"].SubIcbCode, pcns["U89141"].Postcode));

        var memberships = await db.QueryAsync(c => c.DirectoryMemberships.AsNoTracking().ToListAsync());
        DirectoryMembership Of(string practice, string pcn) =>
            memberships.Single(m => m.PracticeCode == PracticeCode.Parse(practice) && m.PcnCode == PcnCode.Parse(pcn));
        Assert.Equal(new DateOnly(2020, 7, 1), Of("A81001", "U89141").StartDate);
        Assert.Equal(new DateOnly(2020, 4, 1), Of("A81002", "U07032").StartDate);
        Assert.Equal(new DateOnly(2020, 7, 1), Of("A81017", "U89141").StartDate);
        Assert.Equal((new DateOnly(2019, 7, 1), new DateOnly(2022, 3, 31)), (Of("A81025", "U07032").StartDate!.Value, Of("A81025", "U07032").EndDate!.Value));
        Assert.Equal((new DateOnly(2022, 4, 1), (DateOnly?)null), (Of("A81025", "U89141").StartDate!.Value, Of("A81025", "U89141").EndDate));

        var again = await db.ImportBytesAsync(Workbook(), "ePCN.xlsx");
        Assert.Equal((0, 0, 8, 3), (again.Inserted, again.Updated, again.Unchanged, again.Rejected));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_OlderSheetNameAndLooseHeaders_AreRecognised(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        string[] header = [.. EpcnWorkbook.DetailsHeader.Select(h => $" {h.ToLowerInvariant()} ")];
        var bytes = EpcnWorkbook.Build([EpcnWorkbook.Pcn("U89141", "STOCKTON PCN", 43647d)], null, detailsSheet: "PCN Details", detailsHeader: header);

        var report = await db.ImportBytesAsync(bytes, "epcn-2021.xlsx");

        Assert.Equal((ImportStatus.Succeeded, 1), (report.Status, report.Inserted));
        // 43647 is an Excel serial day number: 1 July 2019.
        var pcn = await db.QueryAsync(c => c.DirectoryPcns.AsNoTracking().SingleAsync());
        Assert.Equal(new DateOnly(2019, 7, 1), pcn.OpenDate);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_SameMembershipTwiceWithDifferentPeriods_KeepsTheLatest(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var bytes = EpcnWorkbook.Build(null,
        [
            EpcnWorkbook.Partner("A81001", "U89141", "01/04/2022"),
            EpcnWorkbook.Partner("A81001", "U89141", "01/07/2019", "31/03/2021"),
        ]);

        var report = await db.ImportBytesAsync(bytes, "ePCN.xlsx");

        Assert.Equal((1, 1), (report.Inserted, report.Rejected));
        DirectoryTestFiles.AssertRejected(report, 3, "An earlier period of A81001 in U89141; row 2 has a later one", sheet: Partners);
        var membership = await db.QueryAsync(c => c.DirectoryMemberships.AsNoTracking().SingleAsync());
        Assert.Equal(new DateOnly(2022, 4, 1), membership.StartDate);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_WorkbookWithoutEpcnSheets_FailsWithExpectedLayout(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var report = await db.ImportBytesAsync(EpcnWorkbook.Build(null, null), "ePCN.xlsx");

        Assert.Equal((DirectoryFileKind.Epcn, ImportStatus.Failed), (report.Kind, report.Status));
        Assert.Contains("neither a PCNDetails nor a PCN Core Partner Details sheet", report.Failure, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_PartnerSheetWithoutStartDateColumn_FailsBeforeWritingDetails(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(Workbook()));
        workbook.Worksheet(Partners).Cell(1, 9).Value = "Start";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);

        var report = await db.ImportBytesAsync(stream.ToArray(), "ePCN.xlsx");

        Assert.Equal(ImportStatus.Failed, report.Status);
        Assert.Contains("no Practice to PCN Relationship Start Date column", report.Failure, StringComparison.Ordinal);
        Assert.Equal(0, (await db.DirectoryStatusAsync()).Pcns);
    }
}

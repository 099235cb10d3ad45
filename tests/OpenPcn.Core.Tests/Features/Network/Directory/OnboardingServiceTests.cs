using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Network.Directory;

[Trait("Category", "Integration")]
public sealed class OnboardingServiceTests
{
    private static readonly PcnCode Stockton = PcnCode.Parse("U89141");

    // STOCKTON PCN (U89141) in the October 2025 map, with each practice's January 2021 list.
    private static readonly Dictionary<string, int> StocktonPractices = new()
    {
        ["A81001"] = 4_100,
        ["A81017"] = 18_898,
        ["A81025"] = 4_106,
        ["A81046"] = 12_192,
        ["A81608"] = 5_791,
        ["A81629"] = 4_744,
    };

    internal static async Task LoadShippedDirectoryAsync(TestDatabase db)
    {
        await using var scope = db.SystemScope();
        await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportShippedIfEmptyAsync();
    }

    internal static async Task<T> AsAdminAsync<T>(TestDatabase db, Func<OnboardingService, Task<T>> work)
    {
        await using var scope = db.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetActor("test-admin");
        return await work(scope.ServiceProvider.GetRequiredService<OnboardingService>());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Search_Stockton_FindsBothStocktonPcnsWithPracticesListAndGeography(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);

        var results = await AsAdminAsync(db, s => s.SearchAsync("stockton"));

        Assert.Equal(["STOCKTON PCN", "NORTH STOCKTON PCN"], results.Select(r => r.Name));
        var stockton = results[0];
        Assert.Equal((Stockton, 6, StocktonPractices.Values.Sum(), false), (stockton.Code, stockton.PracticeCount, stockton.Registered, stockton.AlreadyOnboarded));
        Assert.Equal(("NHS North East and North Cumbria ICB - 16C", "NHS North East and North Cumbria Integrated Care Board"), (stockton.SubIcbName, stockton.IcbName));
        Assert.Equal(3, results[1].PracticeCount);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Search_LowerCaseCode_PutsThatPcnFirst(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);

        var results = await AsAdminAsync(db, s => s.SearchAsync("u89141"));

        Assert.Equal(Stockton, Assert.Single(results).Code);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Preview_U89141_ListsCurrentMembersWithLatestListSizes(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);

        var preview = await AsAdminAsync(db, s => s.PreviewAsync(Stockton));

        Assert.Equal(StocktonPractices.Keys.Order(), preview.Practices.Select(p => p.Code.Value).Order());
        Assert.All(preview.Practices, p =>
        {
            Assert.Equal((StocktonPractices[p.Code.Value], new DateOnly(2021, 1, 1), "TPP"), (p.Registered!.Value, p.ListSizeDate!.Value, p.Supplier));
            Assert.Null(p.MemberFrom); // no ePCN loaded: the map gives no start date
        });
        Assert.Equal("THE DENSHAM SURGERY", preview.Practices.Single(p => p.Code.Value == "A81001").Name);
        Assert.Equal(("QHM", "16C"), (preview.Geography.IcbCode, preview.Geography.SubIcbCode));
        Assert.Empty(preview.Warnings);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Preview_PracticeInAnotherIcbWithoutListSize_Warns(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const string Map =
            "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME,SUPPLIER_NAME\n" +
            "GP_PRAC_PAT_LIST,01Oct2025,Z00101,BORDER SURGERY,TS18 1AA,U00101,BORDER PCN,E38000247,16C,Sub-ICB 16C,E54000050,QHM,ICB QHM,E40000012,Y63,North East,EMIS\n" +
            "GP_PRAC_PAT_LIST,01Oct2025,Z00102,OVER THE LINE SURGERY,LS1 1AA,U00101,BORDER PCN,E38000225,15F,Sub-ICB 15F,E54000054,QWO,ICB QWO,E40000012,Y63,North East,TPP\n";
        await db.ImportTextAsync(Map, "gp-reg-pat-prac-map.csv");

        var preview = await AsAdminAsync(db, s => s.PreviewAsync(PcnCode.Parse("U00101")));

        Assert.Contains("2 practices have no list size in the directory.", preview.Warnings);
        Assert.Contains(preview.Warnings, w => w.StartsWith("Practice Z00102 (OVER THE LINE SURGERY) is in a different ICB (QWO) from the network (QHM)", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Create_U89141_CreatesTheNetworkInItsOwnTenantOnly(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);
        var other = await db.CreateNetworkAsync("U11111", "Other PCN", "QOP", ("P82001", 12_000));

        var result = await AsAdminAsync(db, s => s.CreateAsync(Stockton, new FirstUserInput("manager@stockton.test", "Pat Manager", "a long enough password")));

        Assert.Equal((Stockton, "STOCKTON PCN", 6, 6), (result.Code, result.Name, result.PracticesCreated, result.ListSizesCreated));
        Assert.Equal([Roles.PcnManager], result.FirstUser!.Roles);
        await using (var scope = db.PcnScope(result.PcnId))
        {
            var overview = await scope.ServiceProvider.GetRequiredService<NetworkService>().GetOverviewAsync();
            Assert.Equal((6, StocktonPractices.Values.Sum(), false), (overview.Totals.PracticeCount, overview.Totals.Registered, overview.Pcn.IsDemo));
            Assert.Equal(("QHM", "16C"), (overview.Pcn.IcbCode, overview.Pcn.SubIcbCode));
            var densham = await scope.ServiceProvider.GetRequiredService<NetworkService>().GetPracticeAsync(PracticeCode.Parse("A81001"));
            Assert.Equal((ClinicalSystem.Tpp, "TS18 1HU", "16C"), (densham.ClinicalSystem, densham.Postcode, densham.SubIcbCode));
            var membership = Assert.Single(densham.Memberships);
            Assert.Equal(new DateOnly(2025, 10, 1), membership.StartDate); // first map extract showing it
            Assert.Contains("may have joined earlier", membership.StartBasis, StringComparison.Ordinal);
            Assert.Equal("gp-reg-pat-prac-all 01 Jan 2021", Assert.Single(densham.ListSizes).Source);
            var users = await scope.ServiceProvider.GetRequiredService<UserService>().ListAsync();
            Assert.Equal("manager@stockton.test", Assert.Single(users).Email);
        }

        await using (var scope = db.PcnScope(other))
        {
            var overview = await scope.ServiceProvider.GetRequiredService<NetworkService>().GetOverviewAsync();
            Assert.Equal("P82001", Assert.Single(overview.Practices).Code.Value);
        }

        var audit = await db.QueryAsync(c => c.AuditEvents.Where(a => a.PcnId == result.PcnId).ToListAsync());
        Assert.Contains(audit, a => a.Action == "network.onboarded" && a.Subject == "U89141" && a.UserId == "test-admin");
        Assert.Contains(audit, a => a.Action == "network.practice.added" && a.Detail!.Contains("earliest practice map extract", StringComparison.Ordinal));
        Assert.True(Assert.Single(await AsAdminAsync(db, s => s.SearchAsync("U89141"))).AlreadyOnboarded);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Create_WithEpcnStartDates_UsesThemForMembership(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);
        await db.ImportBytesAsync(EpcnWorkbook.Build(null, [EpcnWorkbook.Partner("A81001", "U89141", new DateTime(2020, 7, 1))]), "ePCN.xlsx");

        var preview = await AsAdminAsync(db, s => s.PreviewAsync(Stockton));
        var result = await AsAdminAsync(db, s => s.CreateAsync(Stockton, firstUser: null));

        Assert.Equal(new DateOnly(2020, 7, 1), preview.Practices.Single(p => p.Code.Value == "A81001").MemberFrom);
        Assert.Null(result.FirstUser);
        await using var scope = db.PcnScope(result.PcnId);
        var densham = await scope.ServiceProvider.GetRequiredService<NetworkService>().GetPracticeAsync(PracticeCode.Parse("A81001"));
        Assert.Equal((new DateOnly(2020, 7, 1), null), (Assert.Single(densham.Memberships).StartDate, Assert.Single(densham.Memberships).StartBasis));
        var detail = await db.QueryAsync(c => c.AuditEvents.Where(a => a.Subject == "A81001").Select(a => a.Detail).SingleAsync());
        Assert.Equal("member from 2020-07-01 (ePCN relationship start date)", detail);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Preview_PracticeMovedAfterTheMap_ShowsItInItsNewPcnOnly(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);
        // ePCN says A81001 left U89141 and joined U07032 after the October 2025 map: the later evidence wins.
        await db.ImportBytesAsync(EpcnWorkbook.Build(null,
        [
            EpcnWorkbook.Partner("A81001", "U89141", new DateTime(2019, 7, 1), new DateTime(2025, 12, 31)),
            EpcnWorkbook.Partner("A81001", "U07032", new DateTime(2026, 1, 1)),
        ]), "ePCN.xlsx");

        var stockton = await AsAdminAsync(db, s => s.PreviewAsync(Stockton));
        var north = await AsAdminAsync(db, s => s.PreviewAsync(PcnCode.Parse("U07032")));

        Assert.DoesNotContain(stockton.Practices, p => p.Code.Value == "A81001");
        Assert.Equal(new DateOnly(2026, 1, 1), north.Practices.Single(p => p.Code.Value == "A81001").MemberFrom);
        Assert.Equal((5, 4), (stockton.Pcn.PracticeCount, north.Pcn.PracticeCount));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Preview_NewerMapShowsPracticeUnallocated_LeavesItOut(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);
        // The November 2025 map lists A81001 as unallocated (U) and does not list A81608 at all (closed); the other
        // four Stockton practices are still in U89141.
        var header = "PUBLICATION,EXTRACT_DATE,PRACTICE_CODE,PRACTICE_NAME,PRACTICE_POSTCODE,PCN_CODE,PCN_NAME,ONS_SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,ONS_ICB_CODE,ICB_CODE,ICB_NAME,ONS_COMM_REGION_CODE,COMM_REGION_CODE,COMM_REGION_NAME,SUPPLIER_NAME";
        string Row(string code, string pcn, string pcnName) =>
            $"GP_PRAC_PAT_LIST,01Nov2025,{code},PRACTICE {code},TS18 1HU,{pcn},{pcnName},E38000247,16C,NHS North East and North Cumbria ICB - 16C,E54000050,QHM,NHS North East and North Cumbria Integrated Care Board,E40000012,Y63,North East and Yorkshire,TPP";
        string[] stillMembers = ["A81629", "A81025", "A81017", "A81046"];
        var map = string.Join("\n", [header, Row("A81001", "U", "Unallocated"), .. stillMembers.Select(c => Row(c, "U89141", "STOCKTON PCN"))]);
        Assert.Equal(ImportStatus.Succeeded, (await db.ImportTextAsync(map, "gp-reg-pat-prac-map.csv")).Status);

        var preview = await AsAdminAsync(db, s => s.PreviewAsync(Stockton));

        Assert.Equal(["A81017", "A81025", "A81046", "A81629"], preview.Practices.Select(p => p.Code.Value).Order(StringComparer.Ordinal));
        Assert.Equal(4, preview.Pcn.PracticeCount);
    }
}

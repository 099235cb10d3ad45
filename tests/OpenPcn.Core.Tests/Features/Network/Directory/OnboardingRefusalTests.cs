using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using static OpenPcn.Core.Tests.Features.Network.Directory.OnboardingServiceTests;

namespace OpenPcn.Core.Tests.Features.Network.Directory;

[Trait("Category", "Integration")]
public sealed class OnboardingRefusalTests
{
    private static readonly PcnCode Stockton = PcnCode.Parse("U89141");

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Create_DemoCode_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var error = await Assert.ThrowsAsync<ConflictException>(() => AsAdminAsync(db, s => s.CreateAsync(DemoNetwork.Code, null)));

        Assert.Contains("demo network", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Create_UnknownCode_IsNotFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);

        await Assert.ThrowsAsync<NotFoundException>(() => AsAdminAsync(db, s => s.CreateAsync(PcnCode.Parse("U99990"), null)));
        await Assert.ThrowsAsync<NotFoundException>(() => AsAdminAsync(db, s => s.PreviewAsync(PcnCode.Parse("U99990"))));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Create_AlreadyOnboarded_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);
        await AsAdminAsync(db, s => s.CreateAsync(Stockton, null));

        var error = await Assert.ThrowsAsync<ConflictException>(() => AsAdminAsync(db, s => s.CreateAsync(Stockton, null)));

        Assert.Contains("U89141 is already set up", error.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Create_PracticeIsMemberOfAnotherNetwork_IsRefusedAndNothingCreated(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);
        await db.CreateNetworkAsync("U11111", "Hand-made PCN", "QHM", ("A81017", 18_000));

        var error = await Assert.ThrowsAsync<ConflictException>(() => AsAdminAsync(db, s => s.CreateAsync(Stockton, null)));

        Assert.Contains("A81017 is a member of Hand-made PCN (U11111) from 1 Apr 2020", error.Message, StringComparison.Ordinal);
        Assert.False(await db.QueryAsync(c => c.Pcns.AnyAsync(p => p.Code == Stockton)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Create_PracticeIsInTheDemoNetworkOnly_IsAllowed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);
        await using (var scope = db.SystemScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
            var demo = new Pcn(PcnCode.Parse("U99998"), "Another demo (fictional)", Geography.Unknown, isDemo: true);
            context.Pcns.Add(demo);
            await context.SaveChangesAsync();
            var practice = new Practice(demo.PcnId, PracticeCode.Parse("A81017"), "Demo copy", "ZZ1 1AA", ClinicalSystem.Emis, Geography.Unknown);
            practice.AddMembership(new EffectivePeriod(new DateOnly(2020, 4, 1), null));
            context.Practices.Add(practice);
            await context.SaveChangesAsync();
        }

        var result = await AsAdminAsync(db, s => s.CreateAsync(Stockton, null));

        Assert.Equal(6, result.PracticesCreated);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Create_BadFirstUser_IsARuleViolationAndRollsEverythingBack(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            AsAdminAsync(db, s => s.CreateAsync(Stockton, new FirstUserInput("manager@stockton.test", "Pat", "short"))));

        Assert.Contains("Password", error.Errors.Keys);
        Assert.False(await db.QueryAsync(c => c.Pcns.AnyAsync(p => p.Code == Stockton)));
        Assert.Equal(0, await db.QueryAsync(c => c.Practices.CountAsync()));
        Assert.Equal(0, await db.QueryAsync(c => c.AuditEvents.CountAsync()));

        var retry = await AsAdminAsync(db, s => s.CreateAsync(Stockton, new FirstUserInput("manager@stockton.test", "Pat", "a long enough password")));
        Assert.Equal(6, retry.PracticesCreated);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RefreshListSizes_NewerFile_AddsMissingDatesAndKeepsHandEnteredFigures(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await LoadShippedDirectoryAsync(db);
        var pcnId = (await AsAdminAsync(db, s => s.CreateAsync(Stockton, null))).PcnId;
        var october = new DateOnly(2025, 10, 1);
        await using (var scope = db.PcnScope(pcnId))
        {
            await scope.ServiceProvider.GetRequiredService<NetworkService>()
                .RecordListSizeAsync(PracticeCode.Parse("A81017"), new ListSizeInput(october, 19_500, 20_100m, 19_800m));
        }

        await db.ImportTextAsync("PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n" +
            "GP_PRAC_PAT_LIST,01Oct2025,GP,A81001,TS18 1HU,ALL,ALL,4230\n" +
            "GP_PRAC_PAT_LIST,01Oct2025,GP,A81017,TS17 0EE,ALL,ALL,19400\n" +
            "GP_PRAC_PAT_LIST,01Oct2025,GP,P82001,BL1 1AA,ALL,ALL,9000\n", "gp-reg-pat-prac-all.csv");

        await using (var scope = db.PcnScope(pcnId))
        {
            var onboarding = scope.ServiceProvider.GetRequiredService<OnboardingService>();
            Assert.Equal(1, await onboarding.RefreshListSizesAsync());
            Assert.Equal(0, await onboarding.RefreshListSizesAsync());
        }

        await using (var scope = db.PcnScope(pcnId))
        {
            var network = scope.ServiceProvider.GetRequiredService<NetworkService>();
            var densham = await network.GetPracticeAsync(PracticeCode.Parse("A81001"));
            Assert.Equal((october, 4_230, "gp-reg-pat-prac-all 01 Oct 2025"), (densham.ListSizes[0].CensusDate, densham.ListSizes[0].Registered, densham.ListSizes[0].Source));
            var woodbridge = await network.GetPracticeAsync(PracticeCode.Parse("A81017"));
            Assert.Equal((19_500, "Entered by hand"), (woodbridge.ListSizes[0].Registered, woodbridge.ListSizes[0].Source));
        }

        var audit = await db.QueryAsync(c => c.AuditEvents.Where(a => a.Action == "network.list-sizes.refreshed").ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal(pcnId, a.PcnId));
    }
}

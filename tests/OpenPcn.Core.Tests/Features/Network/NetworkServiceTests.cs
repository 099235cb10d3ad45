using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Network;

[Trait("Category", "Integration")]
public sealed class NetworkServiceTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GetOverview_AddsUpCurrentMembersAndChecksFormation(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var pcnId = await db.CreateNetworkAsync("U11111", "North PCN", "QOP", ("P82001", 12_000), ("P82002", 9_000), ("P82003", 8_500));

        await using var scope = db.PcnScope(pcnId);
        var overview = await scope.ServiceProvider.GetRequiredService<NetworkService>().GetOverviewAsync();

        Assert.Equal(29_500, overview.Totals.Registered);
        Assert.Equal(3, overview.Practices.Count);
        Assert.Equal(CheckOutcome.NotMet, overview.FormationChecks.Single(c => c.Rule == "Population").Outcome);
        Assert.Equal(CheckOutcome.Met, overview.FormationChecks.Single(c => c.Rule == "Same ICB").Outcome);
        Assert.Equal(CheckOutcome.NotMet, overview.FormationChecks.Single(c => c.Rule == "Clinical director").Outcome);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GetPractice_OfAnotherNetwork_IsNotFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await db.CreateNetworkAsync("U11111", "A", "QOP", ("P82001", 12_000));
        await db.CreateNetworkAsync("U22222", "B", "QOP", ("P82002", 9_000));

        await using var scope = db.PcnScope(a);
        var network = scope.ServiceProvider.GetRequiredService<NetworkService>();

        await Assert.ThrowsAsync<NotFoundException>(() => network.GetPracticeAsync(PracticeCode.Parse("P82002")));
        Assert.Equal("P82001", Assert.Single((await network.GetOverviewAsync()).Practices).Code.Value);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AddMembership_OverlappingAnotherNetwork_IsRefusedAndNothingChanges(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await db.CreateNetworkAsync("U11111", "A", "QOP", ("P82001", 12_000));
        var b = await db.CreateNetworkAsync("U22222", "B", "QOP", ("P82002", 9_000));

        await using (var scope = db.PcnScope(b))
        {
            var network = scope.ServiceProvider.GetRequiredService<NetworkService>();
            var error = await Assert.ThrowsAsync<ConflictException>(() => network.AddPracticeAsync(
                new NewPracticeInput(PracticeCode.Parse("P82001"), "Moved", "BL1 1AA", ClinicalSystem.Emis, new DateOnly(2026, 4, 1))));
            Assert.Contains("U11111", error.Message, StringComparison.Ordinal);
        }

        await using (var scope = db.PcnScope(a))
        {
            var network = scope.ServiceProvider.GetRequiredService<NetworkService>();
            await network.EndMembershipAsync(PracticeCode.Parse("P82001"), new DateOnly(2026, 3, 31));
        }

        await using (var scope = db.PcnScope(b))
        {
            var network = scope.ServiceProvider.GetRequiredService<NetworkService>();
            var moved = await network.AddPracticeAsync(
                new NewPracticeInput(PracticeCode.Parse("P82001"), "Moved", "BL1 1AA", ClinicalSystem.Emis, new DateOnly(2026, 4, 1)));
            Assert.True(moved.IsCurrentMember);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PracticeScope_SeesOwnPracticeRowButWholeNetworkTotals(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var pcnId = await db.CreateNetworkAsync("U11111", "A", "QOP", ("P82001", 12_000), ("P82002", 9_000));

        await using var scope = db.PcnScope(pcnId, PracticeCode.Parse("P82002"));
        var network = scope.ServiceProvider.GetRequiredService<NetworkService>();
        var overview = await network.GetOverviewAsync();

        Assert.Equal("P82002", Assert.Single(overview.Practices).Code.Value);
        Assert.Equal(21_000, overview.Totals.Registered);
        await Assert.ThrowsAsync<NotFoundException>(() => network.GetPracticeAsync(PracticeCode.Parse("P82001")));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SaveChanges_RowOfAnotherNetwork_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = await db.CreateNetworkAsync("U11111", "A", "QOP", ("P82001", 12_000));
        var b = await db.CreateNetworkAsync("U22222", "B", "QOP", ("P82002", 9_000));

        await using var scope = db.PcnScope(a);
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        context.NetworkPartners.Add(new NetworkPartner(b, "Sneaky", PartnerKind.Voluntary, null, new(new(2024, 1, 1), null), null));

        await Assert.ThrowsAsync<TenancyViolationException>(() => context.SaveChangesAsync());
        await using var system = db.SystemScope();
        Assert.Equal(0, await system.ServiceProvider.GetRequiredService<PcnDbContext>().NetworkPartners.CountAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Queries_WithNoScope_ReturnNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.CreateNetworkAsync("U11111", "A", "QOP", ("P82001", 12_000));

        await using var scope = db.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();

        Assert.Equal(0, await context.Pcns.CountAsync());
        Assert.Equal(0, await context.Practices.CountAsync());
        Assert.Equal(0, await context.ListSizes.CountAsync());
    }
}

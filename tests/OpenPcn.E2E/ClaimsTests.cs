using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Features.Workforce.Claims;
using OpenPcn.Core.Storage;

namespace OpenPcn.E2E;

/// <summary>
/// ARRS claims in the demo network: the finance lead builds October's claim, reads a line's workings, downloads the
/// CSV, then opens the envelope page, adds a planned post to a scenario and sees the headroom fall. The test adds its
/// own pharmacist (not the demo seed's staff) so the figures it checks are its own.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "E2E")]
public sealed class ClaimsTests(AppFixture app)
{
    private const string DemoFinanceLead = "finance@demo.openpcn.test";
    private const string StaffName = "E2E Claims Pharmacist";
    private static readonly DateOnly October = new(2026, 10, 1);

    [Fact]
    public async Task FinanceLead_BuildsOctobersClaimSeesWorkingsDownloadsCsvAndTriesAScenario()
    {
        await SeedPharmacistAsync();
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, DemoFinanceLead, AppFixture.DemoPassword);

        await page.GotoAsync("/workforce/claims");
        await PageChecks.VisitedAsync(page, "claims-01-list");
        await page.GotoAsync("/workforce/claims/2026-10/manage");
        await page.Locator("#build").ClickAsync();
        await page.WaitForURLAsync(new Regex("/workforce/claims/2026-10\\?done=built"));
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("The claim was built");

        // The pharmacist's line: £60,000 a year = £5,000.00 a month, under the £5,486.50 maximum.
        var line = page.Locator("#claim-lines tbody tr", new() { HasText = StaffName });
        await line.Locator("summary").ClickAsync();
        await Assertions.Expect(line.Locator(".workings")).ToContainTextAsync("£65,838.00 a year × 1 WTE ÷ 12 × 31/31 days = £5,486.50");
        await Assertions.Expect(line.Locator(".workings")).ToContainTextAsync("Reimbursable: the lower, £5,000.00.");
        await PageChecks.VisitedAsync(page, "claims-02-october");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains(StaffName, csv, StringComparison.Ordinal);
        Assert.Contains("Total,", csv, StringComparison.Ordinal);

        // The envelope, then a planned pharmacist from 1 January 2027: 3 × £5,000.00 less headroom.
        await page.GotoAsync("/workforce/envelope?year=2026/27");
        await PageChecks.VisitedAsync(page, "claims-03-envelope");
        var before = await Headroom(page);
        await page.GetByLabel("What changes").SelectOptionAsync("AddPost");
        await page.GetByLabel("From (for an end: the last day)").FillAsync("2027-01-01");
        await page.Locator("#new-role").SelectOptionAsync("clinical-pharmacist");
        await page.Locator("#new-wte").FillAsync("1");
        await page.Locator("#new-salary").FillAsync("48000");
        await page.Locator("#new-ni").FillAsync("6000");
        await page.Locator("#new-pension").FillAsync("6000");
        await page.Locator("#add-change").ClickAsync();
        await Assertions.Expect(page.Locator("#scenario-changes tbody tr")).ToHaveCountAsync(1);
        Assert.Equal(1_500_000L, (before - await Headroom(page)).Pence);
        await Assertions.Expect(page.Locator("#spend-chart")).ToHaveAttributeAsync("data-rendered", "true");
        await PageChecks.VisitedAsync(page, "claims-04-scenario");
    }

    private static async Task<Money> Headroom(IPage page) =>
        Money.TryParse(await page.Locator("#headroom").TextContentAsync(), out var money) ? money : throw new InvalidOperationException("No headroom shown.");

    /// <summary>Adds the test's pharmacist to the demo network (once), and takes October back to a draft if an earlier run submitted it.</summary>
    private async Task SeedPharmacistAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetSystem();
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var demo = await db.Pcns.Where(p => p.IsDemo).Select(p => p.PcnId).SingleAsync();
        if (!await db.Set<StaffMember>().AnyAsync(s => s.PcnId == demo && s.Name == StaffName))
        {
            var staff = new StaffMember(demo, Guid.NewGuid(), StaffName, null);
            staff.AddContract(Guid.NewGuid(),
                new ContractTerms("clinical-pharmacist", ArrsRegion.National, 1m, Money.FromPounds(48_000m), Money.FromPounds(6_000m), Money.FromPounds(6_000m),
                    new DateOnly(2026, 4, 1), null),
                new ContractDetails("7-8a", EmployerKind.LeadProvider, null, "Demo Vale Federation", IsArrs: true, AdditionalityConfirmed: true, null));
            db.Add(staff);
        }

        if (await db.Set<ArrsClaim>().SingleOrDefaultAsync(c => c.PcnId == demo && c.Month == October) is { IsLocked: true } locked)
        {
            db.Remove(locked);
        }

        await db.SaveChangesAsync();
    }
}

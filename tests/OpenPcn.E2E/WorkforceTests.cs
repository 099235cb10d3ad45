using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenPcn.E2E;

/// <summary>
/// Workforce in the demo network: the finance lead sees the staff, WTE by role and the recruitment pipeline, adds a
/// member of staff with a contract, and is told plainly when the contract's last day is before its start.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "E2E")]
public sealed class WorkforceTests(AppFixture app)
{
    private const string DemoFinanceLead = "finance@demo.openpcn.test";

    [Fact]
    public async Task FinanceLead_SeesTheWorkforce_AddsStaffWithAContract_AndSeesTheEndBeforeStartError()
    {
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, DemoFinanceLead, AppFixture.DemoPassword);

        await PageChecks.OpenNavigationAsync(page, "Workforce");
        await page.WaitForURLAsync("**/workforce");
        Assert.True(await page.Locator("#staff-table tbody tr").CountAsync() >= 15);
        await Assertions.Expect(page.Locator("#wte-table")).ToContainTextAsync("Clinical pharmacist");
        await Assertions.Expect(page.Locator("#pipeline-table")).ToContainTextAsync("Offered");
        await Assertions.Expect(page.Locator("#wte-by-role-chart")).ToHaveAttributeAsync("data-rendered", "true");
        await PageChecks.VisitedAsync(page, "workforce-01-staff");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a member of staff" }).ClickAsync();
        await page.GetByLabel("Full name").FillAsync("Morgan Playwright (fictional)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add and continue to their contract" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/workforce/staff/[0-9a-f-]+/contracts/new"));
        await PageChecks.VisitedAsync(page, "workforce-02-contract");

        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("care-coordinator");
        await page.GetByLabel("Agenda for Change band").FillAsync("4");
        await page.GetByLabel("Whole-time equivalent (WTE)").FillAsync("0.8");
        await page.GetByLabel("Employer", new() { Exact = true }).SelectOptionAsync("Z00002");
        await page.GetByLabel("Salary a year at this WTE (£)").FillAsync("22000");
        await page.Locator("#start-day").FillAsync("15");
        await page.Locator("#start-month").FillAsync("7");
        await page.Locator("#start-year").FillAsync("2026");
        await page.Locator("#end-day").FillAsync("14");
        await page.Locator("#end-month").FillAsync("7");
        await page.Locator("#end-year").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contract" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("The end date 14 Jul 2026 is before the start date 15 Jul 2026.");
        await PageChecks.VisitedAsync(page, "workforce-03-contract-error");

        await page.Locator("#end-day").FillAsync(string.Empty);
        await page.Locator("#end-month").FillAsync(string.Empty);
        await page.Locator("#end-year").FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add contract" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("done=contract-added"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Morgan Playwright (fictional)");
        await Assertions.Expect(page.Locator(".nhsuk-card")).ToContainTextAsync("Care coordinator");

        await page.GotoAsync("/workforce");
        await Assertions.Expect(page.Locator("#staff-table")).ToContainTextAsync("Morgan Playwright (fictional)");
    }
}

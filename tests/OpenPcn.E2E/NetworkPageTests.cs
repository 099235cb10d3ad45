using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenPcn.E2E;

[Collection(AppCollection.Name)]
[Trait("Category", "E2E")]
public sealed class NetworkPageTests(AppFixture app)
{
    [Fact]
    public async Task SignIn_AsDemoPcnManager_ShowsTheNetworkWithPracticesChartAndChecks()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await PageChecks.VisitedAsync(page, "01-sign-in");
        await PageChecks.SignInAsync(page, AppFixture.DemoManager, AppFixture.DemoPassword);

        Assert.Equal("Demo Vale PCN (fictional)", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Contains("all data is fictional", await page.Locator(".openpcn-demo-banner").TextContentAsync(), StringComparison.Ordinal);

        // Practices with their populations.
        var practices = page.Locator("#practices tbody tr");
        Assert.Equal(7, await practices.CountAsync());
        Assert.Contains("Millbrook Surgery (fictional)", await page.Locator("#practices").TextContentAsync(), StringComparison.Ordinal);
        Assert.Matches(new Regex(@"\d{1,2},\d{3}"), await practices.First.Locator("td.nhsuk-table__cell--numeric").First.TextContentAsync() ?? string.Empty);

        // The chart is drawn (Chart.js ran under the page's content security policy) and its figures are in a table.
        var chart = page.Locator("#practice-list-chart");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
        Assert.True(await chart.EvaluateAsync<int>("c => c.toDataURL().length") > 5_000, "The chart canvas is blank.");
        await Assertions.Expect(page.Locator("#population-history-chart")).ToHaveAttributeAsync("data-rendered", "true");
        Assert.Equal(2, await page.Locator("#list-size-figures table").CountAsync());

        // Formation checks with their NHS tags.
        var checks = page.Locator("#formation-checks + p + dl .nhsuk-summary-list__row");
        Assert.Equal(4, await checks.CountAsync());
        Assert.Contains("Population", await checks.First.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("dl .nhsuk-tag--green").CountAsync() >= 3);

        await PageChecks.VisitedAsync(page, "02-network");

        await page.GetByRole(AriaRole.Link, new() { Name = "Millbrook Surgery (fictional)" }).First.ClickAsync();
        await page.WaitForURLAsync("**/practices/Z00001");
        Assert.Equal("Millbrook Surgery (fictional)", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.True(await page.Locator("#list-sizes tbody tr").CountAsync() >= 3);
        await PageChecks.VisitedAsync(page, "03-practice");

        await page.GetByRole(AriaRole.Link, new() { Name = "Partners", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/partners");
        Assert.Equal(6, await page.Locator("#other-partners tbody tr").CountAsync());
        await PageChecks.VisitedAsync(page, "04-partners");

        await PageChecks.OpenNavigationAsync(page, "Users and roles");
        await page.WaitForURLAsync("**/users");
        Assert.Equal(7, await page.Locator("#users tbody tr", new() { HasText = "@demo.openpcn.test" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "National directory" }).CountAsync()); // not an administrator
        await PageChecks.VisitedAsync(page, "05-users");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RecordListSize_WithMistakes_ShowsErrorSummaryThenSaves()
    {
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, AppFixture.DemoManager, AppFixture.DemoPassword);

        await page.GotoAsync("/practices/Z00004/list-sizes/add");
        await page.Locator("#census-date-day").FillAsync("31");
        await page.Locator("#census-date-month").FillAsync("2");
        await page.Locator("#census-date-year").FillAsync("2026");
        await page.GetByLabel("Registered list").FillAsync("lots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record list size" }).ClickAsync();

        var summary = page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        Assert.Equal(2, await summary.Locator("li").CountAsync());
        Assert.StartsWith("Error: ", await page.TitleAsync(), StringComparison.Ordinal);
        await PageChecks.VisitedAsync(page, "06-list-size-errors");

        await page.Locator("#census-date-day").FillAsync("1");
        await page.Locator("#census-date-month").FillAsync("1");
        await page.GetByLabel("Registered list").FillAsync("6,450");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record list size" }).ClickAsync();

        await Assertions.Expect(page.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("list size has been recorded");
        Assert.Contains("6,450", await page.Locator("#list-sizes").TextContentAsync(), StringComparison.Ordinal);
        await PageChecks.VisitedAsync(page, "07-list-size-saved");
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;

namespace OpenPcn.E2E;

/// <summary>
/// Finance in the demo network: the finance lead opens a practice's October statement, sees a figure's workings and
/// downloads it as Excel; the practice manager (Z00003) opening another practice's statement is told it is not found.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "E2E")]
public sealed class FinanceTests(AppFixture app)
{
    private const string DemoFinanceLead = "finance@demo.openpcn.test";
    private const string DemoPracticeManager = "practice@demo.openpcn.test";

    [Fact]
    public async Task FinanceLead_OpensOctoberStatement_SeesWorkingsAndDownloadsExcel()
    {
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, DemoFinanceLead, AppFixture.DemoPassword);

        await PageChecks.OpenNavigationAsync(page, "Finance");
        await page.WaitForURLAsync("**/finance");
        await PageChecks.VisitedAsync(page, "finance-01-home");

        await page.GotoAsync(app.BaseUrl + "/finance/statements/Z00002/2026-10");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Statement for Harbour View Medical Centre");
        await Assertions.Expect(page.Locator("#streams-table tr[data-stream='core-funding'] .openpcn-workings")).ToContainTextAsync("weighted list");
        await PageChecks.VisitedAsync(page, "finance-02-statement");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-xlsx").ClickAsync());
        Assert.Equal("statement-Z00002-2026-10.xlsx", download.SuggestedFilename);
        Assert.True(new FileInfo(await download.PathAsync()).Length > 1000);
    }

    [Fact]
    public async Task PracticeManager_OpensAnotherPracticesStatement_GetsNotFound()
    {
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, DemoPracticeManager, AppFixture.DemoPassword);

        var own = await page.GotoAsync(app.BaseUrl + "/finance/statements/Z00003/2026-10");
        Assert.Equal(200, own!.Status);
        var other = await page.GotoAsync(app.BaseUrl + "/finance/statements/Z00002/2026-10");
        Assert.Equal(404, other!.Status);
    }
}

using System.Text;
using Microsoft.Playwright;

namespace OpenPcn.E2E;

/// <summary>
/// The install-wide pages, as the administrator the fixture made (demo users are never administrators): onboarding a
/// real PCN from the shipped national directory, and importing a file.
/// </summary>
[Collection(AppCollection.Name)]
[Trait("Category", "E2E")]
public sealed class DirectoryTests(AppFixture app)
{
    private const string BadListSizeFile =
        "PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n" +
        "GP_PRAC_PAT_LIST,01NOV2026,GP,A81001,TS18 1HU,ALL,ALL,12100\n" +
        "GP_PRAC_PAT_LIST,01NOV2026,GP,NOT-A-CODE,TS18 1HU,ALL,ALL,900\n" +
        "GP_PRAC_PAT_LIST,01NOV2026,GP,A81002,TS18 2AW,ALL,ALL,lots\n";

    [Fact]
    public async Task Onboard_StocktonPcnFromTheDirectory_ItsNewManagerSeesItsPracticesAndListSizes()
    {
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, AppFixture.Administrator, AppFixture.AdministratorPassword);

        await PageChecks.OpenNavigationAsync(page, "Onboard a PCN");
        await page.WaitForURLAsync("**/onboarding");
        await page.GetByLabel("PCN code or name").FillAsync("stockton");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync("**/onboarding?q=stockton");
        await PageChecks.VisitedAsync(page, "10-onboarding-search");

        await page.Locator("#candidates a[href='/onboarding/U89141']").ClickAsync();
        await page.WaitForURLAsync("**/onboarding/U89141");
        var practices = page.Locator("#onboarding-practices tbody tr");
        Assert.True(await practices.CountAsync() >= 5, "The preview should list Stockton PCN's practices.");
        Assert.Contains("A81001", await page.Locator("#onboarding-practices").TextContentAsync(), StringComparison.Ordinal);
        await PageChecks.VisitedAsync(page, "11-onboarding-preview");
        var practiceCount = await practices.CountAsync();

        await page.GetByLabel("Email address").FillAsync("stockton.manager@example.nhs.net");
        await page.GetByLabel("Full name").FillAsync("Sam Stockton");
        await page.GetByLabel("Password").FillAsync("stockton-manager-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create network" }).ClickAsync();
        await Assertions.Expect(page.Locator("#onboarding-created")).ToContainTextAsync("is set up");
        await PageChecks.VisitedAsync(page, "12-onboarding-created");

        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in?signedOut=true");
        await PageChecks.SignInAsync(page, "stockton.manager@example.nhs.net", "stockton-manager-password");

        Assert.Contains("STOCKTON", (await page.Locator("h1").TextContentAsync())?.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".openpcn-demo-banner").CountAsync());
        var rows = page.Locator("#practices tbody tr");
        Assert.Equal(practiceCount, await rows.CountAsync());
        var table = await page.Locator("#practices").TextContentAsync() ?? string.Empty;
        Assert.Contains("A81001", table, StringComparison.Ordinal);
        Assert.Matches(@"\d,\d{3}", table);
        await PageChecks.VisitedAsync(page, "13-onboarded-network");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Import_BadListSizeFile_ShowsEachRejectedRowWithItsLineAndReason()
    {
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, AppFixture.Administrator, AppFixture.AdministratorPassword);

        await PageChecks.OpenNavigationAsync(page, "National directory");
        await page.WaitForURLAsync("**/directory");
        Assert.Contains("Imported", await page.Locator("#recent-imports").TextContentAsync(), StringComparison.Ordinal);
        await PageChecks.VisitedAsync(page, "20-directory");

        await page.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "gp-reg-pat-prac-all.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(BadListSizeFile),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import file" }).ClickAsync();
        await page.WaitForURLAsync("**/directory/imports/**");

        Assert.Equal("gp-reg-pat-prac-all.csv", (await page.Locator("h1").TextContentAsync())?.Trim());
        var rejected = page.Locator("#rejections tbody tr");
        Assert.Equal(2, await rejected.CountAsync());
        var lines = await rejected.Locator("td.nhsuk-table__cell--numeric").AllTextContentsAsync();
        Assert.Equal(["3", "4"], lines.Select(l => l.Trim()));
        foreach (var reason in await rejected.Locator("td:nth-child(2)").AllTextContentsAsync())
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }

        Assert.Contains("NOT-A-CODE", await page.Locator("#rejections").TextContentAsync(), StringComparison.Ordinal);
        await PageChecks.VisitedAsync(page, "21-import-report");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the rejected rows (CSV)" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("File,Sheet,Line,Reason,Excerpt", csv, StringComparison.Ordinal);
        Assert.Equal(3, csv.Trim().Split('\n').Length);
        await page.Context.CloseAsync();
    }
}

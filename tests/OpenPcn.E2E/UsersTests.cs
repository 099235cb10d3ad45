using Microsoft.Playwright;

namespace OpenPcn.E2E;

/// <summary>A manager removing and restoring someone's access, and a person changing their own password.</summary>
[Collection(AppCollection.Name)]
[Trait("Category", "E2E")]
public sealed class UsersTests(AppFixture app)
{
    [Fact]
    public async Task RemoveAccess_ThenRestore_ShowsTheTagAndTheUserCannotSignInMeanwhile()
    {
        await app.CreateUserAsync("leaver@example.nhs.uk", "Lee Leaver", "leaver-password-1234", ["Clinician"]);
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, AppFixture.Administrator, AppFixture.AdministratorPassword);

        await PageChecks.OpenNavigationAsync(page, "Users and roles");
        await page.GetByRole(AriaRole.Link, new() { Name = "Remove access of Lee Leaver" }).ClickAsync();
        await page.WaitForURLAsync("**/users/*/access");
        Assert.Equal("Remove Lee Leaver's access", (await page.Locator("h1").TextContentAsync())?.Trim());
        await PageChecks.VisitedAsync(page, "30-remove-access");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove access" }).ClickAsync();
        await page.WaitForURLAsync("**/users?done=access-removed");
        var row = page.Locator("#users tbody tr", new() { HasText = "leaver@example.nhs.uk" });
        await Assertions.Expect(row.Locator(".nhsuk-tag")).ToHaveTextAsync("Access removed");
        await PageChecks.VisitedAsync(page, "31-access-removed");

        var leaver = await app.NewPageAsync();
        await leaver.GotoAsync("/sign-in");
        await leaver.GetByLabel("Email address").FillAsync("leaver@example.nhs.uk");
        await leaver.Locator("#password").FillAsync("leaver-password-1234");
        await leaver.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(leaver.Locator(".nhsuk-error-summary")).ToContainTextAsync("can no longer sign in");
        await PageChecks.VisitedAsync(leaver, "32-sign-in-access-removed");

        await row.GetByRole(AriaRole.Link, new() { Name = "Restore access of Lee Leaver" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Restore access" }).ClickAsync();
        await page.WaitForURLAsync("**/users?done=access-restored");
        Assert.Equal(0, await row.Locator(".nhsuk-tag").CountAsync());
        await PageChecks.SignInAsync(leaver, "leaver@example.nhs.uk", "leaver-password-1234");
        await leaver.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ChangePassword_FromTheHeader_TheNewPasswordSignsIn()
    {
        await app.CreateUserAsync("changer@example.nhs.uk", "Cam Changer", "first-password-1234", ["FinanceLead"]);
        var page = await app.NewPageAsync();
        await PageChecks.SignInAsync(page, "changer@example.nhs.uk", "first-password-1234");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();
        await page.WaitForURLAsync("**/change-password");
        await page.GetByLabel("Current password").FillAsync("first-password-1234");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("second-password-5678");
        await page.GetByLabel("Confirm your new password").FillAsync("not-the-same-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeFocusedAsync();
        await PageChecks.VisitedAsync(page, "33-change-password-errors");

        await page.GetByLabel("Current password").FillAsync("first-password-1234");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("second-password-5678");
        await page.GetByLabel("Confirm your new password").FillAsync("second-password-5678");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-notification-banner--success")).ToContainTextAsync("Your password has been changed");
        await PageChecks.VisitedAsync(page, "34-password-changed");

        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in?signedOut=true");
        await PageChecks.SignInAsync(page, "changer@example.nhs.uk", "second-password-5678");
        Assert.Equal("Demo Vale PCN (fictional)", (await page.Locator("h1").TextContentAsync())?.Trim());
        await page.Context.CloseAsync();
    }
}

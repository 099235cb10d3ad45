using Microsoft.Playwright;

namespace OpenPcn.E2E;

[Collection(AppCollection.Name)]
[Trait("Category", "E2E")]
public sealed class KeyboardTests(AppFixture app)
{
    [Fact]
    public async Task SignInForm_KeyboardOnly_TabsInOrderWithVisibleFocusAndSignsIn()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/sign-in");

        string[] expected = ["Skip to main content", "OpenPCN homepage", "email", "password", "Show password", "Sign in"];
        foreach (var name in expected)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return e.getAttribute('aria-label') || e.id || e.textContent.trim(); }");
            Assert.Equal(name, focused);
            Assert.True(await HasVisibleFocusAsync(page), $"No visible focus indicator on {name}.");
            if (name == "email")
            {
                await page.Keyboard.TypeAsync(AppFixture.DemoManager);
            }
            else if (name == "password")
            {
                await page.Keyboard.TypeAsync(AppFixture.DemoPassword);
                await PageChecks.ScreenshotAsync(page, "08-sign-in-keyboard-focus");
            }
        }

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        Assert.Equal("Demo Vale PCN (fictional)", (await page.Locator("h1").TextContentAsync())?.Trim());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SkipLink_MovesFocusToTheMainContent()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/sign-in");

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("maincontent", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    // The NHS focus style is a yellow background with a thick underline or outline: any of these counts as visible.
    private static Task<bool> HasVisibleFocusAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
          const s = getComputedStyle(document.activeElement);
          const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
          const shadow = s.boxShadow && s.boxShadow !== 'none';
          const background = s.backgroundColor === 'rgb(255, 235, 59)';
          return outline || shadow || background;
        }
        """);
}

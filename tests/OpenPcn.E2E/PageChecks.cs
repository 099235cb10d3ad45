using System.Text.Json;
using Microsoft.Playwright;

namespace OpenPcn.E2E;

/// <summary>
/// Checks a person's browser makes possible without a network connection (no axe-core here): the page says its
/// language, has one h1, labels every field, captions every table, gives every image a text alternative and uses the
/// header, main and footer landmarks. Also saves a full-page screenshot to look at.
/// </summary>
internal static class PageChecks
{
    private const string Script = """
        () => {
          const problems = [];
          if (!document.documentElement.lang) problems.push('html has no lang');
          const h1s = document.querySelectorAll('h1');
          if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements`);
          if (!document.title) problems.push('no title');
          for (const input of document.querySelectorAll('input, select, textarea')) {
            // Hidden inputs, and native inputs a script has hidden behind its own control (the NHS file upload), have no label.
            if (input.type === 'hidden' || input.closest('[hidden]')) continue;
            const labelled = (input.id && document.querySelector(`label[for="${input.id}"]`)) || input.getAttribute('aria-label') || input.getAttribute('aria-labelledby') || input.closest('label');
            if (!labelled) problems.push(`field ${input.name || input.id} has no label`);
            for (const id of (input.getAttribute('aria-describedby') || '').split(' ').filter(x => x)) {
              if (!document.getElementById(id)) problems.push(`field ${input.name} is described by missing #${id}`);
            }
          }
          for (const table of document.querySelectorAll('table')) {
            if (!table.querySelector('caption')) problems.push('a table has no caption');
          }
          for (const img of document.querySelectorAll('img')) {
            if (!img.hasAttribute('alt')) problems.push(`img ${img.src} has no alt`);
          }
          for (const canvas of document.querySelectorAll('canvas')) {
            if (!canvas.getAttribute('aria-label')) problems.push(`canvas ${canvas.id} has no text alternative`);
          }
          for (const selector of ['header', 'main', 'footer']) {
            if (!document.querySelector(selector)) problems.push(`no ${selector} landmark`);
          }
          const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
          const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
          if (duplicates.length) problems.push(`duplicate ids ${[...new Set(duplicates)].join(', ')}`);
          return problems;
        }
        """;

    public static async Task AssertAccessibleAsync(IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>(Script);
        Assert.True(problems.Length == 0, $"{page.Url}: {JsonSerializer.Serialize(problems)}");
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(AppFixture.ScreenshotFolder, $"{name}.png"),
            FullPage = true,
        });
    }

    /// <summary>Checks the page, then saves its screenshot.</summary>
    public static async Task VisitedAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        await AssertAccessibleAsync(page);
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    /// <summary>
    /// Follows a link of the header navigation as a user would: the NHS.UK header moves links that do not fit into its
    /// "More" menu, so open that first when the link is not on show.
    /// </summary>
    public static async Task OpenNavigationAsync(IPage page, string name)
    {
        var link = page.Locator(".nhsuk-header__navigation").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        if (!await link.First.IsVisibleAsync())
        {
            await page.Locator("#toggle-menu").ClickAsync();
        }

        await link.Locator("visible=true").First.ClickAsync();
    }
}

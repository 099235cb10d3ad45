using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace OpenPcn.Web.Tests.Infrastructure;

internal static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IDocument> ReadAsync(HttpResponseMessage response) => Parse(await response.Content.ReadAsStringAsync());

    /// <summary>The hidden fields of the form posted with <paramref name="formName"/> (its _handler), or of the only form with an antiforgery token.</summary>
    public static Dictionary<string, string> HiddenFields(IDocument page, string? formName)
    {
        var form = page.QuerySelectorAll("form").FirstOrDefault(f =>
                       formName is null
                           ? f.QuerySelector("input[name=__RequestVerificationToken]") is not null
                           : f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
                   ?? throw new InvalidOperationException($"No form '{formName}' on the page.");
        return form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? string.Empty);
    }
}

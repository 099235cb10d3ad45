using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using OpenPcn.Core.Common;

namespace OpenPcn.Web.Components.Shared;

/// <summary>
/// What every statically rendered page shares: the request, navigation (redirects after a successful post, 404s) and
/// the errors of a submitted form. Pages post plain HTML forms back to themselves and redirect when the work is done.
/// </summary>
public abstract class PageBase : ComponentBase
{
    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    protected IAuthorizationService Authorization { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "done")]
    protected string? Done { get; set; }

    protected FormErrors Errors { get; } = new();

    /// <summary>
    /// True once <see cref="LoadAsync"/> has finished. Pages render nothing before then: the renderer draws a component
    /// as soon as its initialisation first awaits, and that draw (discarded in static rendering) must not read data
    /// that is still loading.
    /// </summary>
    protected bool Ready { get; private set; }

    /// <summary>The page was found but the thing it shows was not (or belongs to another network).</summary>
    protected bool IsNotFound { get; private set; }

    protected sealed override async Task OnInitializedAsync()
    {
        await LoadAsync();
        Ready = true;
    }

    /// <summary>Reads what the page shows (and, on a post, what the form needs) before the page is drawn.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    protected void NotFound()
    {
        IsNotFound = true;
        Navigation.NotFound();
    }

    /// <summary>Post/redirect/get: after a change, send the browser to a page it can reload safely.</summary>
    protected void RedirectTo(string url) => Navigation.NavigateTo(url);

    protected async Task<bool> IsAllowedAsync(string policy) =>
        (await Authorization.AuthorizeAsync(HttpContext.User, policy)).Succeeded;

    /// <summary>
    /// Runs a change, turning the domain's refusals into form errors (a broken rule beside its field, a conflict at the
    /// top) and a missing thing into a 404. Returns whether it worked.
    /// </summary>
    protected async Task<bool> TrySaveAsync(Func<Task> work, IReadOnlyDictionary<string, string> fieldIds, string fallbackFieldId)
    {
        if (Errors.Any)
        {
            return false;
        }

        try
        {
            await work();
            return true;
        }
        catch (RuleViolationException rule)
        {
            Errors.Add(rule, fieldIds, fallbackFieldId);
        }
        catch (ConflictException conflict)
        {
            Errors.Add(fallbackFieldId, conflict.Message);
        }
        catch (NotFoundException)
        {
            NotFound();
        }

        return false;
    }

    /// <summary>Sets the page title shown in the browser tab, prefixed with "Error: " when the form has errors.</summary>
    protected string Title(string title) => (Errors.Any ? "Error: " : string.Empty) + title + " – OpenPCN";
}

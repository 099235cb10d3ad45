using System.Security.Claims;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Web.Features.Security;

/// <summary>
/// Fills the request's <see cref="TenantScope"/> from the signed-in user's claims. It runs after authorisation, so
/// for API endpoints the principal is the bearer token's (the policy's scheme), never a cookie's. With no user the
/// scope stays empty and every tenant query returns nothing.
/// </summary>
internal sealed class TenantScopeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, TenantScope scope)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.GetPcnId() is { } pcnId)
        {
            scope.SetPcn(pcnId, user.GetPracticeCode());
            scope.SetActor(user.FindFirstValue(ClaimTypes.NameIdentifier));
        }

        return next(context);
    }
}

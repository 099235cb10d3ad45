using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Web.Features.Security;

/// <summary>
/// A bearer token is only as good as its user: it stops working as soon as the user is locked out or their security
/// stamp changes (access removed, password or roles changed), not when it expires. The cookie gets the same check
/// from Identity's security stamp validator every minute.
/// </summary>
internal static class BearerTokenChecks
{
    public static async Task RejectIfUserChangedAsync(MessageReceivedContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // An unreadable or expired token is left to the handler, which refuses it itself.
        var ticket = context.Options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        if (ticket?.Principal is not { } principal)
        {
            return;
        }

        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<OpenPcnUser>>();
        var user = await signIn.ValidateSecurityStampAsync(principal);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            context.Fail("The token's user can no longer sign in, or their security stamp has changed.");
        }
    }
}

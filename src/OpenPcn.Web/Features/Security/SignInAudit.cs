using Microsoft.AspNetCore.Identity;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Web.Features.Security;

/// <summary>What one password sign-in came to, and the words to show when it failed.</summary>
internal sealed record SignInOutcome(SignInResult Result, string? Error)
{
    public bool Succeeded => Result.Succeeded;
}

/// <summary>
/// Password sign-in for the page and the token endpoint, recorded in the user's network's audit log: each sign-in, and
/// the attempt that locks an account (not every later attempt against it). Sign-in happens before any tenant is known,
/// so the event is written as the install for the user's own network.
/// </summary>
internal sealed class SignInAudit(UserManager<OpenPcnUser> users, IPasswordHasher<OpenPcnUser> hasher, TenantScope scope, AuditLog audit, PcnDbContext db)
{
    public async Task<SignInOutcome> PasswordSignInAsync(SignInManager<OpenPcnUser> signIn, string email, string password, string channel)
    {
        var user = await users.FindByNameAsync(email);
        if (user is null)
        {
            // The same hashing work as a real check, so the time taken does not tell whether the email exists.
            hasher.HashPassword(new OpenPcnUser(), password);
            return new SignInOutcome(SignInResult.Failed, SignInMessages.Failed);
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded || (result.IsLockedOut && !wasLockedOut))
        {
            scope.SetActor(user.Id);
            await scope.AsSystemAsync(async () =>
            {
                audit.Record(result.Succeeded ? "security.signed-in" : "security.locked-out", user.Email ?? email, channel, user.PcnId);
                return await db.SaveChangesAsync();
            });
        }

        // The same words whether the email exists or not; only a locked account says so.
        return new SignInOutcome(result, result.Succeeded ? null
            : result.IsLockedOut ? (UserService.IsAccessRemoved(user.LockoutEnd) ? SignInMessages.AccessRemoved : SignInMessages.LockedOut)
            : SignInMessages.Failed);
    }
}

/// <summary>What a failed sign-in says: never whether the email exists.</summary>
internal static class SignInMessages
{
    public const string Failed = "The email address or password is not right. Check them and try again.";
    public const string LockedOut = "This account is locked after too many wrong passwords. Try again in 15 minutes.";
    public const string AccessRemoved = "This account can no longer sign in. Ask your PCN manager or clinical director if you need access.";
    public const string TooManyAttempts = "There have been too many attempts to sign in from your connection. Wait a minute, then try again.";
}

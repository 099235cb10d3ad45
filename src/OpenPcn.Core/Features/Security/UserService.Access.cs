using Microsoft.AspNetCore.Identity;
using OpenPcn.Core.Common;

namespace OpenPcn.Core.Features.Security;

/// <summary>Removing and restoring a user's access, changing one's own password, and who may use an email.</summary>
public sealed partial class UserService
{
    /// <summary>Said when the email belongs to a user of another network, without saying so.</summary>
    public const string EmailUnavailable = "This email cannot be used; ask the person for another address or contact your administrator";

    public const string EmailInUse = "A user with this email already exists";

    /// <summary>
    /// Stops a user signing in, with no end date, and ends their sessions and tokens (a new security stamp). Nobody
    /// may remove their own access, and only an administrator may remove an administrator's.
    /// </summary>
    public async Task<UserView> RemoveAccessAsync(string userId, CancellationToken ct = default)
    {
        var user = await FindAsync(userId, ct);
        if (user.Id == scope.ActorId)
        {
            throw new RuleViolationException("User", "You cannot remove your own access.");
        }

        await RequireAdministratorForAdministratorAsync(user);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Check(await users.UpdateSecurityStampAsync(user));
        audit.Record("users.access.removed", user.Email!);
        await db.SaveChangesAsync(ct);
        return View(user, await users.GetRolesAsync(user));
    }

    /// <summary>Lets a user sign in again (after their access was removed, or a lockout after wrong passwords).</summary>
    public async Task<UserView> RestoreAccessAsync(string userId, CancellationToken ct = default)
    {
        var user = await FindAsync(userId, ct);
        await RequireAdministratorForAdministratorAsync(user);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        audit.Record("users.access.restored", user.Email!);
        await db.SaveChangesAsync(ct);
        return View(user, await users.GetRolesAsync(user));
    }

    /// <summary>
    /// Changes the signed-in user's own password. A wrong current password counts towards the lockout, as at sign-in.
    /// The security stamp changes, so the caller must refresh the sign-in of this session.
    /// </summary>
    public async Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken ct = default)
    {
        var user = await FindAsync(scope.ActorId ?? throw new NotFoundException("You are not signed in."), ct);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await users.AccessFailedAsync(user);
            throw new RuleViolationException("CurrentPassword", "Your current password is not right. Check it and try again.");
        }

        if (!result.Succeeded)
        {
            throw new RuleViolationException("NewPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        audit.Record("users.password.changed", user.Email!);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Access removed by a manager rather than a lockout after wrong passwords (which lasts minutes).</summary>
    public static bool IsAccessRemoved(DateTimeOffset? lockoutEnd) => lockoutEnd?.Year >= DateTimeOffset.MaxValue.Year;

    private async Task RequireAdministratorForAdministratorAsync(OpenPcnUser user)
    {
        if (!await users.IsInRoleAsync(user, Roles.Administrator))
        {
            return;
        }

        var actor = scope.ActorId is { } actorId ? await users.FindByIdAsync(actorId) : null;
        if (actor is null || actor.PcnId != user.PcnId || !await users.IsInRoleAsync(actor, Roles.Administrator))
        {
            throw new RuleViolationException("User", "Only an administrator can remove or restore an administrator's access.");
        }
    }

    /// <summary>
    /// Emails are unique across the install. Only a user of the same network hears that the email is taken; for any
    /// other the answer is the same as for an address that cannot be used, so networks learn nothing of each other.
    /// </summary>
    private async Task EnsureEmailUnusedAsync(int pcnId, string email)
    {
        if (string.IsNullOrWhiteSpace(email) || await users.FindByEmailAsync(email.Trim()) is not { } existing)
        {
            return;
        }

        throw new RuleViolationException("Email", existing.PcnId == pcnId ? EmailInUse : EmailUnavailable);
    }
}

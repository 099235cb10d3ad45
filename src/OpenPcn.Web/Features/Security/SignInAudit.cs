using Microsoft.AspNetCore.Identity;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Web.Features.Security;

/// <summary>
/// Records sign-ins and lockouts in the user's network's audit log (who, how, when). Sign-in happens before any
/// tenant is known, so the event is written as the install for the user's own network.
/// </summary>
internal sealed class SignInAudit(UserManager<OpenPcnUser> users, TenantScope scope, AuditLog audit, PcnDbContext db)
{
    public async Task RecordAsync(string email, SignInResult result, string channel)
    {
        if (!result.Succeeded && !result.IsLockedOut)
        {
            return; // a wrong password for an unknown or known email: nothing that names a network
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return;
        }

        scope.SetActor(user.Id);
        await scope.AsSystemAsync(async () =>
        {
            audit.Record(result.Succeeded ? "security.signed-in" : "security.locked-out", user.Email ?? email, channel, user.PcnId);
            return await db.SaveChangesAsync();
        });
    }
}

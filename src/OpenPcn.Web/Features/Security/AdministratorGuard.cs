using System.Security.Claims;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Web.Features.Security;

/// <summary>
/// Administrator is install-wide (the national directory, onboarding other networks), so a network's own managers may
/// not hand it out or take it away: only an administrator may change whether someone holds it.
/// </summary>
internal static class AdministratorGuard
{
    public static bool MayChange(ClaimsPrincipal actor, IEnumerable<string> before, IEnumerable<string> after) =>
        actor.IsInRole(Roles.Administrator)
        || before.Contains(Roles.Administrator, StringComparer.Ordinal) == after.Contains(Roles.Administrator, StringComparer.Ordinal);

    public const string Refusal = "Only an administrator can give or remove the Administrator role.";

    /// <summary>Removing an administrator's access takes away install-wide powers too, so only an administrator may do it.</summary>
    public static bool MayChangeAccess(ClaimsPrincipal actor, IEnumerable<string> targetRoles) =>
        actor.IsInRole(Roles.Administrator) || !targetRoles.Contains(Roles.Administrator, StringComparer.Ordinal);

    public const string AccessRefusal = "Only an administrator can remove or restore an administrator's access.";
}

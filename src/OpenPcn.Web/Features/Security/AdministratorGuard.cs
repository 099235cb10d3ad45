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
}

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Web.Features.Security;

/// <summary>
/// Adds the user's network (and, for a practice-scoped role, their practice) to the principal Identity builds at
/// sign-in and on each security-stamp check, so the tenant scope is set from claims on every request.
/// </summary>
internal sealed class OpenPcnClaimsFactory(
    UserManager<OpenPcnUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    PcnDbContext db)
    : UserClaimsPrincipalFactory<OpenPcnUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OpenPcnUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OpenPcnClaims.PcnId, user.PcnId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(OpenPcnClaims.DisplayName, user.DisplayName));

        // Sign-in happens before any tenant is known, so this one read of the user's own network ignores the filter.
        var network = await db.Pcns.IgnoreQueryFilters().Where(p => p.PcnId == user.PcnId)
            .Select(p => new { p.Name, p.IsDemo }).SingleOrDefaultAsync();
        if (network is not null)
        {
            identity.AddClaim(new Claim(OpenPcnClaims.NetworkName, network.Name));
            identity.AddClaim(new Claim(OpenPcnClaims.IsDemo, network.IsDemo ? "true" : "false"));
        }

        // A practice manager sees only their own practice's rows. Holding any practice-scoped role narrows the user,
        // even alongside other roles: the narrower view is the safe one.
        var practiceScoped = identity.FindAll(identity.RoleClaimType).Any(c => Roles.PracticeScoped.Contains(c.Value));
        if (practiceScoped && user.PracticeCode is { } practice)
        {
            identity.AddClaim(new Claim(OpenPcnClaims.PracticeCode, practice.Value));
        }

        return identity;
    }
}

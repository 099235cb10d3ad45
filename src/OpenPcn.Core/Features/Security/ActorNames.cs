using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Security;

/// <summary>Who is acting, as worklists and ARRS claims record it: the signed-in user's user name, or the actor's own name (<c>cli</c>).</summary>
internal static class ActorNames
{
    public static async Task<string> CurrentAsync(PcnDbContext db, TenantScope scope, CancellationToken ct)
    {
        if (scope.ActorId is not { Length: > 0 } actor)
        {
            return "system";
        }

        var name = await db.Users.AsNoTracking().Where(u => u.Id == actor).Select(u => u.UserName).SingleOrDefaultAsync(ct);
        return name ?? actor;
    }
}

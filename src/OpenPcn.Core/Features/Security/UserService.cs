using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Security;

// LockedOut: cannot sign in now (locked after wrong passwords, or access removed). AccessRemoved: a manager removed
// their access, which lasts until someone restores it.
public sealed record UserView(string UserId, string Email, string DisplayName, PracticeCode? PracticeCode, IReadOnlyList<string> Roles, bool LockedOut, bool AccessRemoved);

public sealed record NewUserInput(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles, PracticeCode? PracticeCode);

/// <summary>
/// Users of the current network and their roles. Identity's tables are install-wide, so every query here filters
/// by the scope's PCN explicitly.
/// </summary>
public sealed partial class UserService(PcnDbContext db, UserManager<OpenPcnUser> users, TenantScope scope, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct = default)
    {
        var pcnId = RequirePcn();
        var list = await db.Users.Where(u => u.PcnId == pcnId).OrderBy(u => u.Email).AsNoTracking().ToListAsync(ct);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           join u in db.Users on ur.UserId equals u.Id
                           where u.PcnId == pcnId
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return [.. list.Select(u => View(u, byUser[u.Id]))];
    }

    public async Task<UserView> GetAsync(string userId, CancellationToken ct = default)
    {
        var user = await FindAsync(userId, ct);
        return View(user, await users.GetRolesAsync(user));
    }

    /// <summary>Adds a user to the current network with the given roles.</summary>
    public async Task<UserView> AddAsync(NewUserInput input, CancellationToken ct = default)
    {
        var pcnId = RequirePcn();
        return await CreateAsync(pcnId, input, ct);
    }

    /// <summary>
    /// Adds a user to <paramref name="pcnId"/>. For install-wide work (onboarding, the CLI, first run); callers
    /// inside a network use <see cref="AddAsync"/>.
    /// </summary>
    public async Task<UserView> CreateAsync(int pcnId, NewUserInput input, CancellationToken ct = default)
    {
        await ValidateRolesAsync(pcnId, input.Roles, input.PracticeCode, ct);
        await EnsureEmailUnusedAsync(pcnId, input.Email);
        var user = new OpenPcnUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? input.Email.Trim() : input.DisplayName.Trim(),
            PcnId = pcnId,
            PracticeCode = input.PracticeCode,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, input.Password));
        Check(await users.AddToRolesAsync(user, input.Roles));
        audit.Record("users.added", user.Email, string.Join(",", input.Roles), pcnId);
        await db.SaveChangesAsync(ct);
        return View(user, input.Roles);
    }

    public async Task<UserView> SetRolesAsync(string userId, IReadOnlyList<string> roles, PracticeCode? practice, CancellationToken ct = default)
    {
        var user = await FindAsync(userId, ct);
        await ValidateRolesAsync(user.PcnId, roles, practice, ct);
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await users.AddToRolesAsync(user, roles.Except(current)));
        user.PracticeCode = practice;

        // A new stamp (saved with the practice) ends the user's sessions and tokens, so old roles stop working.
        Check(await users.UpdateSecurityStampAsync(user));
        audit.Record("users.roles.changed", user.Email!, string.Join(",", roles));
        await db.SaveChangesAsync(ct);
        return View(user, roles);
    }

    /// <summary>Makes sure every role exists (first run, migrations on a new database).</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    private async Task ValidateRolesAsync(int pcnId, IReadOnlyList<string> roles, PracticeCode? practice, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (roles.Count == 0)
        {
            errors["Roles"] = ["Choose at least one role."];
        }

        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            errors["Roles"] = [$"Unknown role {string.Join(", ", unknown)}. Roles are {string.Join(", ", Roles.All)}."];
        }

        if (roles.Any(Roles.PracticeScoped.Contains) && practice is null)
        {
            errors["PracticeCode"] = ["A practice manager must be given their practice."];
        }

        if (practice is { } code && !await db.Practices.IgnoreQueryFilters().AnyAsync(p => p.PcnId == pcnId && p.PracticeCode == code, ct))
        {
            errors["PracticeCode"] = [$"Practice {code} is not in this network."];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }
    }

    private async Task<OpenPcnUser> FindAsync(string userId, CancellationToken ct)
    {
        var pcnId = RequirePcn();
        return await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.PcnId == pcnId, ct)
            ?? throw new NotFoundException("That user is not in your network.");
    }

    private int RequirePcn() => scope.PcnId ?? throw new NotFoundException("You are not signed in to a network.");

    private UserView View(OpenPcnUser u, IEnumerable<string> roles) =>
        new(u.Id, u.Email ?? string.Empty, u.DisplayName, u.PracticeCode, [.. roles.Order()], u.LockoutEnd > clock.GetUtcNow(), IsAccessRemoved(u.LockoutEnd));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new RuleViolationException(result.Errors
                .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "Email" : "User")
                .ToDictionary(g => g.Key, g => g.Select(Describe).Distinct().ToArray()));
        }
    }

    // Identity's "Email '…' is already taken" would confirm that someone uses it on this install, maybe in another network.
    private static string Describe(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) ? EmailUnavailable : error.Description;
}

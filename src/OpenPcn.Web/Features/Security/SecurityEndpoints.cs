using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Web.Features.Security;

public sealed record TokenRequest(string Email, string Password);

public sealed record CurrentUser(string UserId, string Email, string DisplayName, int PcnId, string Network, bool IsDemo, PracticeCode? PracticeCode, IReadOnlyList<string> Roles);

public sealed record RolesInput(IReadOnlyList<string> Roles, PracticeCode? PracticeCode);

/// <summary>Bearer tokens, the signed-in user, and the network's users and roles.</summary>
internal static class SecurityEndpoints
{
    public static RouteGroupBuilder MapSecurityEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueToken).AllowAnonymous().RequireRateLimiting(SignInRateLimit.Policy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
            .WithName(nameof(IssueToken)).WithTags("Security")
            .WithSummary("Exchange an email and password for a bearer token")
            .WithDescription("Answers Identity's access token response (accessToken, expiresIn, refreshToken). The token lasts 30 minutes and stops working at once if the user's access is removed or their password or roles change. Wrong passwords count towards the lockout; too many attempts from one address answer 429.");

        api.MapGet("/me", GetMe).RequireAuthorization(Policies.ViewNetwork)
            .WithName(nameof(GetMe)).WithTags("Security").WithSummary("The signed-in user, their network and roles");

        var users = api.MapGroup("/users").WithTags("Security").RequireAuthorization(Policies.ManageUsers);
        users.MapGet("/", ListUsers).WithName(nameof(ListUsers)).WithSummary("Users of the network and their roles");
        users.MapGet("/{userId}", GetUser).WithName(nameof(GetUser)).WithSummary("One user of the network");
        users.MapPost("/", AddUser).WithName(nameof(AddUser)).WithSummary("Add a user to the network");
        users.MapPut("/{userId}/roles", SetRoles).WithName(nameof(SetRoles)).WithSummary("Replace a user's roles (and practice, for a practice manager)");
        users.MapPost("/{userId}/access/remove", RemoveAccess).WithName(nameof(RemoveAccess))
            .WithSummary("Stop a user signing in, and end their sessions and tokens")
            .WithDescription("Nobody can remove their own access; only an administrator can remove an administrator's.");
        users.MapPost("/{userId}/access/restore", RestoreAccess).WithName(nameof(RestoreAccess))
            .WithSummary("Let a user sign in again (after their access was removed or a lockout)");
        return api;
    }

    /// <summary>Sign-out is a POST with the antiforgery token, so another site cannot sign a person out.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(SecuritySetup.SignOutPath, SignOut).AllowAnonymous().ExcludeFromDescription()
            .WithMetadata(new RequireAntiforgeryTokenAttribute());
        return app;
    }

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssueToken(TokenRequest request, SignInManager<OpenPcnUser> signIn, SignInAudit audit)
    {
        // The bearer handler writes the token response itself when sign-in succeeds.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var outcome = await audit.PasswordSignInAsync(signIn, request.Email ?? string.Empty, request.Password ?? string.Empty, "api token");
        return outcome.Succeeded
            ? TypedResults.Empty
            : TypedResults.Problem(outcome.Error, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed.");
    }

    internal static Ok<CurrentUser> GetMe(ClaimsPrincipal user) =>
        TypedResults.Ok(new CurrentUser(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? string.Empty,
            user.GetDisplayName(),
            user.GetPcnId() ?? 0,
            user.GetNetworkName(),
            user.InDemoNetwork(),
            user.GetPracticeCode(),
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order()]));

    internal static async Task<Ok<IReadOnlyList<UserView>>> ListUsers(UserService users, CancellationToken ct) =>
        TypedResults.Ok(await users.ListAsync(ct));

    internal static async Task<Ok<UserView>> GetUser(string userId, UserService users, CancellationToken ct) =>
        TypedResults.Ok(await users.GetAsync(userId, ct));

    internal static async Task<Results<Created<UserView>, ProblemHttpResult>> AddUser(NewUserInput input, ClaimsPrincipal actor, UserService users, CancellationToken ct)
    {
        if (!AdministratorGuard.MayChange(actor, [], input.Roles ?? []))
        {
            return TypedResults.Problem(AdministratorGuard.Refusal, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");
        }

        var user = await users.AddAsync(input, ct);
        return TypedResults.Created($"/api/v1/users/{user.UserId}", user);
    }

    internal static async Task<Results<Ok<UserView>, ProblemHttpResult>> SetRoles(string userId, RolesInput input, ClaimsPrincipal actor, UserService users, CancellationToken ct)
    {
        var current = await users.GetAsync(userId, ct);
        if (!AdministratorGuard.MayChange(actor, current.Roles, input.Roles ?? []))
        {
            return TypedResults.Problem(AdministratorGuard.Refusal, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");
        }

        return TypedResults.Ok(await users.SetRolesAsync(userId, input.Roles ?? [], input.PracticeCode, ct));
    }

    internal static async Task<Results<Ok<UserView>, ProblemHttpResult>> RemoveAccess(string userId, ClaimsPrincipal actor, UserService users, CancellationToken ct) =>
        await MayChangeAccessAsync(userId, actor, users, ct)
            ? TypedResults.Ok(await users.RemoveAccessAsync(userId, ct))
            : AccessForbidden();

    internal static async Task<Results<Ok<UserView>, ProblemHttpResult>> RestoreAccess(string userId, ClaimsPrincipal actor, UserService users, CancellationToken ct) =>
        await MayChangeAccessAsync(userId, actor, users, ct)
            ? TypedResults.Ok(await users.RestoreAccessAsync(userId, ct))
            : AccessForbidden();

    private static async Task<bool> MayChangeAccessAsync(string userId, ClaimsPrincipal actor, UserService users, CancellationToken ct) =>
        AdministratorGuard.MayChangeAccess(actor, (await users.GetAsync(userId, ct)).Roles);

    private static ProblemHttpResult AccessForbidden() =>
        TypedResults.Problem(AdministratorGuard.AccessRefusal, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.");

    internal static async Task<Results<RedirectHttpResult, BadRequest<string>>> SignOut(HttpContext context, SignInManager<OpenPcnUser> signIn)
    {
        // The antiforgery middleware only records its verdict; an endpoint without form parameters must read it.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            return TypedResults.BadRequest("The sign-out form has expired. Go back, reload the page and try again.");
        }

        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect($"{SecuritySetup.SignInPath}?signedOut=true");
    }
}

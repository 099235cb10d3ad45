using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Web.Features.Security;

/// <summary>
/// Sign-in and authorisation. Pages use Identity's cookie; the JSON API accepts only bearer tokens from
/// <c>POST /api/v1/auth/token</c>, so a cross-site request carrying the cookie cannot reach it. Everything requires a
/// signed-in user unless it says <c>AllowAnonymous</c> (sign-in, health, static assets, the token endpoint).
/// </summary>
internal static class SecuritySetup
{
    public const string SignInPath = "/sign-in";
    public const string SignOutPath = "/sign-out";
    public const string AccessDeniedPath = "/access-denied";

    /// <summary>Authorises an API request with a bearer token only (never the cookie).</summary>
    public static readonly AuthorizeAttribute BearerOnly = new() { AuthenticationSchemes = IdentityConstants.BearerScheme };

    /// <summary>Either way of signing in (the OpenAPI document is read both by people and by tools).</summary>
    public static readonly AuthorizeAttribute CookieOrBearer =
        new() { AuthenticationSchemes = $"{IdentityConstants.ApplicationScheme},{IdentityConstants.BearerScheme}" };

    public static IServiceCollection AddOpenPcnSecurity(this IServiceCollection services)
    {
        // Secure whenever the request is https (directly, or through a known TLS proxy with forwarded headers on). Outside
        // local development PlainHttpGuard answers plain http only to this machine itself, so a laptop install reached
        // at http://localhost works and nothing else sends these cookies in the clear.
        const CookieSecurePolicy cookieSecurity = CookieSecurePolicy.SameAsRequest;

        services.AddOpenPcnIdentityCore()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<OpenPcnClaimsFactory>();

        services.AddScoped<SignInAudit>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddIdentityCookies();
        services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, options =>
        {
            options.BearerTokenExpiration = TimeSpan.FromMinutes(30);
            options.Events.OnMessageReceived = BearerTokenChecks.RejectIfUserChangedAsync;
        });

        // A removed user, a changed password or changed roles end other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSignInRateLimit();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "OpenPcn.SignIn";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.LoginPath = SignInPath;
            options.LogoutPath = SignOutPath;
            options.AccessDeniedPath = AccessDeniedPath;
            options.ReturnUrlParameter = "returnUrl";
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.ViewNetwork, p => InNetwork(p).RequireRole(Roles.All))
            .AddPolicy(Policies.EditNetwork, p => InNetwork(p).RequireRole(Policies.EditNetworkRoles))
            .AddPolicy(Policies.ManageUsers, p => InNetwork(p).RequireRole(Policies.ManageUsersRoles))
            .AddPolicy(Policies.Administer, p => InNetwork(p).RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ViewPatientRecords, p => InNetwork(p).RequireRole(Policies.ViewPatientRecordsRoles))
            .AddPolicy(Policies.ImportRecords, p => InNetwork(p).RequireRole(Policies.ImportRecordsRoles))
            .AddPolicy(Policies.ViewDataQuality, p => InNetwork(p).RequireRole(Policies.ViewDataQualityRoles))
            .AddPolicy(Policies.WorkWorklists, p => InNetwork(p).RequireRole(Policies.WorkWorklistsRoles))
            .AddPolicy(Policies.EditLocalDefinitions, p => InNetwork(p).RequireRole(Policies.EditLocalDefinitionsRoles))
            .AddPolicy(Policies.ViewWorkforce, p => InNetwork(p).RequireRole(Policies.ViewWorkforceRoles))
            .AddPolicy(Policies.EditWorkforce, p => InNetwork(p).RequireRole(Policies.EditWorkforceRoles))
            .AddPolicy(Policies.ViewFinance, p => InNetwork(p).RequireRole(Policies.ViewFinanceRoles))
            .AddPolicy(Policies.EditFinance, p => InNetwork(p).RequireRole(Policies.EditFinanceRoles))
            .AddPolicy(Policies.ViewStatements, p => InNetwork(p).RequireRole(Policies.ViewStatementsRoles));

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "OpenPcn.Antiforgery";
            options.Cookie.SecurePolicy = cookieSecurity;
        });
        return services;
    }

    /// <summary>Is <paramref name="returnUrl"/> a path on this site (never another host, never protocol-relative)?</summary>
    public static bool IsLocalUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl)
        && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
        && !returnUrl.Any(char.IsControl);

    private static AuthorizationPolicyBuilder InNetwork(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireClaim(OpenPcnClaims.PcnId);

    // An API caller (or a script fetching a page's data) gets a status code, not the sign-in page's HTML.
    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (Api.ApiPaths.IsApi(context.Request.Path))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

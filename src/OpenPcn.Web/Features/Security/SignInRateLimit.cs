using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OpenPcn.Web.Api;

namespace OpenPcn.Web.Features.Security;

/// <summary>How many sign-in attempts (page and token endpoint together) one client address may make per window.</summary>
internal sealed class SignInRateLimitOptions
{
    public const string Section = "Security:SignInRateLimit";

    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// Slows password guessing across many accounts from one address (lockout only protects each account): posts to the
/// sign-in page and the token endpoint share a fixed window per client IP. Behind a proxy the IP is the forwarded one
/// (see <c>ForwardedHeaders:Enabled</c>). A refused form goes back to the sign-in page, which says why; a refused token
/// request is a 429 problem.
/// </summary>
internal static class SignInRateLimit
{
    public const string Policy = "sign-in";
    public const string TooManyQuery = "tooManyAttempts";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddOptions<SignInRateLimitOptions>().BindConfiguration(SignInRateLimitOptions.Section);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var options = context.RequestServices.GetRequiredService<IOptions<SignInRateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = TimeSpan.FromSeconds(options.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = OnRejectedAsync;
        });
        return services;
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (ApiPaths.IsApi(context.Request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many sign-in attempts.", Detail = SignInMessages.TooManyAttempts },
            });
            return;
        }

        // Back to the page (a GET, so reloading it sends nothing), keeping where the person was going.
        var query = QueryString.Create(TooManyQuery, "true");
        if (context.Request.Query["returnUrl"].ToString() is { Length: > 0 } returnUrl)
        {
            query = query.Add("returnUrl", returnUrl);
        }

        context.Response.Redirect(SecuritySetup.SignInPath + query);
    }
}

using OpenPcn.Core.Common;
using OpenPcn.Core.Storage;
using OpenPcn.Web.Api;
using OpenPcn.Web.Components;
using OpenPcn.Web.Features.CaseFinding;
using OpenPcn.Web.Features.Finance;
using OpenPcn.Web.Features.Network;
using OpenPcn.Web.Features.Network.Directory;
using OpenPcn.Web.Features.Population;
using OpenPcn.Web.Features.Security;
using OpenPcn.Web.Features.Workforce;

namespace OpenPcn.Web.Hosting;

internal static class WebPipeline
{
    public const string ErrorPath = "/error";

    public static WebApplication UseOpenPcnWeb(this WebApplication app)
    {
        // First, so everything after sees the client's address and scheme rather than the proxy's.
        if (ProxySetup.Enabled(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        if (!HostingEnvironments.ServesPlainHttp(app.Environment))
        {
            app.UseMiddleware<PlainHttpGuard>();
        }

        // API errors become ProblemDetails (ApiExceptionHandler); page errors re-run the pipeline for the error page.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPath,
            CreateScopeForErrors = true,
            StatusCodeSelector = exception => exception switch
            {
                NotFoundException => StatusCodes.Status404NotFound,
                TenancyViolationException => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseWhen(c => ApiPaths.IsApi(c.Request.Path), api => api.UseStatusCodePages());
        // Only GETs are re-run for the error page: a re-run POST would be taken for a form submission (and its antiforgery
        // check already failed); a failed POST answers with its status alone.
        app.UseWhen(c => !ApiPaths.IsApi(c.Request.Path) && (HttpMethods.IsGet(c.Request.Method) || HttpMethods.IsHead(c.Request.Method)),
            pages => pages.UseStatusCodePagesWithReExecute(ErrorPath + "/{0}", createScopeForStatusCodePages: true));
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // answered on https requests only, so local http runs are unaffected
        }

        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<TenantScopeMiddleware>();
        app.Use(UploadLimits.RefuseTooLargeAsync); // before antiforgery reads the form
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().RequireAuthorization(SecuritySetup.CookieOrBearer);

        var api = app.MapGroup(ApiPaths.Prefix).RequireAuthorization(SecuritySetup.BearerOnly)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapSecurityEndpoints();
        api.MapNetworkEndpoints();
        api.MapDirectoryEndpoints();
        api.MapOnboardingEndpoints();
        api.MapPopulationEndpoints();
        api.MapCaseFindingEndpoints();
        api.MapFinanceEndpoints();
        api.MapWorkforceEndpoints();
        api.MapClaimsEndpoints();

        // A mistyped API route answers a token holder with a 404 problem, not the cookie's 401.
        api.MapFallback(() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: "There is no such API endpoint."))
            .ExcludeFromDescription();

        app.MapAccountEndpoints();
        app.MapDirectoryDownloads();
        app.MapPopulationDownloads();
        Features.CaseFinding.Pages.WorklistDownloads.MapWorklistDownloads(app);
        Features.Finance.Pages.FinanceDownloads.MapFinanceDownloads(app);
        Features.Workforce.Claims.ClaimDownloads.MapClaimDownloads(app);
        app.MapRazorComponents<App>();
        return app;
    }
}

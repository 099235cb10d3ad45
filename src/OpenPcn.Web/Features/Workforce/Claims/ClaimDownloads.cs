using Microsoft.AspNetCore.Http.HttpResults;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Features.Workforce.Claims;

namespace OpenPcn.Web.Features.Workforce.Claims;

/// <summary>The claim page's CSV and Excel downloads (cookie sign-in). The service audits each export.</summary>
internal static class ClaimDownloads
{
    public static IEndpointRouteBuilder MapClaimDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/workforce/claims/{month}/export.csv", (string month, ArrsClaimService claims, CancellationToken ct) => DownloadAsync(month, claims, ClaimExportFormat.Csv, ct))
            .RequireAuthorization(Policies.ViewWorkforce).ExcludeFromDescription();
        app.MapGet("/workforce/claims/{month}/export.xlsx", (string month, ArrsClaimService claims, CancellationToken ct) => DownloadAsync(month, claims, ClaimExportFormat.Xlsx, ct))
            .RequireAuthorization(Policies.ViewWorkforce).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(string month, ArrsClaimService claims, ClaimExportFormat format, CancellationToken ct)
    {
        if (!ArrsClaimService.TryParseMonth(month, out var m))
        {
            return TypedResults.NotFound();
        }

        try
        {
            var file = await claims.ExportAsync(m, format, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
    }
}

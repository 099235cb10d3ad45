using Microsoft.AspNetCore.Http.HttpResults;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Web.Features.CaseFinding.Pages;

/// <summary>
/// The worklist page's "Export CSV" and "Export Excel" links (cookie sign-in): the rows its filters show, every row
/// (not one page). The service audits each export.
/// </summary>
internal static class WorklistDownloads
{
    public static IEndpointRouteBuilder MapWorklistDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/case-finding/worklists/{worklistId:guid}/export.csv", (Guid worklistId, HttpRequest request, WorklistService worklists, CancellationToken ct) =>
                DownloadAsync(worklistId, request, worklists, WorklistExportFormat.Csv, ct))
            .RequireAuthorization(Policies.WorkWorklists).ExcludeFromDescription();
        app.MapGet("/case-finding/worklists/{worklistId:guid}/export.xlsx", (Guid worklistId, HttpRequest request, WorklistService worklists, CancellationToken ct) =>
                DownloadAsync(worklistId, request, worklists, WorklistExportFormat.Xlsx, ct))
            .RequireAuthorization(Policies.WorkWorklists).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, BadRequest>> DownloadAsync(
        Guid worklistId, HttpRequest request, WorklistService worklists, WorklistExportFormat format, CancellationToken ct)
    {
        var (filter, _, _) = WorklistQuery.From(request.Query).Read(WorklistService.MaxPageSize);
        if (filter is null)
        {
            return TypedResults.BadRequest();
        }

        try
        {
            var file = await worklists.ExportAsync(worklistId, filter, format, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
    }
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Security;
using OpenPcn.Web.Hosting;

namespace OpenPcn.Web.Features.Network.Directory;

/// <summary>The national directory: what it holds, importing a file, and the reports of earlier imports.</summary>
internal static class DirectoryEndpoints
{
    public static RouteGroupBuilder MapDirectoryEndpoints(this RouteGroupBuilder api)
    {
        var directory = api.MapGroup("/directory").WithTags("Directory").RequireAuthorization(Policies.Administer);
        directory.MapGet("/", GetDirectoryStatus).WithName(nameof(GetDirectoryStatus)).WithSummary("What the national directory holds");
        directory.MapGet("/imports", ListImports).WithName(nameof(ListImports)).WithSummary("Recent imports, newest first");
        directory.MapGet("/imports/{importRunId:guid}", GetImport).WithName(nameof(GetImport)).WithSummary("One import's report with its rejected rows");

        // Bearer-only like the rest of the API: a cross-site form cannot carry the token, so no antiforgery token is needed.
        directory.MapPost("/imports", ImportFile).WithName(nameof(ImportFile)).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadLimits.MaxRequestBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Import a national file (multipart field 'file'; optional 'kind')")
            .WithDescription("gp-reg-pat-prac-all.csv, gp-reg-pat-prac-map.csv, epraccur.csv or ePCN.xlsx, smaller than 64 MB. The kind is detected from the name and content unless given. Good rows are kept; each refused row is reported with its line and reason.");
        return api;
    }

    /// <summary>The rejected rows of an import as CSV, for the import page's download link (cookie sign-in).</summary>
    public static IEndpointRouteBuilder MapDirectoryDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/directory/imports/{importRunId:guid}/rejections.csv", DownloadRejections)
            .RequireAuthorization(Policies.Administer).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Ok<DirectoryStatus>> GetDirectoryStatus(DirectoryImportService directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.GetStatusAsync(ct));

    internal static async Task<Ok<IReadOnlyList<ImportReport>>> ListImports(DirectoryImportService directory, UserService users, CancellationToken ct)
    {
        var reports = await ImportReports.ForCallerAsync(users, ct);
        return TypedResults.Ok<IReadOnlyList<ImportReport>>([.. (await directory.ListRunsAsync(20, ct)).Select(reports.Redact)]);
    }

    internal static async Task<Results<Ok<ImportReport>, NotFound<ProblemDetails>>> GetImport(Guid importRunId, DirectoryImportService directory, UserService users, CancellationToken ct) =>
        await directory.GetRunAsync(importRunId, ct) is { } report
            ? TypedResults.Ok((await ImportReports.ForCallerAsync(users, ct)).Redact(report))
            : TypedResults.NotFound(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = "There is no import with that id." });

    internal static async Task<Results<Created<ImportReport>, ValidationProblem>> ImportFile(
        IFormFile? file, [FromForm] DirectoryFileKind? kind, DirectoryImportService directory, UserService users, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Choose a file to import."] });
        }

        if (file.Length > UploadLimits.MaxFileBytes)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [UploadLimits.TooLargeMessage + "."] });
        }

        await using var content = file.OpenReadStream();
        var report = await directory.ImportAsync(content, Path.GetFileName(file.FileName), kind, null, ct);
        return TypedResults.Created($"/api/v1/directory/imports/{report.ImportRunId}", (await ImportReports.ForCallerAsync(users, ct)).Redact(report));
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> DownloadRejections(Guid importRunId, DirectoryImportService directory, CancellationToken ct)
    {
        if (await directory.GetRunAsync(importRunId, ct) is not { } report)
        {
            return TypedResults.NotFound();
        }

        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await RejectionsCsv.WriteAsync(text, [report], ct);
        var name = $"rejections-{Path.GetFileNameWithoutExtension(report.FileName)}-{report.StartedAt:yyyyMMdd-HHmm}.csv";
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv", name);
    }
}

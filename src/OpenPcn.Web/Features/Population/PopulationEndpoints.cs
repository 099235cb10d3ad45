using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Web.Features.Population;

/// <summary>A search for one patient by NHS number (10 digits, spaces allowed).</summary>
internal sealed record PatientSearchRequest(string? NhsNumber);

/// <summary>Patient records, data quality and FHIR record imports, over the same services as the pages.</summary>
internal static class PopulationEndpoints
{
    public static RouteGroupBuilder MapPopulationEndpoints(this RouteGroupBuilder api)
    {
        var population = api.MapGroup("/population").WithTags("Population");

        var patients = population.MapGroup("/patients").RequireAuthorization(Policies.ViewPatientRecords);
        patients.MapGet("/", ListPatients).WithName(nameof(ListPatients))
            .WithSummary("List patients by practice and age band (paged; audited). To find one by NHS number, POST /search");
        // The NHS number goes in the body: in a URL it would stay in request logs, proxies' logs and browser history.
        patients.MapPost("/search", SearchPatients).WithName(nameof(SearchPatients))
            .WithSummary("Find a patient by NHS number, sent in the JSON body (audited)");
        patients.MapGet("/{patientId:long}", GetPatientRecord).WithName(nameof(GetPatientRecord))
            .WithSummary("One patient's record: demographics, problems, latest observations, medicines, care home (audited)");

        population.MapGet("/data-quality", GetDataQuality).WithName(nameof(GetDataQuality)).RequireAuthorization(Policies.ViewDataQuality)
            .WithSummary("Data-quality counts per practice (a practice manager's own practice only)");

        var imports = population.MapGroup("/imports").RequireAuthorization(Policies.ImportRecords);
        imports.MapGet("/", ListRecordImports).WithName(nameof(ListRecordImports)).WithSummary("Record import runs, newest first");
        imports.MapGet("/{importId:guid}", GetRecordImport).WithName(nameof(GetRecordImport))
            .WithSummary("One record import: counts by resource type and a page of its quarantine");

        // Bearer-only like the rest of the API, so no antiforgery token is needed.
        imports.MapPost("/", StartRecordImport).WithName(nameof(StartRecordImport)).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(RecordImportStarter.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: RecordImportStarter.MaxRequestBytes)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Queue a record import: multipart field 'file' (NDJSON, JSON or XML Bundle, zip), or 'folder' on the server for administrators")
            .WithDescription("The file is kept until the import has run in the background; poll the Location for its progress. A folder path needs the Administrator role as well.");
        return api;
    }

    /// <summary>A run's quarantine as CSV, for the import page's download link (cookie sign-in).</summary>
    public static IEndpointRouteBuilder MapPopulationDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/population/imports/{importId:guid}/quarantine.csv", DownloadQuarantine)
            .RequireAuthorization(Policies.ImportRecords).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<Ok<Paged<PatientListItem>>, ValidationProblem>> ListPatients(
        HttpRequest request, PatientRecordService records, string? practice, AgeBand? ageBand, int? page, int? pageSize, CancellationToken ct)
    {
        if (request.Query.ContainsKey("nhsNumber"))
        {
            // Refused rather than ignored: ignoring it would answer with every patient in the network.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["nhsNumber"] = ["Find a patient by NHS number with POST /api/v1/population/patients/search, the number in the body, never in the URL."],
            });
        }

        PracticeCode? code = null;
        if (!string.IsNullOrWhiteSpace(practice))
        {
            if (!PracticeCode.TryParse(practice, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["practice"] = ["Not a practice code."] });
            }

            code = parsed;
        }

        return TypedResults.Ok(await records.SearchAsync(new PatientSearch(null, code, ageBand, page ?? 1, pageSize ?? 50), ct));
    }

    internal static async Task<Results<Ok<Paged<PatientListItem>>, ValidationProblem>> SearchPatients(
        PatientSearchRequest search, PatientRecordService records, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(search.NhsNumber) || !NhsNumber.TryParse(search.NhsNumber, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["nhsNumber"] = ["Enter a valid NHS number, 10 digits like 943 476 5919."] });
        }

        return TypedResults.Ok(await records.SearchAsync(new PatientSearch(search.NhsNumber), ct));
    }

    internal static async Task<Results<Ok<PatientRecord>, NotFound<ProblemDetails>>> GetPatientRecord(long patientId, PatientRecordService records, CancellationToken ct) =>
        await records.GetRecordAsync(patientId, "API", ct) is { } record
            ? TypedResults.Ok(record)
            : TypedResults.NotFound(NotFoundProblem("There is no patient with that id."));

    internal static async Task<Ok<DataQualityReport>> GetDataQuality(DataQualityService quality, CancellationToken ct) =>
        TypedResults.Ok(await quality.GetReportAsync(ct));

    internal static async Task<Ok<IReadOnlyList<RecordImportRow>>> ListRecordImports(RecordImportService imports, CancellationToken ct) =>
        TypedResults.Ok(await imports.ListAsync(50, ct));

    internal static async Task<Results<Ok<RecordImportDetail>, NotFound<ProblemDetails>>> GetRecordImport(
        Guid importId, int? page, RecordImportService imports, CancellationToken ct) =>
        await imports.GetAsync(importId, page ?? 1, ct) is { } detail
            ? TypedResults.Ok(detail)
            : TypedResults.NotFound(NotFoundProblem("There is no import with that id."));

    internal static async Task<Results<Accepted<RecordImportRow>, ValidationProblem>> StartRecordImport(
        HttpContext context, RecordImportStarter starter, CancellationToken ct)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(ct) : null;
        var folder = form?["folder"].ToString();
        var start = string.IsNullOrWhiteSpace(folder)
            ? await starter.UploadAsync(form?.Files.GetFile("file"), ct)
            : await starter.FolderAsync(context.User, folder, ct);
        return start.Run is { } run
            ? TypedResults.Accepted($"/api/v1/population/imports/{run.ImportId}", run)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [start.Field!] = [start.Error + "."] });
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> DownloadQuarantine(Guid importId, RecordImportService imports, CancellationToken ct)
    {
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        if (!await imports.WriteQuarantineCsvAsync(importId, text, ct))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv", $"quarantine-{importId}.csv");
    }

    private static ProblemDetails NotFoundProblem(string detail) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = detail };
}

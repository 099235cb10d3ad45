using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Definitions;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Web.Features.CaseFinding;

/// <summary>Run a definition for the network, or one practice, on an index date (default today in England).</summary>
internal sealed record RunCohortRequest(PracticeCode? Practice = null, DateOnly? AsOf = null);

/// <summary>Set the status of some rows of a worklist (by patient id), with an optional note.</summary>
internal sealed record SetWorklistStatusRequest(IReadOnlyList<long> PatientIds, WorklistStatus Status, string? Note = null);

/// <summary>Assign some rows to a user name or practice code of the network; null unassigns.</summary>
internal sealed record AssignWorklistRowsRequest(IReadOnlyList<long> PatientIds, string? Assignee);

/// <summary>Count the patients a builder form finds, for the network or a practice, on an index date.</summary>
internal sealed record PreviewLocalDefinitionRequest(CohortBuilderForm Form, PracticeCode? Practice = null, DateOnly? AsOf = null);

/// <summary>The count a builder form finds.</summary>
internal sealed record PreviewResult(int Count);

/// <summary>How many rows a status change or assignment touched.</summary>
internal sealed record RowsChanged(int Rows);

/// <summary>Case-finding: cohort definitions, worklists and local definitions, over the same services as the pages.</summary>
internal static class CaseFindingEndpoints
{
    public static RouteGroupBuilder MapCaseFindingEndpoints(this RouteGroupBuilder api)
    {
        var caseFinding = api.MapGroup("/case-finding").WithTags("Case finding").RequireAuthorization(Policies.WorkWorklists);

        var definitions = caseFinding.MapGroup("/definitions");
        definitions.MapGet("/", ListCohortDefinitions).WithName(nameof(ListCohortDefinitions))
            .WithSummary("The cohort definitions the network can run: built-in registers and case-finding cohorts, then local ones");
        definitions.MapGet("/{name}", GetCohortDefinition).WithName(nameof(GetCohortDefinition))
            .WithSummary("One definition: description, source, codelists, reason, facts and its JSON form");
        definitions.MapPost("/{name}/run", RunCohortDefinition).WithName(nameof(RunCohortDefinition))
            .WithSummary("Run a definition into its worklist (re-runs keep statuses, add new patients, mark those no longer qualifying)");

        definitions.MapGet("/{name}/stratify", StratifyCohortDefinition).WithName(nameof(StratifyCohortDefinition))
            .WithSummary("The cohort among registered patients by deprivation quintile and ethnic group (counts and rates per 1,000)");
        caseFinding.MapGet("/codelists", ListShippedCodelists).WithName(nameof(ListShippedCodelists))
            .WithSummary("The shipped codelists a local definition can use");

        var worklists = caseFinding.MapGroup("/worklists");
        worklists.MapGet("/", ListWorklists).WithName(nameof(ListWorklists)).WithSummary("The network's worklists, latest run first");
        worklists.MapGet("/{worklistId:guid}", GetWorklist).WithName(nameof(GetWorklist)).WithSummary("One worklist and its latest run's counts");
        worklists.MapGet("/{worklistId:guid}/rows", GetWorklistRows).WithName(nameof(GetWorklistRows))
            .WithSummary("A page of a worklist's patients with the reason, facts and status (filters: status, practice, assignedTo, stillQualifies; audited)");
        worklists.MapGet("/{worklistId:guid}/summary", GetWorklistSummary).WithName(nameof(GetWorklistSummary))
            .WithSummary("Progress per practice: counts per status and % done");
        worklists.MapGet("/{worklistId:guid}/rows/{patientId:long}/history", GetWorklistRowHistory).WithName(nameof(GetWorklistRowHistory))
            .WithSummary("A row's status changes, newest first");
        worklists.MapGet("/{worklistId:guid}/assignees", ListWorklistAssignees).WithName(nameof(ListWorklistAssignees))
            .WithSummary("Who rows can be assigned to: the network's users and practices");
        worklists.MapPost("/{worklistId:guid}/status", SetWorklistStatus).WithName(nameof(SetWorklistStatus))
            .WithSummary("Set the status of some rows (any status to any other; each change is recorded)");
        worklists.MapPost("/{worklistId:guid}/assign", AssignWorklistRows).WithName(nameof(AssignWorklistRows))
            .WithSummary("Assign some rows to a user or a practice of the network, or unassign them");
        worklists.MapGet("/{worklistId:guid}/export.csv", ExportWorklistCsv).WithName(nameof(ExportWorklistCsv))
            .WithSummary("The worklist's rows (same filters) as CSV with NHS numbers (audited)");
        worklists.MapGet("/{worklistId:guid}/export.xlsx", ExportWorklistXlsx).WithName(nameof(ExportWorklistXlsx))
            .WithSummary("The worklist's rows (same filters) as an Excel workbook with NHS numbers (audited)");

        var locals = caseFinding.MapGroup("/local-definitions");
        locals.MapGet("/", ListLocalDefinitions).WithName(nameof(ListLocalDefinitions)).WithSummary("The network's local definitions");
        locals.MapGet("/{name}", GetLocalDefinition).WithName(nameof(GetLocalDefinition))
            .WithSummary("One local definition: its builder form and definition JSON");
        locals.MapPost("/preview", PreviewLocalDefinition).WithName(nameof(PreviewLocalDefinition))
            .WithSummary("How many patients a builder form finds (a count only)");
        locals.MapPost("/", CreateLocalDefinition).WithName(nameof(CreateLocalDefinition)).RequireAuthorization(Policies.EditLocalDefinitions)
            .WithSummary("Save a builder form as a local definition, named after its title");
        locals.MapPut("/{name}", UpdateLocalDefinition).WithName(nameof(UpdateLocalDefinition)).RequireAuthorization(Policies.EditLocalDefinitions)
            .WithSummary("Replace a local definition's form");
        locals.MapDelete("/{name}", DeleteLocalDefinition).WithName(nameof(DeleteLocalDefinition)).RequireAuthorization(Policies.EditLocalDefinitions)
            .WithSummary("Delete a local definition (its worklists stay)");
        return api;
    }

    internal static async Task<Ok<IReadOnlyList<DefinitionSummary>>> ListCohortDefinitions(DefinitionCatalogue catalogue, CancellationToken ct) =>
        TypedResults.Ok(await catalogue.ListAsync(ct));

    internal static async Task<Results<Ok<DefinitionDetail>, NotFound<ProblemDetails>>> GetCohortDefinition(
        string name, DefinitionCatalogue catalogue, CancellationToken ct) =>
        await catalogue.DetailAsync(name, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound(NoDefinition(name));

    internal static async Task<Ok<WorklistRunResult>> RunCohortDefinition(
        string name, RunCohortRequest? request, WorklistService worklists, CancellationToken ct) =>
        TypedResults.Ok(await worklists.RunAsync(name, request?.Practice, request?.AsOf, ct));

    internal static async Task<Ok<IReadOnlyList<StratumSummary>>> StratifyCohortDefinition(
        string name, PracticeCode? practice, DateOnly? asOf, WorklistService worklists, CancellationToken ct) =>
        TypedResults.Ok(await worklists.StratifyAsync(name, practice, asOf, ct));

    internal static Ok<IReadOnlyList<CodelistInfo>> ListShippedCodelists(ShippedDefinitions shipped) => TypedResults.Ok(shipped.Codelists);

    internal static async Task<Ok<IReadOnlyList<WorklistSummary>>> ListWorklists(WorklistService worklists, CancellationToken ct) =>
        TypedResults.Ok(await worklists.ListAsync(ct));

    internal static async Task<Results<Ok<WorklistSummary>, NotFound<ProblemDetails>>> GetWorklist(
        Guid worklistId, WorklistService worklists, CancellationToken ct) =>
        await worklists.GetAsync(worklistId, ct) is { } worklist ? TypedResults.Ok(worklist) : TypedResults.NotFound(NoWorklist());

    internal static async Task<Ok<Paged<WorklistRow>>> GetWorklistRows(
        Guid worklistId, WorklistService worklists, WorklistStatus? status, PracticeCode? practice, string? assignedTo, bool? stillQualifies,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await worklists.GetRowsAsync(worklistId, Filter(status, practice, assignedTo, stillQualifies, page, pageSize), ct));

    internal static async Task<Ok<IReadOnlyList<PracticeProgress>>> GetWorklistSummary(Guid worklistId, WorklistService worklists, CancellationToken ct) =>
        TypedResults.Ok(await worklists.SummaryAsync(worklistId, ct));

    internal static async Task<Ok<IReadOnlyList<StatusChangeRow>>> GetWorklistRowHistory(
        Guid worklistId, long patientId, WorklistService worklists, CancellationToken ct) =>
        TypedResults.Ok(await worklists.HistoryAsync(worklistId, patientId, ct));

    internal static async Task<Ok<IReadOnlyList<AssigneeOption>>> ListWorklistAssignees(Guid worklistId, WorklistService worklists, CancellationToken ct)
    {
        _ = await worklists.GetAsync(worklistId, ct) ?? throw new NotFoundException("There is no such worklist in your network.");
        return TypedResults.Ok(await worklists.AssigneesAsync(ct));
    }

    internal static async Task<Ok<RowsChanged>> SetWorklistStatus(
        Guid worklistId, SetWorklistStatusRequest request, WorklistService worklists, CancellationToken ct) =>
        TypedResults.Ok(new RowsChanged(await worklists.SetStatusAsync(worklistId, request.PatientIds, request.Status, request.Note, ct)));

    internal static async Task<Ok<RowsChanged>> AssignWorklistRows(
        Guid worklistId, AssignWorklistRowsRequest request, WorklistService worklists, CancellationToken ct) =>
        TypedResults.Ok(new RowsChanged(await worklists.AssignAsync(worklistId, request.PatientIds, request.Assignee, ct)));

    internal static Task<FileContentHttpResult> ExportWorklistCsv(
        Guid worklistId, WorklistService worklists, WorklistStatus? status, PracticeCode? practice, string? assignedTo, bool? stillQualifies,
        CancellationToken ct) =>
        Export(worklists, worklistId, Filter(status, practice, assignedTo, stillQualifies, null, null), WorklistExportFormat.Csv, ct);

    internal static Task<FileContentHttpResult> ExportWorklistXlsx(
        Guid worklistId, WorklistService worklists, WorklistStatus? status, PracticeCode? practice, string? assignedTo, bool? stillQualifies,
        CancellationToken ct) =>
        Export(worklists, worklistId, Filter(status, practice, assignedTo, stillQualifies, null, null), WorklistExportFormat.Xlsx, ct);

    internal static async Task<Ok<IReadOnlyList<LocalDefinitionView>>> ListLocalDefinitions(LocalDefinitionService locals, CancellationToken ct) =>
        TypedResults.Ok(await locals.ListAsync(ct));

    internal static async Task<Results<Ok<LocalDefinitionView>, NotFound<ProblemDetails>>> GetLocalDefinition(
        string name, LocalDefinitionService locals, CancellationToken ct) =>
        await locals.GetAsync(name, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound(NoDefinition(name));

    internal static async Task<Ok<PreviewResult>> PreviewLocalDefinition(
        PreviewLocalDefinitionRequest request, LocalDefinitionService locals, CancellationToken ct) =>
        TypedResults.Ok(new PreviewResult(await locals.PreviewAsync(request.Form, request.Practice, request.AsOf, ct)));

    internal static async Task<Created<LocalDefinitionView>> CreateLocalDefinition(
        CohortBuilderForm form, LocalDefinitionService locals, CancellationToken ct)
    {
        var view = await locals.CreateAsync(form, ct);
        return TypedResults.Created($"/api/v1/case-finding/local-definitions/{view.Name}", view);
    }

    internal static async Task<Ok<LocalDefinitionView>> UpdateLocalDefinition(
        string name, CohortBuilderForm form, LocalDefinitionService locals, CancellationToken ct) =>
        TypedResults.Ok(await locals.UpdateAsync(name, form, ct));

    internal static async Task<NoContent> DeleteLocalDefinition(string name, LocalDefinitionService locals, CancellationToken ct)
    {
        await locals.DeleteAsync(name, ct);
        return TypedResults.NoContent();
    }

    private static async Task<FileContentHttpResult> Export(
        WorklistService worklists, Guid worklistId, WorklistFilter filter, WorklistExportFormat format, CancellationToken ct)
    {
        var file = await worklists.ExportAsync(worklistId, filter, format, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static WorklistFilter Filter(WorklistStatus? status, PracticeCode? practice, string? assignedTo, bool? stillQualifies, int? page, int? pageSize) =>
        new(status, practice, assignedTo, stillQualifies ?? true, page ?? 1, pageSize ?? 50);

    private static ProblemDetails NoDefinition(string name) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = $"There is no cohort definition {name} in your network." };

    private static ProblemDetails NoWorklist() =>
        new() { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = "There is no such worklist in your network." };
}

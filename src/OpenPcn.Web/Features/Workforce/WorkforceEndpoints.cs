using Microsoft.AspNetCore.Http.HttpResults;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Features.Workforce;

namespace OpenPcn.Web.Features.Workforce;

/// <summary>A new member of staff, or their new name and registration.</summary>
internal sealed record StaffRequest(string Name, string? ProfessionalRegistration = null);

/// <summary>A contract: amounts in pounds a year (whole pence); the employer is a member practice or a lead provider.</summary>
internal sealed record ContractRequest(
    string Role, decimal Wte, decimal AnnualSalary, decimal AnnualEmployerNi, decimal AnnualEmployerPension, DateOnly Start, DateOnly? End,
    string Band, EmployerKind EmployerKind, PracticeCode? EmployerPractice, string? EmployerName, bool IsArrs, bool AdditionalityConfirmed,
    ArrsRegion Region = ArrsRegion.National, Guid? SupervisorStaffMemberId = null)
{
    public ContractInput ToInput() => new(Role, Region, Wte, Pounds(AnnualSalary, "AnnualSalary"), Pounds(AnnualEmployerNi, "AnnualEmployerNi"),
        Pounds(AnnualEmployerPension, "AnnualEmployerPension"), Start, End, Band, EmployerKind, EmployerPractice, EmployerName, IsArrs,
        AdditionalityConfirmed, SupervisorStaffMemberId);

    internal static Money Pounds(decimal pounds, string field) => decimal.Round(pounds, 2) == pounds
        ? Money.FromPounds(pounds)
        : throw new RuleViolationException(field, "Enter an amount in pounds and pence, for example 48000.00");
}

/// <summary>The last day of a contract (a leaver).</summary>
internal sealed record EndContractRequest(DateOnly LastDay);

/// <summary>Where a contract is worked: sessions a week per member practice (replaces the previous split).</summary>
internal sealed record DeploymentsRequest(IReadOnlyList<DeploymentInput> Deployments);

/// <summary>A planned post: expected annual cost (salary and on-costs) in pounds.</summary>
internal sealed record PlannedPostRequest(string Role, decimal Wte, string? Practices, DateOnly ExpectedStart, decimal ExpectedAnnualCost, string? Notes = null)
{
    public PlannedPostInput ToInput() =>
        new(Role, Wte, Practices, ExpectedStart, ContractRequest.Pounds(ExpectedAnnualCost, "ExpectedAnnualCost"), Notes);
}

/// <summary>Move a planned post forward or withdraw it; Started names the contract it became.</summary>
internal sealed record MovePlannedPostRequest(PlannedPostStage Stage, Guid? ContractId = null);

/// <summary>Workforce: staff, contracts, deployments and the recruitment pipeline, over the same service as the pages.</summary>
internal static class WorkforceEndpoints
{
    public static RouteGroupBuilder MapWorkforceEndpoints(this RouteGroupBuilder api)
    {
        var workforce = api.MapGroup("/workforce").WithTags("Workforce").RequireAuthorization(Policies.ViewWorkforce);

        var staff = workforce.MapGroup("/staff");
        staff.MapGet("/", ListStaff).WithName(nameof(ListStaff))
            .WithSummary("The network's staff with their current (or latest) contract: role, band, WTE, employer, ARRS, deployments");
        staff.MapGet("/{staffMemberId:guid}", GetStaffMember).WithName(nameof(GetStaffMember))
            .WithSummary("One member of staff with every contract and deployment");
        staff.MapPost("/", CreateStaffMember).WithName(nameof(CreateStaffMember)).RequireAuthorization(Policies.EditWorkforce)
            .WithSummary("Add a member of staff (no contract yet)");
        staff.MapPut("/{staffMemberId:guid}", UpdateStaffMember).WithName(nameof(UpdateStaffMember)).RequireAuthorization(Policies.EditWorkforce)
            .WithSummary("Change a member of staff's name or professional registration");
        staff.MapPost("/{staffMemberId:guid}/contracts", CreateContract).WithName(nameof(CreateContract)).RequireAuthorization(Policies.EditWorkforce)
            .WithSummary("Add a contract (role from the rate book; WTE in (0, 1]; no overlap with the person's other contracts)");
        staff.MapPut("/{staffMemberId:guid}/contracts/{contractId:guid}", UpdateContract).WithName(nameof(UpdateContract))
            .RequireAuthorization(Policies.EditWorkforce).WithSummary("Change a contract (the same checks as adding)");
        staff.MapPost("/{staffMemberId:guid}/contracts/{contractId:guid}/end", EndContract).WithName(nameof(EndContract))
            .RequireAuthorization(Policies.EditWorkforce).WithSummary("End a contract on its last day (a leaver)");
        staff.MapPut("/{staffMemberId:guid}/contracts/{contractId:guid}/deployments", SetDeployments).WithName(nameof(SetDeployments))
            .RequireAuthorization(Policies.EditWorkforce).WithSummary("Set where a contract is worked: sessions a week per member practice");

        var posts = workforce.MapGroup("/planned-posts");
        posts.MapGet("/", ListPlannedPosts).WithName(nameof(ListPlannedPosts)).WithSummary("The recruitment pipeline: planned posts by expected start");
        posts.MapGet("/{plannedPostId:guid}", GetPlannedPost).WithName(nameof(GetPlannedPost)).WithSummary("One planned post");
        posts.MapPost("/", CreatePlannedPost).WithName(nameof(CreatePlannedPost)).RequireAuthorization(Policies.EditWorkforce)
            .WithSummary("Add a planned post (a vacancy)");
        posts.MapPut("/{plannedPostId:guid}", UpdatePlannedPost).WithName(nameof(UpdatePlannedPost)).RequireAuthorization(Policies.EditWorkforce)
            .WithSummary("Change a planned post");
        posts.MapPost("/{plannedPostId:guid}/advance", AdvancePlannedPost).WithName(nameof(AdvancePlannedPost)).RequireAuthorization(Policies.EditWorkforce)
            .WithSummary("Move a planned post forward (vacancy, advertised, offered, started with its contract) or withdraw it");
        posts.MapDelete("/{plannedPostId:guid}", DeletePlannedPost).WithName(nameof(DeletePlannedPost)).RequireAuthorization(Policies.EditWorkforce)
            .WithSummary("Delete a planned post entered by mistake");
        return api;
    }

    internal static async Task<Ok<IReadOnlyList<StaffRow>>> ListStaff(WorkforceService workforce, CancellationToken ct) =>
        TypedResults.Ok(await workforce.ListStaffAsync(ct));

    internal static async Task<Ok<StaffDetail>> GetStaffMember(Guid staffMemberId, WorkforceService workforce, CancellationToken ct) =>
        TypedResults.Ok(await workforce.GetStaffAsync(staffMemberId, ct));

    internal static async Task<Created<StaffDetail>> CreateStaffMember(StaffRequest request, WorkforceService workforce, CancellationToken ct)
    {
        var staff = await workforce.AddStaffAsync(new StaffInput(request.Name, request.ProfessionalRegistration), ct);
        return TypedResults.Created($"/api/v1/workforce/staff/{staff.StaffMemberId}", staff);
    }

    internal static async Task<Ok<StaffDetail>> UpdateStaffMember(Guid staffMemberId, StaffRequest request, WorkforceService workforce, CancellationToken ct) =>
        TypedResults.Ok(await workforce.RenameStaffAsync(staffMemberId, new StaffInput(request.Name, request.ProfessionalRegistration), ct));

    internal static async Task<Created<ContractView>> CreateContract(Guid staffMemberId, ContractRequest request, WorkforceService workforce, CancellationToken ct)
    {
        var contract = await workforce.AddContractAsync(staffMemberId, request.ToInput(), ct);
        return TypedResults.Created($"/api/v1/workforce/staff/{staffMemberId}/contracts/{contract.ContractId}", contract);
    }

    internal static async Task<Ok<ContractView>> UpdateContract(
        Guid staffMemberId, Guid contractId, ContractRequest request, WorkforceService workforce, CancellationToken ct) =>
        TypedResults.Ok(await workforce.ChangeContractAsync(staffMemberId, contractId, request.ToInput(), ct));

    internal static async Task<Ok<ContractView>> EndContract(
        Guid staffMemberId, Guid contractId, EndContractRequest request, WorkforceService workforce, CancellationToken ct) =>
        TypedResults.Ok(await workforce.EndContractAsync(staffMemberId, contractId, request.LastDay, ct));

    internal static async Task<Ok<ContractView>> SetDeployments(
        Guid staffMemberId, Guid contractId, DeploymentsRequest request, WorkforceService workforce, CancellationToken ct) =>
        TypedResults.Ok(await workforce.SetDeploymentsAsync(staffMemberId, contractId, request.Deployments ?? [], ct));

    internal static async Task<Ok<IReadOnlyList<PlannedPostView>>> ListPlannedPosts(WorkforceService workforce, CancellationToken ct) =>
        TypedResults.Ok(await workforce.ListPlannedPostsAsync(ct));

    internal static async Task<Ok<PlannedPostView>> GetPlannedPost(Guid plannedPostId, WorkforceService workforce, CancellationToken ct) =>
        TypedResults.Ok(await workforce.GetPlannedPostAsync(plannedPostId, ct));

    internal static async Task<Created<PlannedPostView>> CreatePlannedPost(PlannedPostRequest request, WorkforceService workforce, CancellationToken ct)
    {
        var post = await workforce.AddPlannedPostAsync(request.ToInput(), ct);
        return TypedResults.Created($"/api/v1/workforce/planned-posts/{post.PlannedPostId}", post);
    }

    internal static async Task<Ok<PlannedPostView>> UpdatePlannedPost(
        Guid plannedPostId, PlannedPostRequest request, WorkforceService workforce, CancellationToken ct) =>
        TypedResults.Ok(await workforce.ChangePlannedPostAsync(plannedPostId, request.ToInput(), ct));

    internal static async Task<Ok<PlannedPostView>> AdvancePlannedPost(
        Guid plannedPostId, MovePlannedPostRequest request, WorkforceService workforce, CancellationToken ct) =>
        TypedResults.Ok(await workforce.MovePlannedPostAsync(plannedPostId, request.Stage, request.ContractId, ct));

    internal static async Task<NoContent> DeletePlannedPost(Guid plannedPostId, WorkforceService workforce, CancellationToken ct)
    {
        await workforce.DeletePlannedPostAsync(plannedPostId, ct);
        return TypedResults.NoContent();
    }
}

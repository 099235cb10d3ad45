using Microsoft.AspNetCore.Http.HttpResults;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Web.Features.Network;

public sealed record EndMembershipInput(DateOnly LastDay);

public sealed record ListSizeRefreshResult(int ListSizesAdded);

/// <summary>The network API: a thin adapter over <see cref="NetworkService"/>, the same calls the pages make.</summary>
internal static class NetworkEndpoints
{
    public static RouteGroupBuilder MapNetworkEndpoints(this RouteGroupBuilder api)
    {
        var network = api.MapGroup("/network").WithTags("Network").RequireAuthorization(Policies.ViewNetwork);
        network.MapGet("/", GetOverview).WithName(nameof(GetOverview))
            .WithSummary("The network: practices, populations, formation checks, clinical directors");
        network.MapGet("/practices/{code}", GetPractice).WithName(nameof(GetPractice))
            .WithSummary("One practice with its membership periods and list sizes");
        network.MapGet("/partners", GetPartners).WithName(nameof(GetPartners))
            .WithSummary("Core Network Practices and the other partner organisations");

        var edit = network.MapGroup(string.Empty).RequireAuthorization(Policies.EditNetwork);
        edit.MapPost("/practices", AddPractice).WithName(nameof(AddPractice)).WithSummary("Add a practice as a member")
            .ProducesProblem(StatusCodes.Status409Conflict);
        edit.MapPut("/practices/{code}", UpdatePractice).WithName(nameof(UpdatePractice)).WithSummary("Change a practice's name, postcode or clinical system");
        edit.MapPost("/practices/{code}/memberships", AddMembership).WithName(nameof(AddMembership)).WithSummary("Add a membership period")
            .ProducesProblem(StatusCodes.Status409Conflict);
        edit.MapPost("/practices/{code}/memberships/end", EndMembership).WithName(nameof(EndMembership)).WithSummary("End the current membership on its last day");
        edit.MapPost("/practices/{code}/list-sizes", RecordListSize).WithName(nameof(RecordListSize)).WithSummary("Record or correct a list size for a census date");
        edit.MapPost("/list-sizes/refresh", RefreshListSizes).WithName(nameof(RefreshListSizes)).WithSummary("Add list sizes from the national directory that the practices do not have yet");
        edit.MapPost("/partners", AddPartner).WithName(nameof(AddPartner)).WithSummary("Add a partner organisation");
        edit.MapPut("/partners/{partnerId:guid}", UpdatePartner).WithName(nameof(UpdatePartner)).WithSummary("Change a partner organisation");
        edit.MapDelete("/partners/{partnerId:guid}", RemovePartner).WithName(nameof(RemovePartner)).WithSummary("Remove a partner organisation");
        edit.MapPost("/clinical-directors", AddClinicalDirector).WithName(nameof(AddClinicalDirector)).WithSummary("Add a clinical director");
        edit.MapPut("/clinical-directors/{clinicalDirectorId:guid}", UpdateClinicalDirector).WithName(nameof(UpdateClinicalDirector)).WithSummary("Change a clinical director");
        edit.MapDelete("/clinical-directors/{clinicalDirectorId:guid}", RemoveClinicalDirector).WithName(nameof(RemoveClinicalDirector)).WithSummary("Remove a clinical director");
        edit.MapPut("/payee", SetNominatedPayee).WithName(nameof(SetNominatedPayee)).WithSummary("Record the nominated payee");
        edit.MapDelete("/payee", ClearNominatedPayee).WithName(nameof(ClearNominatedPayee)).WithSummary("Clear the nominated payee");
        edit.MapPut("/population-variation", RecordPopulationVariation).WithName(nameof(RecordPopulationVariation))
            .WithSummary("Record the commissioner's approval for a population outside 30,000–50,000");
        return api;
    }

    internal static async Task<Ok<NetworkOverview>> GetOverview(NetworkService network, CancellationToken ct) =>
        TypedResults.Ok(await network.GetOverviewAsync(ct));

    internal static async Task<Ok<PracticeDetail>> GetPractice(PracticeCode code, NetworkService network, CancellationToken ct) =>
        TypedResults.Ok(await network.GetPracticeAsync(code, ct));

    internal static async Task<Ok<PartnersView>> GetPartners(NetworkService network, CancellationToken ct) =>
        TypedResults.Ok(await network.GetPartnersAsync(ct));

    internal static async Task<Created<PracticeDetail>> AddPractice(NewPracticeInput input, NetworkService network, CancellationToken ct)
    {
        var practice = await network.AddPracticeAsync(input, ct);
        return TypedResults.Created($"/api/v1/network/practices/{practice.Code}", practice);
    }

    internal static async Task<Ok<PracticeDetail>> UpdatePractice(PracticeCode code, PracticeUpdateInput input, NetworkService network, CancellationToken ct) =>
        TypedResults.Ok(await network.UpdatePracticeAsync(code, input, ct));

    internal static async Task<Ok<PracticeDetail>> AddMembership(PracticeCode code, MembershipInput input, NetworkService network, CancellationToken ct) =>
        TypedResults.Ok(await network.AddMembershipAsync(code, input, ct));

    internal static async Task<Ok<PracticeDetail>> EndMembership(PracticeCode code, EndMembershipInput input, NetworkService network, CancellationToken ct) =>
        TypedResults.Ok(await network.EndMembershipAsync(code, input.LastDay, ct));

    internal static async Task<Ok<PracticeDetail>> RecordListSize(PracticeCode code, ListSizeInput input, NetworkService network, CancellationToken ct) =>
        TypedResults.Ok(await network.RecordListSizeAsync(code, input, ct));

    internal static async Task<Ok<ListSizeRefreshResult>> RefreshListSizes(OnboardingService onboarding, CancellationToken ct) =>
        TypedResults.Ok(new ListSizeRefreshResult(await onboarding.RefreshListSizesAsync(ct)));

    internal static async Task<Created<PartnerView>> AddPartner(PartnerInput input, NetworkService network, CancellationToken ct)
    {
        var partner = await network.AddPartnerAsync(input, ct);
        return TypedResults.Created($"/api/v1/network/partners/{partner.PartnerId}", partner);
    }

    internal static async Task<Ok<PartnerView>> UpdatePartner(Guid partnerId, PartnerInput input, NetworkService network, CancellationToken ct) =>
        TypedResults.Ok(await network.UpdatePartnerAsync(partnerId, input, ct));

    internal static async Task<NoContent> RemovePartner(Guid partnerId, NetworkService network, CancellationToken ct)
    {
        await network.RemovePartnerAsync(partnerId, ct);
        return TypedResults.NoContent();
    }

    internal static async Task<Created<ClinicalDirectorView>> AddClinicalDirector(ClinicalDirectorInput input, NetworkService network, CancellationToken ct)
    {
        var director = await network.AddClinicalDirectorAsync(input, ct);
        return TypedResults.Created($"/api/v1/network/clinical-directors/{director.ClinicalDirectorId}", director);
    }

    internal static async Task<Ok<ClinicalDirectorView>> UpdateClinicalDirector(Guid clinicalDirectorId, ClinicalDirectorInput input, NetworkService network, CancellationToken ct) =>
        TypedResults.Ok(await network.UpdateClinicalDirectorAsync(clinicalDirectorId, input, ct));

    internal static async Task<NoContent> RemoveClinicalDirector(Guid clinicalDirectorId, NetworkService network, CancellationToken ct)
    {
        await network.RemoveClinicalDirectorAsync(clinicalDirectorId, ct);
        return TypedResults.NoContent();
    }

    internal static async Task<NoContent> SetNominatedPayee(NominatedPayeeInput input, NetworkService network, CancellationToken ct)
    {
        await network.SetNominatedPayeeAsync(input, ct);
        return TypedResults.NoContent();
    }

    internal static async Task<NoContent> ClearNominatedPayee(NetworkService network, CancellationToken ct)
    {
        await network.SetNominatedPayeeAsync(null, ct);
        return TypedResults.NoContent();
    }

    internal static async Task<NoContent> RecordPopulationVariation(PopulationVariationInput input, NetworkService network, CancellationToken ct)
    {
        await network.RecordPopulationVariationAsync(input, ct);
        return TypedResults.NoContent();
    }
}

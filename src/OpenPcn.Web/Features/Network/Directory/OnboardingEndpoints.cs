using Microsoft.AspNetCore.Http.HttpResults;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Web.Features.Network.Directory;

public sealed record OnboardingRequest(PcnCode Code, FirstUserInput? FirstUser);

/// <summary>Setting up a real network from the national directory (install-wide administration).</summary>
internal static class OnboardingEndpoints
{
    public static RouteGroupBuilder MapOnboardingEndpoints(this RouteGroupBuilder api)
    {
        var onboarding = api.MapGroup("/onboarding").WithTags("Onboarding").RequireAuthorization(Policies.Administer);
        onboarding.MapGet("/candidates", SearchCandidates).WithName(nameof(SearchCandidates))
            .WithSummary("PCNs in the national directory whose code or name contains q");
        onboarding.MapGet("/candidates/{code}", PreviewOnboarding).WithName(nameof(PreviewOnboarding))
            .WithSummary("What onboarding a PCN would create: practices, latest list sizes, warnings");
        onboarding.MapPost("/", OnboardPcn).WithName(nameof(OnboardPcn)).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a PCN from the directory with its practices, list sizes and first PCN manager");
        return api;
    }

    internal static async Task<Results<Ok<IReadOnlyList<PcnCandidate>>, ValidationProblem>> SearchCandidates(string? q, OnboardingService onboarding, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["Enter at least 2 characters of a PCN's code or name."] });
        }

        return TypedResults.Ok(await onboarding.SearchAsync(q.Trim(), 20, ct));
    }

    internal static async Task<Ok<OnboardingPreview>> PreviewOnboarding(PcnCode code, OnboardingService onboarding, CancellationToken ct) =>
        TypedResults.Ok(await onboarding.PreviewAsync(code, ct));

    internal static async Task<Created<OnboardingResult>> OnboardPcn(OnboardingRequest request, OnboardingService onboarding, CancellationToken ct)
    {
        var result = await onboarding.CreateAsync(request.Code, request.FirstUser, ct);
        return TypedResults.Created($"/api/v1/onboarding/candidates/{result.Code}", result);
    }
}

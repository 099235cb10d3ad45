using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Features.Workforce.Claims;
using OpenPcn.Core.Features.Workforce.Envelope;

namespace OpenPcn.Web.Features.Workforce;

/// <summary>Why a submitted claim is amended.</summary>
internal sealed record AmendClaimRequest(string? Reason);

/// <summary>The amendment lines added (none when nothing differs).</summary>
internal sealed record AmendClaimResult(int LinesAdded, IReadOnlyList<ArrsClaimLine> Lines);

/// <summary>A what-if: the financial year ("2026/27"; default this one) and the changes to apply in memory.</summary>
internal sealed record ScenarioRequest(string? Year, IReadOnlyList<ScenarioChange>? Changes);

/// <summary>Monthly ARRS claims, the envelope and what-if scenarios, over the same services as the pages.</summary>
internal static class ClaimsEndpoints
{
    public static RouteGroupBuilder MapClaimsEndpoints(this RouteGroupBuilder api)
    {
        var workforce = api.MapGroup("/workforce").WithTags("ARRS claims").RequireAuthorization(Policies.ViewWorkforce);
        var claims = workforce.MapGroup("/claims");
        claims.MapGet("/", ListArrsClaims).WithName(nameof(ListArrsClaims)).WithSummary("The network's monthly ARRS claims, latest month first");
        claims.MapGet("/{month}", GetArrsClaim).WithName(nameof(GetArrsClaim))
            .WithSummary("One month's claim (month as 2026-10) with every line's inputs, figures and workings");
        claims.MapPost("/{month}/build", BuildArrsClaim).WithName(nameof(BuildArrsClaim)).RequireAuthorization(Policies.EditWorkforce)
            .WithSummary("Build (or rebuild) the month's draft claim from the ARRS contracts; a submitted claim answers 409");
        claims.MapPost("/{month}/submit", SubmitArrsClaim).WithName(nameof(SubmitArrsClaim)).RequireAuthorization(Policies.EditWorkforce)
            .WithSummary("Submit the draft: from now on its lines are locked");
        claims.MapPost("/{month}/approve", ApproveArrsClaim).WithName(nameof(ApproveArrsClaim)).RequireAuthorization(Policies.EditWorkforce)
            .WithSummary("Record that the commissioner approved the submitted claim");
        claims.MapPost("/{month}/paid", MarkArrsClaimPaid).WithName(nameof(MarkArrsClaimPaid)).RequireAuthorization(Policies.EditWorkforce)
            .WithSummary("Record that the approved claim was paid");
        claims.MapPost("/{month}/amend", AmendArrsClaim).WithName(nameof(AmendArrsClaim)).RequireAuthorization(Policies.EditWorkforce)
            .WithSummary("Amend a submitted claim: adds difference lines (fresh calculation less what was claimed), never edits");
        claims.MapGet("/{month}/export.csv", ExportArrsClaimCsv).WithName(nameof(ExportArrsClaimCsv))
            .WithSummary("The claim as CSV: every input, the figures, the workings and a totals row (audited)");
        claims.MapGet("/{month}/export.xlsx", ExportArrsClaimXlsx).WithName(nameof(ExportArrsClaimXlsx))
            .WithSummary("The claim as an Excel workbook (audited)");

        var envelope = workforce.MapGroup("/envelope");
        envelope.MapGet("/", GetArrsEnvelope).WithName(nameof(GetArrsEnvelope))
            .WithSummary("A financial year's ARRS envelope (rate × weighted population), spend by month, committed spend and headroom");
        envelope.MapPost("/scenario", RunArrsScenario).WithName(nameof(RunArrsScenario))
            .WithSummary("The same figures with a what-if scenario applied in memory (nothing is saved)");
        return api;
    }

    internal static async Task<Ok<IReadOnlyList<ArrsClaimSummary>>> ListArrsClaims(ArrsClaimService claims, CancellationToken ct) =>
        TypedResults.Ok(await claims.ListAsync(ct));

    internal static async Task<Ok<ArrsClaim>> GetArrsClaim(string month, ArrsClaimService claims, CancellationToken ct) =>
        TypedResults.Ok(await claims.GetAsync(ArrsClaimService.ParseMonth(month), ct));

    internal static async Task<Ok<ArrsClaim>> BuildArrsClaim(string month, ArrsClaimService claims, CancellationToken ct)
    {
        var m = ArrsClaimService.ParseMonth(month);
        await claims.BuildAsync(m, ct);
        return TypedResults.Ok(await claims.GetAsync(m, ct));
    }

    internal static async Task<Ok<ArrsClaimSummary>> SubmitArrsClaim(string month, ArrsClaimService claims, CancellationToken ct) =>
        TypedResults.Ok(Summary(await claims.SubmitAsync(ArrsClaimService.ParseMonth(month), ct)));

    internal static async Task<Ok<ArrsClaimSummary>> ApproveArrsClaim(string month, ArrsClaimService claims, CancellationToken ct) =>
        TypedResults.Ok(Summary(await claims.ApproveAsync(ArrsClaimService.ParseMonth(month), ct)));

    internal static async Task<Ok<ArrsClaimSummary>> MarkArrsClaimPaid(string month, ArrsClaimService claims, CancellationToken ct) =>
        TypedResults.Ok(Summary(await claims.MarkPaidAsync(ArrsClaimService.ParseMonth(month), ct)));

    internal static async Task<Ok<AmendClaimResult>> AmendArrsClaim(string month, AmendClaimRequest request, ArrsClaimService claims, CancellationToken ct)
    {
        var added = await claims.AmendAsync(ArrsClaimService.ParseMonth(month), request.Reason, ct);
        return TypedResults.Ok(new AmendClaimResult(added.Count, added));
    }

    internal static Task<FileContentHttpResult> ExportArrsClaimCsv(string month, ArrsClaimService claims, CancellationToken ct) =>
        Export(claims, month, ClaimExportFormat.Csv, ct);

    internal static Task<FileContentHttpResult> ExportArrsClaimXlsx(string month, ArrsClaimService claims, CancellationToken ct) =>
        Export(claims, month, ClaimExportFormat.Xlsx, ct);

    internal static async Task<Ok<ArrsEnvelope>> GetArrsEnvelope(string? year, ArrsEnvelopeService envelope, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await envelope.GetAsync(Year(year, clock), null, ct));

    internal static async Task<Ok<ArrsEnvelope>> RunArrsScenario(ScenarioRequest request, ArrsEnvelopeService envelope, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await envelope.GetAsync(Year(request.Year, clock), request.Changes ?? [], ct));

    /// <summary>"2026/27", or the financial year of today in England when none is given.</summary>
    internal static FinancialYear Year(string? text, TimeProvider clock) =>
        string.IsNullOrWhiteSpace(text) ? FinancialYear.Of(clock.TodayInEngland())
        : FinancialYear.TryParse(text, CultureInfo.InvariantCulture, out var year) ? year
        : throw new RuleViolationException("Year", $"'{text}' is not a financial year like 2026/27.");

    private static ArrsClaimSummary Summary(ArrsClaim c) => new(c.Month, c.Status, c.Lines.Count(l => !l.IsAmendment), c.Lines.Count(l => l.IsAmendment),
        c.TotalActualCost, c.TotalReimbursable, c.BuiltAt, c.SubmittedAt);

    private static async Task<FileContentHttpResult> Export(ArrsClaimService claims, string month, ClaimExportFormat format, CancellationToken ct)
    {
        var file = await claims.ExportAsync(ArrsClaimService.ParseMonth(month), format, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;

namespace OpenPcn.Core.Features.Workforce;

public sealed partial class WorkforceService
{
    /// <summary>The recruitment pipeline: planned posts by expected start (withdrawn ones last).</summary>
    public async Task<IReadOnlyList<PlannedPostView>> ListPlannedPostsAsync(CancellationToken ct = default)
    {
        var posts = await db.Set<PlannedPost>().AsNoTracking().ToListAsync(ct);
        var rates = await networkRates.GetAsync(ct);
        return [.. posts.OrderBy(p => p.Stage == PlannedPostStage.Withdrawn).ThenBy(p => p.ExpectedStart).Select(p => PostView(p, rates))];
    }

    /// <summary>One planned post.</summary>
    public async Task<PlannedPostView> GetPlannedPostAsync(Guid plannedPostId, CancellationToken ct = default)
    {
        var post = await db.Set<PlannedPost>().AsNoTracking().SingleOrDefaultAsync(p => p.PlannedPostId == plannedPostId, ct) ?? throw NoPost();
        return PostView(post, await networkRates.GetAsync(ct));
    }

    /// <summary>Adds a planned post at the Vacancy stage.</summary>
    public async Task<PlannedPostView> AddPlannedPostAsync(PlannedPostInput input, CancellationToken ct = default)
    {
        var pcnId = scope.PcnId ?? throw new InvalidOperationException("Planned posts belong to a network.");
        await RequireRoleAsync(input.Role, ct);
        var post = new PlannedPost(pcnId, Guid.NewGuid(), input.Role, input.Wte, input.Practices, input.ExpectedStart, input.ExpectedAnnualCost, input.Notes);
        db.Add(post);
        audit.Record("workforce.planned-post.added", post.PlannedPostId.ToString(), Describe(post));
        await db.SaveChangesAsync(ct);
        return await GetPlannedPostAsync(post.PlannedPostId, ct);
    }

    /// <summary>Changes a planned post's role, hours, practices, expected start and cost, and notes.</summary>
    public async Task<PlannedPostView> ChangePlannedPostAsync(Guid plannedPostId, PlannedPostInput input, CancellationToken ct = default)
    {
        var post = await db.Set<PlannedPost>().SingleOrDefaultAsync(p => p.PlannedPostId == plannedPostId, ct) ?? throw NoPost();
        await RequireRoleAsync(input.Role, ct);
        post.Change(input.Role, input.Wte, input.Practices, input.ExpectedStart, input.ExpectedAnnualCost, input.Notes);
        audit.Record("workforce.planned-post.changed", plannedPostId.ToString(), Describe(post));
        await db.SaveChangesAsync(ct);
        return await GetPlannedPostAsync(plannedPostId, ct);
    }

    /// <summary>
    /// Moves a planned post forward (Vacancy → Advertised → Offered → Started) or withdraws it. Started names the
    /// contract the post became (a contract of the network).
    /// </summary>
    public async Task<PlannedPostView> MovePlannedPostAsync(Guid plannedPostId, PlannedPostStage stage, Guid? contractId, CancellationToken ct = default)
    {
        var post = await db.Set<PlannedPost>().SingleOrDefaultAsync(p => p.PlannedPostId == plannedPostId, ct) ?? throw NoPost();
        if (stage == PlannedPostStage.Started && contractId is { } id && !await db.Set<StaffContract>().AnyAsync(c => c.ContractId == id, ct))
        {
            throw new RuleViolationException(nameof(PlannedPost.ContractId), "Choose a contract of the network's staff.");
        }

        post.MoveTo(stage, contractId);
        audit.Record(stage == PlannedPostStage.Withdrawn ? "workforce.planned-post.withdrawn" : "workforce.planned-post.advanced", plannedPostId.ToString(),
            contractId is null ? stage.ToString() : $"{stage}: contract {contractId}");
        await db.SaveChangesAsync(ct);
        return await GetPlannedPostAsync(plannedPostId, ct);
    }

    /// <summary>Deletes a planned post entered by mistake (a post no longer wanted is withdrawn instead).</summary>
    public async Task DeletePlannedPostAsync(Guid plannedPostId, CancellationToken ct = default)
    {
        var post = await db.Set<PlannedPost>().SingleOrDefaultAsync(p => p.PlannedPostId == plannedPostId, ct) ?? throw NoPost();
        db.Remove(post);
        audit.Record("workforce.planned-post.deleted", plannedPostId.ToString(), Describe(post));
        await db.SaveChangesAsync(ct);
    }

    private async Task RequireRoleAsync(string? role, CancellationToken ct)
    {
        var code = role?.Trim() ?? string.Empty;
        if (code.Length > 0 && (await networkRates.GetAsync(ct)).Role(code) is null && WorkforceRoles.Other.All(r => r.Code != code))
        {
            throw new RuleViolationException(nameof(PlannedPostInput.Role), $"'{code}' is an unknown role: choose one of the rate book's roles.");
        }
    }

    private static PlannedPostView PostView(PlannedPost p, Finance.Rates.RateBook rates) =>
        new(p.PlannedPostId, p.Role, WorkforceRoles.NameOf(rates, p.Role), p.Wte, p.Practices, p.ExpectedStart, p.ExpectedAnnualCost, p.Stage, p.Notes, p.ContractId);

    private static string Describe(PlannedPost p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Role} {p.Wte:0.####} WTE from {p.ExpectedStart:yyyy-MM-dd}, expected {p.ExpectedAnnualCost} a year, {p.Stage}");

    private static NotFoundException NoPost() => new("There is no such planned post in your network.");
}

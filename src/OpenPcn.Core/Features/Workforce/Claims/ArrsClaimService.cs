using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Workforce.Claims;

/// <summary>A claim in a list: month, status and totals.</summary>
public sealed record ArrsClaimSummary(DateOnly Month, ArrsClaimStatus Status, int Lines, int Amendments, Money TotalActualCost, Money TotalReimbursable,
    DateTimeOffset BuiltAt, DateTimeOffset? SubmittedAt)
{
    public string MonthKey => Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>
/// Monthly ARRS claims: build (or rebuild) a draft from the contracts, submit (which locks it), approve, record payment,
/// amend a submitted claim by adding difference lines, and export. Every change is audited (<c>claims.*</c>).
/// </summary>
public sealed partial class ArrsClaimService(PcnDbContext db, NetworkRates networkRates, TenantScope scope, AuditLog audit, TimeProvider clock)
{
    public const string BuildAction = "claims.build";
    public const string SubmitAction = "claims.submit";
    public const string ApproveAction = "claims.approve";
    public const string PaidAction = "claims.paid";
    public const string AmendAction = "claims.amend";
    public const string ExportAction = "claims.export";

    /// <summary>Reads "2026-10" as 1 October 2026.</summary>
    public static bool TryParseMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact((text ?? string.Empty).Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month)
        && month.Year is >= 2000 and <= 2100;

    /// <summary>Reads a month or refuses it as a rule violation on <c>Month</c>.</summary>
    public static DateOnly ParseMonth(string? text) =>
        TryParseMonth(text, out var month) ? month : throw new RuleViolationException("Month", $"'{text}' is not a month like 2026-10.");

    public async Task<IReadOnlyList<ArrsClaimSummary>> ListAsync(CancellationToken ct = default)
    {
        var claims = await db.Set<ArrsClaim>().AsNoTracking().Include(c => c.Lines).ToListAsync(ct);
        return claims.OrderByDescending(c => c.Month).Select(c => new ArrsClaimSummary(c.Month, c.Status, c.Lines.Count(l => !l.IsAmendment),
            c.Lines.Count(l => l.IsAmendment), c.TotalActualCost, c.TotalReimbursable, c.BuiltAt, c.SubmittedAt)).ToList();
    }

    /// <summary>The claim for <paramref name="month"/> with its lines in order, or null if none was built.</summary>
    public async Task<ArrsClaim?> FindAsync(DateOnly month, CancellationToken ct = default)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var claim = await db.Set<ArrsClaim>().AsNoTracking().Include(c => c.Lines).SingleOrDefaultAsync(c => c.Month == first, ct);
        return claim;
    }

    public async Task<ArrsClaim> GetAsync(DateOnly month, CancellationToken ct = default) =>
        await FindAsync(month, ct) ?? throw new NotFoundException(string.Create(CultureInfo.InvariantCulture, $"There is no ARRS claim for {month:MMMM yyyy}."));

    /// <summary>
    /// Builds the draft claim for <paramref name="month"/> from the contracts — one line per ARRS contract in post on
    /// any day of the month — or rebuilds an existing draft. A submitted claim is refused (409): amend it instead.
    /// </summary>
    public async Task<ArrsClaim> BuildAsync(DateOnly month, CancellationToken ct = default)
    {
        var pcnId = scope.PcnId ?? throw new InvalidOperationException("A claim belongs to a network.");
        var first = new DateOnly(month.Year, month.Month, 1);
        try
        {
            return await BuildInTransactionAsync(pcnId, first, ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException(string.Create(CultureInfo.InvariantCulture,
                $"The claim for {first:MMMM yyyy} was built by someone else at the same moment; open it and try again."));
        }
    }

    private async Task<ArrsClaim> BuildInTransactionAsync(int pcnId, DateOnly first, CancellationToken ct)
    {
        // The old lines go and the new ones come in one transaction: a rebuild never leaves a claim half-built.
        var actor = await ActorNames.CurrentAsync(db, scope, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claim = await db.Set<ArrsClaim>().Include(c => c.Lines).SingleOrDefaultAsync(c => c.Month == first, ct);
        var rebuilt = claim is not null;
        if (claim is null)
        {
            claim = new ArrsClaim(pcnId, Guid.CreateVersion7(clock.GetUtcNow()), first);
            db.Add(claim);
        }
        else if (claim.IsLocked)
        {
            claim.Rebuild([], clock.GetUtcNow(), actor); // throws the conflict
        }

        var now = clock.GetUtcNow();
        var number = 1;
        var lines = new List<ArrsClaimLine>();
        foreach (var (staff, contract, workings, roleName) in await CalculateAsync(first, ct))
        {
            lines.Add(new ArrsClaimLine(pcnId, claim.ClaimId, number++, contract.ContractId, staff.StaffMemberId, staff.Name, roleName, workings, now, actor));
        }

        if (rebuilt)
        {
            // Old lines go first so that the new ones (same keys) are inserts, not a clash in the change tracker.
            db.RemoveRange(claim.Lines);
            await db.SaveChangesAsync(ct);
        }

        claim.Rebuild(lines, now, actor);
        audit.Record(BuildAction, $"ARRS claim {claim.MonthKey}",
            string.Create(CultureInfo.InvariantCulture, $"{(rebuilt ? "rebuilt" : "built")}: {lines.Count} lines, reimbursable {claim.TotalReimbursable}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return claim;
    }

    public Task<ArrsClaim> SubmitAsync(DateOnly month, CancellationToken ct = default) =>
        ChangeAsync(month, SubmitAction, (c, at, by) => c.Submit(at, by), ct);

    public Task<ArrsClaim> ApproveAsync(DateOnly month, CancellationToken ct = default) =>
        ChangeAsync(month, ApproveAction, (c, at, by) => c.Approve(at, by), ct);

    public Task<ArrsClaim> MarkPaidAsync(DateOnly month, CancellationToken ct = default) =>
        ChangeAsync(month, PaidAction, (c, at, by) => c.MarkPaid(at, by), ct);

    /// <summary>
    /// Amends a submitted claim (not yet approved): recalculates each ARRS contract for the month and adds a line for each
    /// contract whose fresh figures differ from what its lines already claim (the difference, with
    /// <paramref name="reason"/>). Nothing already on the claim is changed. Returns the lines added (none if nothing differs).
    /// </summary>
    public async Task<IReadOnlyList<ArrsClaimLine>> AmendAsync(DateOnly month, string? reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 400)
        {
            throw new RuleViolationException("Reason", "Say why the claim is amended (up to 400 characters).");
        }

        var actor = await ActorNames.CurrentAsync(db, scope, ct);
        var claim = await RequireTrackedAsync(month, ct);
        if (!claim.IsLocked)
        {
            throw new ConflictException("This claim is still a draft: rebuild it rather than amend it.");
        }

        var now = clock.GetUtcNow();
        var number = claim.NextLineNumber();
        var added = new List<ArrsClaimLine>();
        var fresh = await CalculateAsync(claim.Month, ct);
        var contracts = fresh.Select(f => f.Contract.ContractId).Concat(claim.Lines.Select(l => l.ContractId)).Distinct().ToList();
        foreach (var contractId in contracts)
        {
            var before = claim.Lines.Where(l => l.ContractId == contractId).ToList();
            (Money Actual, Money Maximum, Money Reimbursable) claimed =
                (Money.Sum(before.Select(l => l.ActualCost)), Money.Sum(before.Select(l => l.Maximum)), Money.Sum(before.Select(l => l.Reimbursable)));
            var current = fresh.FirstOrDefault(f => f.Contract.ContractId == contractId);
            if (current.Workings is null)
            {
                // A contract claimed before that no longer touches the month (dates corrected): claim it back to nothing.
                var original = before[0];
                var zero = new ClaimWorkings(new ContractTerms(original.Role, original.Region, original.Wte, original.AnnualSalary, original.AnnualEmployerNi,
                    original.AnnualEmployerPension, original.ContractStart, original.ContractEnd), claim.Month, original.DaysInMonth, 0, Money.Zero, [], Money.Zero,
                    Money.Zero, "No longer in post in this month.");
                if (claimed.Reimbursable != Money.Zero || claimed.Actual != Money.Zero)
                {
                    added.Add(ArrsClaimLine.Amendment(claim.PcnId, claim.ClaimId, number++, contractId, original.StaffMemberId, original.StaffName, original.RoleName,
                        zero, claimed, original.LineNumber, reason.Trim(), now, actor));
                }

                continue;
            }

            var w = current.Workings;
            if (w.ActualCost == claimed.Actual && w.Maximum == claimed.Maximum && w.Reimbursable == claimed.Reimbursable)
            {
                continue;
            }

            added.Add(ArrsClaimLine.Amendment(claim.PcnId, claim.ClaimId, number++, contractId, current.Staff.StaffMemberId, current.Staff.Name, current.RoleName, w, claimed,
                before.FirstOrDefault(l => !l.IsAmendment)?.LineNumber, reason.Trim(), now, actor));
        }

        if (added.Count > 0)
        {
            claim.Amend(added);
            foreach (var line in added)
            {
                db.Add(line);
            }

            audit.Record(AmendAction, $"ARRS claim {claim.MonthKey}", string.Create(CultureInfo.InvariantCulture,
                $"{added.Count} amendment lines, difference {Money.Sum(added.Select(l => l.Reimbursable))}: {reason.Trim()}"));
            await SaveOrConflictAsync(claim, ct);
        }

        return added;
    }

    private async Task<ArrsClaim> ChangeAsync(DateOnly month, string action, Action<ArrsClaim, DateTimeOffset, string> change, CancellationToken ct)
    {
        var actor = await ActorNames.CurrentAsync(db, scope, ct);
        var claim = await RequireTrackedAsync(month, ct);
        change(claim, clock.GetUtcNow(), actor);
        audit.Record(action, $"ARRS claim {claim.MonthKey}",
            string.Create(CultureInfo.InvariantCulture, $"{claim.Status.ToString().ToLowerInvariant()}: reimbursable {claim.TotalReimbursable}"));
        await SaveOrConflictAsync(claim, ct);
        return claim;
    }

    /// <summary>Saves, or answers 409 when someone changed the claim (its status, or its line numbers) meanwhile.</summary>
    private async Task SaveOrConflictAsync(ArrsClaim claim, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException(string.Create(CultureInfo.InvariantCulture,
                $"The claim for {claim.Month:MMMM yyyy} was changed by someone else at the same moment; open it again and check."));
        }
    }

    private async Task<ArrsClaim> RequireTrackedAsync(DateOnly month, CancellationToken ct)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        return await db.Set<ArrsClaim>().Include(c => c.Lines).SingleOrDefaultAsync(c => c.Month == first, ct)
            ?? throw new NotFoundException(string.Create(CultureInfo.InvariantCulture, $"There is no ARRS claim for {first:MMMM yyyy}: build it first."));
    }

    /// <summary>Each ARRS contract touching the month with its workings, by person's name.</summary>
    private async Task<List<(StaffMember Staff, StaffContract Contract, ClaimWorkings Workings, string RoleName)>> CalculateAsync(DateOnly first, CancellationToken ct)
    {
        var rates = await networkRates.GetAsync(ct);
        var last = first.AddMonths(1).AddDays(-1);
        var staff = await db.Set<StaffMember>().AsNoTracking().Include(s => s.Contracts).ToListAsync(ct);
        return staff.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .SelectMany(s => s.Contracts.Where(c => c.IsArrs && c.Start <= last && (c.End is null || c.End >= first)).OrderBy(c => c.Start)
                .Select(c => (s, c, ArrsClaimCalculator.Calculate(c.Terms, first, rates, c.AdditionalityConfirmed), rates.Role(c.Role)?.Name ?? c.Role)))
            .ToList();
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Features.Workforce.Claims;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Finance;

/// <summary>
/// A stream on a practice's statement: what the network received and expected (with the entitlement's workings: rate,
/// populations on the census date, formula), the rule, and the practice's shares.
/// </summary>
public sealed record StatementStream(FundingStream Stream, Money Received, Money Expected, string Rule, PracticeShare? Share, PracticeShare? ExpectedShare,
    string? Problem, string ExpectedWorkings = "", bool UsesUncheckedRate = false)
{
    public Money Amount => Share?.Total ?? Money.Zero;
}

/// <summary>
/// ARRS reimbursement for a member of staff the practice employs: the month's submitted claim lines (amendments
/// included) when there is one, otherwise the calculator's forecast from the contract.
/// </summary>
public sealed record StatementArrsLine(string StaffName, string Role, Money Reimbursable, string Workings, bool UsesUncheckedRate);

/// <summary>A practice's statement for a month: each stream's share, ARRS for its own staff, recharges, and the total due.</summary>
public sealed record Statement(PracticeCode Practice, string PracticeName, DateOnly Month, IReadOnlyList<StatementStream> Streams,
    IReadOnlyList<StatementArrsLine> Arrs, string ArrsSource, IReadOnlyList<RechargeLine> Receivable, IReadOnlyList<RechargeLine> Payable)
{
    public Money StreamsTotal => Money.Sum(Streams.Select(s => s.Amount));

    public Money ArrsTotal => Money.Sum(Arrs.Select(a => a.Reimbursable));

    public Money ReceivableTotal => Money.Sum(Receivable.Select(r => r.Amount));

    public Money PayableTotal => Money.Sum(Payable.Select(r => r.Amount));

    /// <summary>Streams + ARRS + recharges receivable − recharges payable.</summary>
    public Money TotalDue => StreamsTotal + ArrsTotal + ReceivableTotal - PayableTotal;
}

/// <summary>
/// Statements per practice per month. A practice manager sees only their own practice's (any other is not found).
/// Shares depend on every practice's list, so the figures are worked over the whole network even for a practice
/// manager; only the one statement is returned. Viewing and exporting are audited.
/// </summary>
public sealed partial class StatementService(
    PcnDbContext db, TenantScope scope, AuditLog audit, NetworkRates networkRates, EntitlementService entitlements, DistributionService distribution,
    RechargeService recharges)
{
    public const string ViewAction = "finance.statement.view";
    public const string ExportAction = "finance.statement.export";

    public async Task<Statement> GetAsync(PracticeCode practice, DateOnly month, CancellationToken ct = default)
    {
        var statement = await BuildAsync(practice, month, ct);
        audit.Record(ViewAction, $"{practice} {statement.Month:yyyy-MM}");
        await db.SaveChangesAsync(ct);
        return statement;
    }

    /// <summary>The practices the caller may see statements for (a practice manager: their own).</summary>
    public async Task<IReadOnlyList<(PracticeCode Code, string Name)>> PracticesAsync(CancellationToken ct = default) =>
        (await db.Practices.AsNoTracking().OrderBy(p => p.PracticeCode).Select(p => new { p.PracticeCode, p.Name }).ToListAsync(ct))
        .Select(p => (p.PracticeCode, p.Name)).ToList();

    internal async Task<Statement> BuildAsync(PracticeCode practice, DateOnly month, CancellationToken ct)
    {
        var m = FundingStreams.SaneMonth(month);
        if (scope.PracticeCode is { } own && own != practice)
        {
            throw new NotFoundException($"There is no statement for practice {practice}.");
        }

        var pcnId = scope.PcnId ?? throw new InvalidOperationException("Statements belong to a network.");
        var narrowed = scope.PracticeCode;
        scope.SetPcn(pcnId);
        try
        {
            return await ComputeAsync(practice, m, ct);
        }
        finally
        {
            scope.SetPcn(pcnId, narrowed);
        }
    }

    private async Task<Statement> ComputeAsync(PracticeCode practice, DateOnly month, CancellationToken ct)
    {
        var name = await db.Practices.AsNoTracking().Where(p => p.PracticeCode == practice).Select(p => p.Name).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"There is no statement for practice {practice}.");
        var expected = await entitlements.ForYearAsync(FinancialYear.Of(month), ct);
        var streams = new List<StatementStream>();
        foreach (var dist in await distribution.ForMonthAsync(month, ct))
        {
            var inputs = await distribution.InputsAsync(dist.Stream, month, ct);
            var expectedAmount = expected.Cell(dist.Stream, month);
            var cell = expected.Cells.FirstOrDefault(c => c.Stream == dist.Stream && c.Month == FundingStreams.MonthOf(month));
            var expectedWorkings = cell is null ? "No entitlement worked for this month." : string.Create(CultureInfo.InvariantCulture,
                $"{cell.Workings} (populations on the census date, {expected.Census:d MMM yyyy}){(cell.Problem is null ? string.Empty : $"; {cell.Problem}")}");
            var expectedDist = DistributionService.Distribute(dist.Stream, month, expectedAmount, dist.Rule, inputs);
            streams.Add(new StatementStream(dist.Stream, dist.Amount, expectedAmount, dist.Rule.Describe(),
                dist.Shares.FirstOrDefault(s => s.Practice == practice), expectedDist.Shares.FirstOrDefault(s => s.Practice == practice),
                dist.Amount == Money.Zero ? "Nothing received yet for this month." : dist.Problem, expectedWorkings, cell?.UsesUncheckedRate ?? false));
        }

        var rates = await networkRates.GetAsync(ct);
        var period = new EffectivePeriod(month, month.AddMonths(1).AddDays(-1));
        var staff = await db.Set<StaffMember>().AsNoTracking().Include(s => s.Contracts).ToListAsync(ct);
        var claim = await db.Set<ArrsClaim>().AsNoTracking().Include(c => c.Lines).SingleOrDefaultAsync(c => c.Month == month, ct);
        List<StatementArrsLine> arrs;
        string arrsSource;
        if (claim is { IsLocked: true })
        {
            // What was claimed, amendments included: the statement agrees with the claim, whatever the contracts say now.
            var employed = staff.SelectMany(s => s.Contracts).Where(c => c.EmployerPractice == practice).Select(c => c.ContractId).ToHashSet();
            arrs = claim.Lines.Where(l => employed.Contains(l.ContractId)).GroupBy(l => l.ContractId)
                .Select(g => new StatementArrsLine(g.First().StaffName, g.First().RoleName, Money.Sum(g.Select(l => l.Reimbursable)),
                    string.Join(" ", g.OrderBy(l => l.LineNumber).Select(l => string.Create(CultureInfo.InvariantCulture,
                        $"Claim line {l.LineNumber}{(l.IsAmendment ? $" (amendment: {l.Reason})" : string.Empty)}: {l.Workings}"))),
                    g.Any(l => l.UsesUncheckedRate)))
                .OrderBy(a => a.StaffName, StringComparer.OrdinalIgnoreCase).ToList();
            arrsSource = string.Create(CultureInfo.InvariantCulture, $"from the {month:MMMM yyyy} claim, {claim.Status.ToString().ToLowerInvariant()}");
        }
        else
        {
            arrs = staff.SelectMany(s => s.Contracts.Where(c => c.IsArrs && c.EmployerPractice == practice && c.Period.Overlaps(period))
                    .Select(c => (s.Name, Work: ArrsClaimCalculator.Calculate(c.Terms, month, rates, c.AdditionalityConfirmed), c.Role)))
                .OrderBy(x => x.Name)
                .Select(x => new StatementArrsLine(x.Name, rates.Role(x.Role)?.Name ?? x.Role, x.Work.Reimbursable, x.Work.Explain(), x.Work.UsesUncheckedRate))
                .ToList();
            arrsSource = "forecast from contracts: no submitted claim for this month yet";
        }

        var shared = await recharges.ForMonthAsync(month, ct);
        return new Statement(practice, name, month, streams, arrs, arrsSource,
            shared.Where(r => r.EmployerPractice == practice && r.Payer != practice).ToList(),
            shared.Where(r => r.Payer == practice && r.EmployerPractice != practice).ToList());
    }
}

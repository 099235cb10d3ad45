using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Finance;

/// <summary>A payment to record (a negative amount needs a reason).</summary>
public sealed record PaymentInput(string Stream, DateOnly ForMonth, Money Amount, DateOnly ReceivedOn, string? Reference, string? Reason = null);

/// <summary>Received against expected for one stream and month: variance = received − expected.</summary>
public sealed record Variance(FundingStream Stream, DateOnly Month, Money Expected, Money Received)
{
    public Money Difference => Received - Expected;
}

/// <summary>
/// The payments ledger: what the network's payee received per stream and month. Entries are added, never edited;
/// a correction is a new signed entry with a reason. Every entry is audited.
/// </summary>
public sealed partial class PaymentLedger(PcnDbContext db, TenantScope scope, AuditLog audit, TimeProvider clock, EntitlementService entitlements)
{
    public const string RecordAction = "finance.payment.record";
    public const string CorrectAction = "finance.payment.correct";

    public async Task<PaymentReceived> RecordAsync(PaymentInput input, CancellationToken ct = default)
    {
        var stream = FundingStreams.Parse(input.Stream);
        var entry = new PaymentReceived(PcnId, Guid.NewGuid(), stream, input.ForMonth, input.Amount, input.ReceivedOn, input.Reference, input.Reason, null,
            scope.ActorId ?? "system", clock.GetUtcNow());
        db.Add(entry);
        audit.Record(RecordAction, $"{FundingStreams.Code(stream)} {entry.ForMonth:yyyy-MM}", $"{entry.Amount} received {entry.ReceivedOn:yyyy-MM-dd} ref {entry.Reference}");
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Adds a signed correction to <paramref name="paymentId"/> (same stream and month), with a reason.</summary>
    public async Task<PaymentReceived> CorrectAsync(Guid paymentId, Money amount, DateOnly receivedOn, string reason, CancellationToken ct = default)
    {
        var original = await db.Set<PaymentReceived>().AsNoTracking().FirstOrDefaultAsync(p => p.PaymentId == paymentId, ct)
            ?? throw new NotFoundException("There is no such payment in this network.");
        var entry = new PaymentReceived(PcnId, Guid.NewGuid(), original.Stream, original.ForMonth, amount, receivedOn, original.Reference, reason, paymentId,
            scope.ActorId ?? "system", clock.GetUtcNow());
        db.Add(entry);
        audit.Record(CorrectAction, $"{FundingStreams.Code(original.Stream)} {original.ForMonth:yyyy-MM}", $"{amount} correcting {paymentId}: {entry.Reason}");
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public async Task<IReadOnlyList<PaymentReceived>> ListAsync(FinancialYear year, CancellationToken ct = default) =>
        (await db.Set<PaymentReceived>().AsNoTracking().Where(p => p.ForMonth >= year.Start && p.ForMonth <= year.End).ToListAsync(ct))
        .OrderBy(p => p.ForMonth).ThenBy(p => p.Stream).ThenBy(p => p.RecordedAt).ToList();

    /// <summary>The net received for a stream and month (all entries, corrections included).</summary>
    public async Task<Money> ReceivedAsync(FundingStream stream, DateOnly month, CancellationToken ct = default)
    {
        var m = FundingStreams.MonthOf(month);
        var amounts = await db.Set<PaymentReceived>().AsNoTracking().Where(p => p.Stream == stream && p.ForMonth == m).Select(p => p.Amount).ToListAsync(ct);
        return Money.Sum(amounts);
    }

    /// <summary>Expected, received and variance for every stream and month of the year.</summary>
    public async Task<IReadOnlyList<Variance>> VariancesAsync(FinancialYear year, CancellationToken ct = default)
    {
        var expected = await entitlements.ForYearAsync(year, ct);
        var payments = await ListAsync(year, ct);
        return FundingStreams.All.SelectMany(s => year.Months.Select(m => new Variance(s, m, expected.Cell(s, m),
            Money.Sum(payments.Where(p => p.Stream == s && p.ForMonth == m).Select(p => p.Amount))))).ToList();
    }

    private int PcnId => scope.PcnId ?? throw new InvalidOperationException("Payments belong to a network.");
}

using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Finance.Rates;

/// <summary>The rates of the current network: the shipped <see cref="RateBook"/> with the network's own figures over it.</summary>
public sealed class NetworkRates(PcnDbContext db, TenantScope scope, AuditLog audit, TimeProvider clock)
{
    private static readonly Lazy<RateBook> Shipped = new(RateBook.LoadShipped);

    /// <summary>The rates shipped with OpenPCN, unchanged.</summary>
    public static RateBook ShippedRates => Shipped.Value;

    public async Task<RateBook> GetAsync(CancellationToken ct = default)
    {
        // In the order entered: a later figure for the same rate and date corrects an earlier one.
        var overrides = await db.Set<RateOverride>().AsNoTracking().OrderBy(o => o.EnteredAt).ToListAsync(ct);
        return ShippedRates.With(
            overrides.Where(o => o.Role is not null).Select(o => new ArrsMaximum(o.Role!, o.Region!.Value, o.EffectiveFrom, Money.FromPounds(o.Pounds), false,
                $"entered by {o.EnteredBy} on {o.EnteredAt:d MMM yyyy}: {o.Reason}")),
            overrides.Where(o => o.Rate is not null).Select(o =>
            {
                var shipped = ShippedRates.Rates.FirstOrDefault(r => r.Rate == o.Rate);
                return new PaymentRate(o.Rate!, shipped?.Name ?? o.Rate!, shipped?.Per ?? string.Empty, o.EffectiveFrom, o.Pounds, false,
                    $"entered by {o.EnteredBy} on {o.EnteredAt:d MMM yyyy}: {o.Reason}");
            }));
    }

    public async Task<IReadOnlyList<RateOverride>> OverridesAsync(CancellationToken ct = default) =>
        await db.Set<RateOverride>().AsNoTracking().OrderBy(o => o.EffectiveFrom).ToListAsync(ct);

    /// <summary>Records the network's own figure for an ARRS maximum (role and region) or a payment rate, audited.</summary>
    public async Task<RateOverride> OverrideAsync(string? role, ArrsRegion? region, string? rate, DateOnly effectiveFrom, decimal pounds, string reason,
        CancellationToken ct = default)
    {
        if (role is not null && ShippedRates.Role(role) is null)
        {
            throw new RuleViolationException(nameof(RateOverride.Role), $"There is no ARRS role '{role}'.");
        }

        if (rate is not null && ShippedRates.Rates.All(r => r.Rate != rate))
        {
            throw new RuleViolationException(nameof(RateOverride.Rate), $"There is no payment rate '{rate}'.");
        }

        var pcnId = scope.PcnId ?? throw new InvalidOperationException("Rates belong to a network.");
        var entry = new RateOverride(pcnId, Guid.NewGuid(), role, region, rate, effectiveFrom, pounds, reason, scope.ActorId ?? "system", clock.GetUtcNow());
        db.Add(entry);
        audit.Record("rates.override", role is null ? $"rate {rate}" : $"ARRS {role} {region}", $"from {effectiveFrom:yyyy-MM-dd}: £{pounds}");
        await db.SaveChangesAsync(ct);
        return entry;
    }
}

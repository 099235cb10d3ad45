using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network;

/// <summary>
/// A practice belongs to one PCN at any date. This is the one place that reads other networks' rows: it returns only
/// the clashing network's code and name. Demo networks are left out (their practices are fictional).
/// </summary>
internal static class OnePcnPerPractice
{
    /// <summary>
    /// Refuses when any of <paramref name="wanted"/> (practice → the membership period about to be recorded) overlaps
    /// that practice's membership of another real network. <paramref name="ownPcnId"/> is the network being changed
    /// (0 for one not created yet).
    /// </summary>
    public static async Task EnsureAsync(PcnDbContext db, int ownPcnId, IReadOnlyDictionary<PracticeCode, EffectivePeriod> wanted, CancellationToken ct)
    {
        var codes = wanted.Keys.ToList();
        var others = await db.PracticeMemberships.IgnoreQueryFilters()
            .Where(m => codes.Contains(m.PracticeCode) && m.PcnId != ownPcnId)
            .Join(db.Pcns.IgnoreQueryFilters().Where(p => !p.IsDemo), m => m.PcnId, p => p.PcnId,
                (m, p) => new { m.PracticeCode, m.StartDate, m.EndDate, p.Code, p.Name })
            .ToListAsync(ct);
        var clashes = others
            .Where(o => new EffectivePeriod(o.StartDate, o.EndDate).Overlaps(wanted[o.PracticeCode]))
            .OrderBy(o => o.PracticeCode.Value, StringComparer.Ordinal)
            .Select(o => $"{o.PracticeCode} is a member of {o.Name} ({o.Code}) {new EffectivePeriod(o.StartDate, o.EndDate)}.")
            .ToList();
        if (clashes.Count > 0)
        {
            throw new ConflictException(string.Join(" ", clashes) +
                " A practice belongs to one PCN at any date: end that membership in the other network first.");
        }
    }
}

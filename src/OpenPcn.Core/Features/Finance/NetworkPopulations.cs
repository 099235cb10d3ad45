using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Finance;

/// <summary>A member practice's populations used for a payment: the latest list size on or before the census date.</summary>
public sealed record PracticePopulation(PracticeCode Practice, string Name, DateOnly? CensusDate, int Registered, decimal Weighted, decimal Adjusted,
    string Source, bool WeightedKnown, bool AdjustedKnown);

/// <summary>The network's populations on a census date, practice by practice, as payments and the ARRS envelope use them.</summary>
public sealed class NetworkPopulations(PcnDbContext db)
{
    /// <summary>
    /// Each practice that is a member on <paramref name="census"/>, with its latest list size on or before that date.
    /// A practice with no list size counts 0; an unknown weighted or adjusted population counts 0 and is flagged.
    /// </summary>
    public async Task<IReadOnlyList<PracticePopulation>> OnAsync(DateOnly census, CancellationToken ct = default)
    {
        var practices = await db.Practices.AsNoTracking().Include(p => p.Memberships).Include(p => p.ListSizes).ToListAsync(ct);
        return practices.Where(p => p.IsMemberOn(census)).OrderBy(p => p.PracticeCode.Value).Select(p =>
        {
            var size = p.LatestListSize(census);
            return new PracticePopulation(p.PracticeCode, p.Name, size?.CensusDate, size?.Registered ?? 0, size?.Weighted ?? 0, size?.Adjusted ?? 0,
                size?.Source ?? "no list size on or before the census date", size?.Weighted is not null, size?.Adjusted is not null);
        }).ToList();
    }
}

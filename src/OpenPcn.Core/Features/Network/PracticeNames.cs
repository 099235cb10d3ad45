using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network;

/// <summary>
/// The names of the network's practices, for pages and exports that list patients. Read past the practice filter so a
/// practice manager still sees the name of a practice a patient was registered at before.
/// </summary>
internal sealed class PracticeNames
{
    private readonly Dictionary<PracticeCode, string> _names;

    private PracticeNames(Dictionary<PracticeCode, string> names) => _names = names;

    public static async Task<PracticeNames> LoadAsync(PcnDbContext db, CancellationToken ct) =>
        new(await db.Practices.AsNoTracking().IgnoreQueryFilters([PcnDbContext.PracticeFilter])
            .Select(p => new { p.PracticeCode, p.Name }).ToDictionaryAsync(p => p.PracticeCode, p => p.Name, ct));

    /// <summary>The practice's name, or its code when the network has no such practice.</summary>
    public string Of(PracticeCode code) => _names.TryGetValue(code, out var name) ? name : code.ToString();
}

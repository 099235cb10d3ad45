using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network.Directory;

/// <summary>
/// What the national directory says today about a few PCNs: their current member practices, each practice's latest
/// list size, their geography, and whether each PCN is already onboarded in this install. Onboarding's search,
/// preview and create all read through it, so they agree.
/// </summary>
internal sealed class DirectoryView
{
    private readonly Dictionary<PcnCode, List<DirectoryMembership>> _members;
    private readonly Dictionary<PracticeCode, DirectoryPractice> _practices;
    private readonly Dictionary<PracticeCode, DirectoryListSize> _latest;
    private readonly Dictionary<string, DirectorySubIcb> _subIcbs;
    private readonly HashSet<PcnCode> _onboarded;

    private DirectoryView(Dictionary<PcnCode, List<DirectoryMembership>> members, Dictionary<PracticeCode, DirectoryPractice> practices,
        Dictionary<PracticeCode, DirectoryListSize> latest, Dictionary<string, DirectorySubIcb> subIcbs, HashSet<PcnCode> onboarded)
    {
        (_members, _practices, _latest, _subIcbs, _onboarded) = (members, practices, latest, subIcbs, onboarded);
    }

    public static async Task<DirectoryView> LoadAsync(PcnDbContext db, IReadOnlyList<DirectoryPcn> pcns, DateOnly today, CancellationToken ct)
    {
        var wanted = pcns.Select(p => p.Code).ToHashSet();

        // Which PCN a practice is in depends on every file's evidence about that practice, so all memberships are read
        // (a few thousand small rows) and each practice's current one chosen before keeping the wanted PCNs'.
        var all = await db.DirectoryMemberships.AsNoTracking().ToListAsync(ct);
        var latestMap = all.Max(m => m.AsAt);
        var members = all.Where(m => IsCurrent(m, today, latestMap))
            .GroupBy(m => m.PracticeCode)
            .Select(g => g.OrderByDescending(Evidence).ThenByDescending(m => m.StartDate is not null).ThenBy(m => m.PcnCode.Value, StringComparer.Ordinal).First())
            .Where(m => wanted.Contains(m.PcnCode))
            .GroupBy(m => m.PcnCode)
            .ToDictionary(g => g.Key, g => g.ToList());

        var codes = members.Values.SelectMany(m => m).Select(m => m.PracticeCode).ToList();
        var practices = await db.DirectoryPractices.AsNoTracking()
            .Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
        var sizes = await db.DirectoryListSizes.AsNoTracking()
            .Where(l => codes.Contains(l.PracticeCode)).ToListAsync(ct);
        var latest = sizes.GroupBy(l => l.PracticeCode).ToDictionary(g => g.Key, g => g.MaxBy(l => l.ExtractDate)!);
        var subIcbCodes = pcns.Select(p => p.SubIcbCode).Concat(practices.Values.Select(p => p.SubIcbCode)).OfType<string>().Distinct().ToList();
        var subIcbs = await db.DirectorySubIcbs.AsNoTracking().Where(s => subIcbCodes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, ct);
        var pcnCodes = wanted.ToList();
        var onboarded = await db.Pcns.IgnoreQueryFilters().Where(p => pcnCodes.Contains(p.Code)).Select(p => p.Code).ToListAsync(ct);
        return new DirectoryView(members, practices, latest, subIcbs, [.. onboarded]);
    }

    /// <summary>
    /// A membership the files show as current: started (or start unknown) and not ended before today. One known only
    /// from practice maps (no ePCN dates) is current only if the newest map imported still shows it: each map is a
    /// full snapshot, so a practice it lists as unallocated (U), in another PCN, or not at all has left.
    /// </summary>
    public static bool IsCurrent(DirectoryMembership m, DateOnly today, DateOnly? latestMap) =>
        (m.StartDate is null || m.StartDate <= today) && (m.EndDate is null || m.EndDate >= today)
        && (m.StartDate is not null || m.EndDate is not null || m.AsAt is null || m.AsAt == latestMap);

    /// <summary>The date of the latest evidence for a membership: its ePCN start, or the latest map that showed it.</summary>
    public static DateOnly Evidence(DirectoryMembership m) =>
        new[] { m.StartDate ?? DateOnly.MinValue, m.AsAt ?? DateOnly.MinValue }.Max();

    public IReadOnlyList<DirectoryMembership> MembersOf(PcnCode code) => _members.GetValueOrDefault(code) ?? [];

    public DirectoryPractice? Practice(PracticeCode code) => _practices.GetValueOrDefault(code);

    public DirectoryListSize? LatestListSize(PracticeCode code) => _latest.GetValueOrDefault(code);

    public bool IsOnboarded(PcnCode code) => _onboarded.Contains(code);

    /// <summary>The PCN's sub-ICB location and ICB: its own, else the one most of its practices share.</summary>
    public Geography? GeographyOf(DirectoryPcn pcn)
    {
        var code = pcn.SubIcbCode is { } own && _subIcbs.ContainsKey(own)
            ? own
            : MembersOf(pcn.Code).Select(m => Practice(m.PracticeCode)?.SubIcbCode).OfType<string>()
                .GroupBy(c => c).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        return GeographyOf(code);
    }

    public Geography? GeographyOf(string? subIcbCode) =>
        subIcbCode is not null && _subIcbs.TryGetValue(subIcbCode, out var s) ? new Geography(s.IcbCode, s.IcbName, s.Code, s.Name) : null;

    public PcnCandidate Candidate(DirectoryPcn pcn)
    {
        var members = MembersOf(pcn.Code);
        var sizes = members.Select(m => LatestListSize(m.PracticeCode)).OfType<DirectoryListSize>().ToList();
        var geography = GeographyOf(pcn);
        return new PcnCandidate(pcn.Code, pcn.Name, geography?.SubIcbName, geography?.IcbName, members.Count,
            sizes.Count == 0 ? null : sizes.Sum(s => s.Patients), IsOnboarded(pcn.Code));
    }
}

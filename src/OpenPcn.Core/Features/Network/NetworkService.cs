using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network;

/// <summary>
/// The network area's one service: what pages, the API and the CLI read and change about the signed-in user's
/// network. Everything runs inside the current <see cref="TenantScope"/>; nothing here takes a PCN id.
/// </summary>
public sealed partial class NetworkService(PcnDbContext db, TenantScope scope, AuditLog audit, TimeProvider clock)
{
    public async Task<NetworkOverview> GetOverviewAsync(CancellationToken ct = default)
    {
        var pcn = await CurrentPcnAsync(ct);
        var today = clock.TodayInEngland();

        // Totals and checks are about the whole network, so they read every practice of it even for a user scoped
        // to one practice; only that practice's row is then shown to such a user.
        var practices = await db.Practices.IgnoreQueryFilters([PcnDbContext.PracticeFilter])
            .Include(p => p.Memberships).Include(p => p.ListSizes)
            .AsNoTracking().AsSplitQuery().ToListAsync(ct);
        var directors = await db.ClinicalDirectors.AsNoTracking().ToListAsync(ct);
        var partnerCount = await db.NetworkPartners.CountAsync(ct);

        var members = practices.Where(p => p.IsMemberOn(today)).ToList();
        var totals = Totals(members);
        var summary = Summarise(pcn);
        var checks = FormationChecks.Evaluate(summary, totals,
            [.. members.Select(m => new FormationChecks.MemberPractice(m.PracticeCode, m.Name, m.Geography.IcbCode, m.Geography.SubIcbCode))],
            directors.Count(d => d.Period.Contains(today)));

        var visible = scope.PracticeCode is { } own ? practices.Where(p => p.PracticeCode == own) : practices;
        return new NetworkOverview(
            summary,
            totals,
            [.. visible.OrderByDescending(p => p.IsMemberOn(today)).ThenBy(p => p.Name).Select(p => Row(p, today))],
            checks,
            [.. directors.OrderBy(d => d.StartDate).Select(d => View(d, today))],
            History(members),
            partnerCount,
            scope.PracticeCode is not null);
    }

    public async Task<PracticeDetail> GetPracticeAsync(PracticeCode code, CancellationToken ct = default)
    {
        var practice = await db.Practices.Include(p => p.Memberships).Include(p => p.ListSizes)
            .AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(p => p.PracticeCode == code, ct)
            ?? throw new NotFoundException($"Practice {code} is not in your network.");
        var today = clock.TodayInEngland();
        var g = practice.Geography;
        return new PracticeDetail(practice.PracticeCode, practice.Name, practice.Postcode, practice.ClinicalSystem,
            g.IcbCode, g.IcbName, g.SubIcbCode, g.SubIcbName, practice.IsMemberOn(today),
            [.. practice.Memberships.OrderByDescending(m => m.StartDate).Select(m => new MembershipView(m.StartDate, m.EndDate, m.Period.Contains(today), m.StartBasis))],
            [.. practice.ListSizes.OrderByDescending(l => l.CensusDate).Select(l => new ListSizeView(l.CensusDate, l.Registered, l.Weighted, l.Adjusted, l.Source))]);
    }

    public async Task<PartnersView> GetPartnersAsync(CancellationToken ct = default)
    {
        var today = clock.TodayInEngland();
        var practices = await db.Practices.Include(p => p.Memberships).Include(p => p.ListSizes)
            .AsNoTracking().AsSplitQuery().ToListAsync(ct);
        var partners = await db.NetworkPartners.AsNoTracking().ToListAsync(ct);
        return new PartnersView(
            [.. practices.Where(p => p.IsMemberOn(today)).OrderBy(p => p.Name).Select(p => Row(p, today))],
            [.. partners.OrderBy(p => p.Kind).ThenBy(p => p.Name).Select(p => View(p, today))]);
    }

    private async Task<Pcn> CurrentPcnAsync(CancellationToken ct) =>
        await db.Pcns.SingleOrDefaultAsync(ct)
        ?? throw new NotFoundException("You are not signed in to a network.");

    private static PcnSummary Summarise(Pcn pcn) => new(
        pcn.Code, pcn.Name, pcn.Geography.IcbCode, pcn.Geography.IcbName, pcn.Geography.SubIcbCode, pcn.Geography.SubIcbName,
        pcn.IsDemo, pcn.NominatedPayee, pcn.PopulationVariation, pcn.PopulationVariationNote);

    internal static NetworkTotals Totals(IReadOnlyList<Practice> members)
    {
        var latest = members.Select(m => m.LatestListSize()).OfType<ListSize>().ToList();
        var dates = latest.Select(l => l.CensusDate).Distinct().ToList();
        return new NetworkTotals(
            members.Count,
            dates.Count == 0 ? null : dates.Max(),
            dates.Count > 1,
            latest.Sum(l => l.Registered),
            latest.Count > 0 && latest.TrueForAll(l => l.Weighted is not null) ? latest.Sum(l => l.Weighted!.Value) : null,
            latest.Count > 0 && latest.TrueForAll(l => l.Adjusted is not null) ? latest.Sum(l => l.Adjusted!.Value) : null);
    }

    private static List<PopulationPoint> History(IReadOnlyList<Practice> members) =>
        [.. members.SelectMany(m => m.ListSizes)
            .GroupBy(l => l.CensusDate)
            .OrderBy(g => g.Key)
            .Select(g => new PopulationPoint(g.Key, g.Sum(l => l.Registered),
                g.All(l => l.Weighted is not null) ? g.Sum(l => l.Weighted!.Value) : null, g.Count()))];

    private static PracticeRow Row(Practice p, DateOnly today)
    {
        var latest = p.LatestListSize();
        var current = p.Memberships.Where(m => m.Period.Contains(today)).MinBy(m => m.StartDate);
        return new PracticeRow(p.PracticeCode, p.Name, p.Postcode, p.ClinicalSystem, current is not null, current?.StartDate,
            latest?.CensusDate, latest?.Registered, latest?.Weighted, latest?.Adjusted, current?.StartBasis);
    }

    private static ClinicalDirectorView View(ClinicalDirector d, DateOnly today) =>
        new(d.ClinicalDirectorId, d.Name, d.PracticeCode, d.FundedSessionsPerWeek, d.StartDate, d.EndDate, d.Period.Contains(today));

    private static PartnerView View(NetworkPartner p, DateOnly today) =>
        new(p.PartnerId, p.Name, p.Kind, p.Kind.Describe(), p.OdsCode, p.StartDate, p.EndDate, p.Period.Contains(today), p.Contact);
}

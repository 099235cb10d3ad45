using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Storage;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// The network an import writes into: found (or, in system scope, created) from the PCN Organization in the data, and
/// its member practices, to which practice Organizations <c>partOf</c> the PCN are added when absent. Existing
/// practices are left as they are: the network's own records (and the national files) are the authority on them.
/// </summary>
internal sealed class ImportNetwork(PcnDbContext db, TimeProvider clock)
{
    private readonly HashSet<PracticeCode> _members = [];

    public Pcn? Pcn { get; private set; }

    public int PcnId => Pcn?.PcnId ?? throw new InvalidOperationException("The network is not known yet.");

    public bool IsMember(PracticeCode code) => _members.Contains(code);

    /// <summary>Uses an existing network (the request's or the scope's).</summary>
    public async Task<bool> UseAsync(int pcnId, CancellationToken ct)
    {
        Pcn = await db.Pcns.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.PcnId == pcnId, ct);
        await LoadMembersAsync(ct);
        return Pcn is not null;
    }

    /// <summary>With no network named, the only one in the database, if there is exactly one.</summary>
    public async Task<bool> UseOnlyNetworkAsync(CancellationToken ct)
    {
        var ids = await db.Pcns.IgnoreQueryFilters().Select(p => p.PcnId).Take(2).ToListAsync(ct);
        return ids.Count == 1 && await UseAsync(ids[0], ct);
    }

    /// <summary>Finds the PCN Organization's network by code, or creates it (system scope only).</summary>
    public async Task FindOrCreateAsync(OrganisationData pcn, CancellationToken ct)
    {
        var code = PcnCode.Parse(pcn.OdsCode);
        var existing = await db.Pcns.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct);
        if (existing is null)
        {
            existing = new Pcn(code, pcn.Name, pcn.Geography ?? Geography.Unknown);
            db.Pcns.Add(existing);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        Pcn = existing;
        await LoadMembersAsync(ct);
    }

    /// <summary>
    /// Adds a practice Organization of this network as a member when it is not in the network yet. Returns null when
    /// done (or already there), else why it was refused.
    /// </summary>
    public async Task<string?> EnsurePracticeAsync(OrganisationData practice, CancellationToken ct)
    {
        var code = PracticeCode.Parse(practice.OdsCode);
        var pcn = Pcn!;
        if (await db.Practices.IgnoreQueryFilters().AnyAsync(p => p.PcnId == pcn.PcnId && p.PracticeCode == code, ct))
        {
            _members.Add(code);
            return null;
        }

        var start = practice.ListSizes.Count > 0 ? practice.ListSizes.Min(l => l.CensusDate) : clock.TodayInEngland();
        var period = new EffectivePeriod(start, null);
        try
        {
            if (!pcn.IsDemo)
            {
                await OnePcnPerPractice.EnsureAsync(db, pcn.PcnId, new Dictionary<PracticeCode, EffectivePeriod> { [code] = period }, ct);
            }

            var entity = new Practice(pcn.PcnId, code, practice.Name, practice.Postcode ?? string.Empty, ClinicalSystem.Unknown, practice.Geography ?? pcn.Geography);
            entity.AddMembership(period, practice.ListSizes.Count > 0 ? "earliest list size in the FHIR import" : "first FHIR import naming it");
            foreach (var size in practice.ListSizes)
            {
                entity.RecordListSize(size.CensusDate, size.Registered, size.Weighted, null, "FHIR import");
            }

            db.Practices.Add(entity);
            await db.SaveChangesAsync(ct);
            _members.Add(code);
            return null;
        }
        catch (ConflictException)
        {
            return "practice is a member of another network";
        }
        catch (RuleViolationException)
        {
            return "practice Organization has values OpenPCN cannot store";
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task LoadMembersAsync(CancellationToken ct)
    {
        _members.Clear();
        if (Pcn is not null)
        {
            var pcnId = Pcn.PcnId;
            foreach (var code in await db.Practices.IgnoreQueryFilters().Where(p => p.PcnId == pcnId).Select(p => p.PracticeCode).ToListAsync(ct))
            {
                _members.Add(code);
            }
        }
    }
}

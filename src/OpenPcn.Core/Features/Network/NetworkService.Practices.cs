using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network;

public sealed partial class NetworkService
{
    /// <summary>Adds a practice to the network as a member from <see cref="NewPracticeInput.MemberFrom"/>.</summary>
    public async Task<PracticeDetail> AddPracticeAsync(NewPracticeInput input, CancellationToken ct = default)
    {
        var pcn = await CurrentPcnAsync(ct);
        if (await db.Practices.IgnoreQueryFilters([PcnDbContext.PracticeFilter]).AnyAsync(p => p.PracticeCode == input.Code, ct))
        {
            throw new ConflictException($"Practice {input.Code} is already in this network.");
        }

        var period = new EffectivePeriod(input.MemberFrom, null);
        await EnsureNotInAnotherNetworkAsync(pcn, input.Code, period, ct);
        var geography = await DirectoryGeographyAsync(input.Code, ct) ?? Geography.Unknown;
        var practice = new Practice(pcn.PcnId, input.Code, input.Name, input.Postcode, input.ClinicalSystem, geography);
        practice.AddMembership(period);
        db.Practices.Add(practice);
        audit.Record("network.practice.added", input.Code.Value, $"member {period}");
        await db.SaveChangesAsync(ct);
        return await GetPracticeAsync(input.Code, ct);
    }

    public async Task<PracticeDetail> UpdatePracticeAsync(PracticeCode code, PracticeUpdateInput input, CancellationToken ct = default)
    {
        var practice = await LoadPracticeAsync(code, ct);
        practice.Update(input.Name, input.Postcode, input.ClinicalSystem, practice.Geography);
        audit.Record("network.practice.updated", code.Value);
        await db.SaveChangesAsync(ct);
        return await GetPracticeAsync(code, ct);
    }

    /// <summary>Adds a membership period; refuses an overlap here or with another network.</summary>
    public async Task<PracticeDetail> AddMembershipAsync(PracticeCode code, MembershipInput input, CancellationToken ct = default)
    {
        var pcn = await CurrentPcnAsync(ct);
        var practice = await LoadPracticeAsync(code, ct);
        var period = new EffectivePeriod(input.StartDate, input.EndDate);
        await EnsureNotInAnotherNetworkAsync(pcn, code, period, ct);
        practice.AddMembership(period);
        audit.Record("network.membership.added", code.Value, period.ToString());
        await db.SaveChangesAsync(ct);
        return await GetPracticeAsync(code, ct);
    }

    public async Task<PracticeDetail> EndMembershipAsync(PracticeCode code, DateOnly lastDay, CancellationToken ct = default)
    {
        var practice = await LoadPracticeAsync(code, ct);
        practice.EndMembership(lastDay);
        audit.Record("network.membership.ended", code.Value, FormattableString.Invariant($"last day {lastDay:yyyy-MM-dd}"));
        await db.SaveChangesAsync(ct);
        return await GetPracticeAsync(code, ct);
    }

    public async Task<PracticeDetail> RecordListSizeAsync(PracticeCode code, ListSizeInput input, CancellationToken ct = default)
    {
        var practice = await LoadPracticeAsync(code, ct);
        practice.RecordListSize(input.CensusDate, input.Registered, input.Weighted, input.Adjusted, "Entered by hand");
        audit.Record("network.list-size.recorded", code.Value, FormattableString.Invariant($"census {input.CensusDate:yyyy-MM-dd}"));
        await db.SaveChangesAsync(ct);
        return await GetPracticeAsync(code, ct);
    }

    private async Task<Practice> LoadPracticeAsync(PracticeCode code, CancellationToken ct) =>
        await db.Practices.Include(p => p.Memberships).Include(p => p.ListSizes).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.PracticeCode == code, ct)
        ?? throw new NotFoundException($"Practice {code} is not in your network.");

    private async Task EnsureNotInAnotherNetworkAsync(Pcn pcn, PracticeCode code, EffectivePeriod period, CancellationToken ct)
    {
        if (!pcn.IsDemo)
        {
            await OnePcnPerPractice.EnsureAsync(db, pcn.PcnId, new Dictionary<PracticeCode, EffectivePeriod> { [code] = period }, ct);
        }
    }

    /// <summary>The practice's ICB and sub-ICB location from the national directory, if it is there.</summary>
    internal async Task<Geography?> DirectoryGeographyAsync(PracticeCode code, CancellationToken ct)
    {
        var subIcbCode = await db.DirectoryPractices.Where(p => p.Code == code).Select(p => p.SubIcbCode).SingleOrDefaultAsync(ct);
        if (subIcbCode is null)
        {
            return null;
        }

        var subIcb = await db.DirectorySubIcbs.AsNoTracking().SingleOrDefaultAsync(s => s.Code == subIcbCode, ct);
        return subIcb is null ? null : new Geography(subIcb.IcbCode, subIcb.IcbName, subIcb.Code, subIcb.Name);
    }
}

using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;

namespace OpenPcn.Core.Features.Network;

public sealed partial class NetworkService
{
    public async Task<PartnerView> AddPartnerAsync(PartnerInput input, CancellationToken ct = default)
    {
        var pcn = await CurrentPcnAsync(ct);
        var partner = new NetworkPartner(pcn.PcnId, input.Name, input.Kind, input.OdsCode,
            new EffectivePeriod(input.StartDate, input.EndDate), input.Contact);
        db.NetworkPartners.Add(partner);
        audit.Record("network.partner.added", partner.Name);
        await db.SaveChangesAsync(ct);
        return View(partner, clock.TodayInEngland());
    }

    public async Task<PartnerView> UpdatePartnerAsync(Guid partnerId, PartnerInput input, CancellationToken ct = default)
    {
        var partner = await FindPartnerAsync(partnerId, ct);
        partner.Update(input.Name, input.Kind, input.OdsCode, new EffectivePeriod(input.StartDate, input.EndDate), input.Contact);
        audit.Record("network.partner.updated", partner.Name);
        await db.SaveChangesAsync(ct);
        return View(partner, clock.TodayInEngland());
    }

    public async Task RemovePartnerAsync(Guid partnerId, CancellationToken ct = default)
    {
        var partner = await FindPartnerAsync(partnerId, ct);
        db.NetworkPartners.Remove(partner);
        audit.Record("network.partner.removed", partner.Name);
        await db.SaveChangesAsync(ct);
    }

    public async Task<ClinicalDirectorView> AddClinicalDirectorAsync(ClinicalDirectorInput input, CancellationToken ct = default)
    {
        var pcn = await CurrentPcnAsync(ct);
        await EnsureMemberPracticeAsync(input.PracticeCode, ct);
        var director = new ClinicalDirector(pcn.PcnId, input.Name, input.PracticeCode, input.FundedSessionsPerWeek,
            new EffectivePeriod(input.StartDate, input.EndDate));
        db.ClinicalDirectors.Add(director);
        audit.Record("network.clinical-director.added", director.Name);
        await db.SaveChangesAsync(ct);
        return View(director, clock.TodayInEngland());
    }

    public async Task<ClinicalDirectorView> UpdateClinicalDirectorAsync(Guid id, ClinicalDirectorInput input, CancellationToken ct = default)
    {
        var director = await FindDirectorAsync(id, ct);
        await EnsureMemberPracticeAsync(input.PracticeCode, ct);
        director.Update(input.Name, input.PracticeCode, input.FundedSessionsPerWeek, new EffectivePeriod(input.StartDate, input.EndDate));
        audit.Record("network.clinical-director.updated", director.Name);
        await db.SaveChangesAsync(ct);
        return View(director, clock.TodayInEngland());
    }

    public async Task RemoveClinicalDirectorAsync(Guid id, CancellationToken ct = default)
    {
        var director = await FindDirectorAsync(id, ct);
        db.ClinicalDirectors.Remove(director);
        audit.Record("network.clinical-director.removed", director.Name);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records who receives the network's money; <c>null</c> clears it.</summary>
    public async Task SetNominatedPayeeAsync(NominatedPayeeInput? input, CancellationToken ct = default)
    {
        var pcn = await CurrentPcnAsync(ct);
        NominatedPayee? payee = null;
        if (input is not null)
        {
            if (!OdsCode.TryParse(input.OrganisationCode, out var code))
            {
                throw new RuleViolationException(nameof(input.OrganisationCode), "Enter the payee's ODS code, e.g. A81001.");
            }

            if (string.IsNullOrWhiteSpace(input.Name))
            {
                throw new RuleViolationException(nameof(input.Name), "Enter the payee's name.");
            }

            payee = new NominatedPayee(code.Value, input.Name.Trim());
        }

        pcn.SetNominatedPayee(payee);
        audit.Record("network.payee.set", payee?.OrganisationCode ?? "(none)");
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordPopulationVariationAsync(PopulationVariationInput input, CancellationToken ct = default)
    {
        var pcn = await CurrentPcnAsync(ct);
        pcn.RecordPopulationVariation(input.Variation, input.Note);
        audit.Record("network.population-variation.recorded", input.Variation.ToString());
        await db.SaveChangesAsync(ct);
    }

    private async Task EnsureMemberPracticeAsync(PracticeCode? code, CancellationToken ct)
    {
        if (code is { } c && !await db.Practices.AnyAsync(p => p.PracticeCode == c, ct))
        {
            throw new RuleViolationException(nameof(ClinicalDirectorInput.PracticeCode), $"Practice {c} is not in your network.");
        }
    }

    private async Task<NetworkPartner> FindPartnerAsync(Guid id, CancellationToken ct) =>
        await db.NetworkPartners.SingleOrDefaultAsync(p => p.PartnerId == id, ct)
        ?? throw new NotFoundException("That partner is not in your network.");

    private async Task<ClinicalDirector> FindDirectorAsync(Guid id, CancellationToken ct) =>
        await db.ClinicalDirectors.SingleOrDefaultAsync(d => d.ClinicalDirectorId == id, ct)
        ?? throw new NotFoundException("That clinical director is not in your network.");
}

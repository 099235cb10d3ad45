using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Features.Workforce.Claims;
using OpenPcn.Core.Storage;

namespace OpenPcn.Web.Tests.TenancyMatrix;

/// <summary>
/// ARRS claims in the matrix: a pharmacist in each network; A's October 2026 claim is a draft (rebuilt freely);
/// B alone has a claim for September 2026 (a draft, so a write that reached it would show in B's snapshot).
/// </summary>
public sealed partial class MatrixContext
{
    public const string AClaimMonth = "2026-10";
    public const string BOnlyClaimMonth = "2026-09";
    public const string BStaffName = "Birch secret pharmacist";

    public Guid BClaimContractId { get; private set; }

    /// <summary>B's claim things nobody of A's may be shown.</summary>
    public IReadOnlyList<string> ClaimSecrets => [BStaffName, BClaimContractId.ToString()];

    public async Task PrepareClaimsAsync()
    {
        await AddPharmacistAsync(A.PcnId, "Alder pharmacist");
        BClaimContractId = await AddPharmacistAsync(B.PcnId, BStaffName);
        await using (var a = Db.PcnScope(A.PcnId, actor: "matrix"))
        {
            await a.ServiceProvider.GetRequiredService<ArrsClaimService>().BuildAsync(new DateOnly(2026, 10, 1));
        }

        await using var b = Db.PcnScope(B.PcnId, actor: "matrix");
        await b.ServiceProvider.GetRequiredService<ArrsClaimService>().BuildAsync(new DateOnly(2026, 9, 1));
    }

    /// <summary>A fresh claim of A's for a month of its own (from 2000 on), taken to <paramref name="status"/>; returns "yyyy-MM".</summary>
    public async Task<string> NewClaimInAAsync(ArrsClaimStatus status)
    {
        var month = new DateOnly(2000, 1, 1).AddMonths(Next());
        await using var scope = Db.PcnScope(A.PcnId, actor: "matrix");
        var claims = scope.ServiceProvider.GetRequiredService<ArrsClaimService>();
        await claims.BuildAsync(month);
        if (status >= ArrsClaimStatus.Submitted)
        {
            await claims.SubmitAsync(month);
        }

        if (status >= ArrsClaimStatus.Approved)
        {
            await claims.ApproveAsync(month);
        }

        return month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    private async Task<Guid> AddPharmacistAsync(int pcnId, string name)
    {
        await using var scope = Db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var staff = new StaffMember(pcnId, Guid.NewGuid(), name, null);
        var contract = staff.AddContract(Guid.NewGuid(),
            new ContractTerms("clinical-pharmacist", ArrsRegion.National, 1m, Money.FromPounds(48_000m), Money.FromPounds(6_000m), Money.FromPounds(6_000m),
                new DateOnly(1999, 4, 1), null),
            new ContractDetails("7", EmployerKind.LeadProvider, null, "Federation", IsArrs: true, AdditionalityConfirmed: true, null));
        context.Add(staff);
        await context.SaveChangesAsync();
        return contract.ContractId;
    }

    private async Task<object> SnapshotClaimsBAsync(PcnDbContext context)
    {
        var pcnId = B.PcnId;
        var claims = await context.Set<ArrsClaim>().AsNoTracking().Where(c => c.PcnId == pcnId).OrderBy(c => c.Month)
            .Select(c => new { c.ClaimId, c.Month, c.Status, c.BuiltAt, c.TotalReimbursable }).ToListAsync();
        var lines = await context.Set<ArrsClaimLine>().AsNoTracking().Where(l => l.PcnId == pcnId).OrderBy(l => l.ClaimId).ThenBy(l => l.LineNumber)
            .Select(l => new { l.ClaimId, l.LineNumber, l.Reimbursable, l.Workings }).ToListAsync();
        var contracts = await context.Set<StaffContract>().AsNoTracking().Where(c => c.PcnId == pcnId).OrderBy(c => c.ContractId)
            .Select(c => new { c.ContractId, c.Wte, c.AnnualSalary, c.Start, c.End }).ToListAsync();
        return new { claims, lines, contracts };
    }
}

using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Workforce;

/// <summary>
/// The demo network's workforce: 20 fictional staff across the ARRS roles and three outside ARRS, on Agenda for
/// Change 2025/26 pay with employer on-costs (employer NI 15% above £5,000 a year, the rate from April 2025; pension 14.38% plus the 0.08% levy),
/// some part-time, a starter and a leaver this financial year, one post over its role maximum (so its claim is
/// capped), one post shared by three practices, one post without confirmed additionality, and three planned posts.
/// </summary>
public sealed class DemoWorkforce(PcnDbContext db)
{
    public const string LeadProvider = "Vale Health Federation (fictional)";
    public const string MentalHealthTrust = "Demo Mental Health NHS Foundation Trust (fictional)";

    private const decimal NiRate = 0.15m;
    private const decimal NiThreshold = 5_000m;
    private const decimal PensionRate = 0.1438m + 0.0008m;

    /// <summary>
    /// Seeds the workforce of network <paramref name="pcnId"/>, dated around <paramref name="today"/>; does nothing
    /// when the network already has staff. Its member practices are read from the database.
    /// </summary>
    public async Task SeedAsync(int pcnId, DateOnly today, CancellationToken ct = default)
    {
        if (await db.Set<StaffMember>().IgnoreQueryFilters().AnyAsync(s => s.PcnId == pcnId, ct))
        {
            return;
        }

        var practices = (await db.Practices.IgnoreQueryFilters().AsNoTracking().Include(p => p.Memberships).Where(p => p.PcnId == pcnId).ToListAsync(ct))
            .Where(p => p.IsMemberOn(today)).OrderBy(p => p.PracticeCode.Value, StringComparer.Ordinal).ToList();
        if (practices.Count == 0)
        {
            return;
        }

        var yearStart = new DateOnly(today.Month >= 4 ? today.Year : today.Year - 1, 4, 1);
        var starter = Max(yearStart, Min(yearStart.AddMonths(3).AddDays(14), today));
        var leaver = Max(yearStart, yearStart.AddMonths(5).AddDays(19));
        var practice = (int i) => practices[i % practices.Count];

        // Name, registration, role, band, full-time salary, WTE, start, end, employer (practice index, or a lead
        // provider), ARRS, additionality confirmed, deployment (practice index, sessions a week).
        (string Name, string? Reg, string Role, string Band, decimal FullTime, decimal Wte, DateOnly Start, DateOnly? End, int? Employer, string? Lead,
            bool Arrs, bool Additional, (int Practice, decimal Sessions)[] Deploy)[] staff =
        [
            ("Hannah Price (fictional)", "GPhC 2290001", "clinical-pharmacist", "7", 49_000m, 1m, new(2021, 9, 1), null, 0, null, true, true, [(0, 5), (1, 5)]),
            ("Daniel Osei (fictional)", "GPhC 2290002", "clinical-pharmacist", "8a", 60_504m, 1m, new(2020, 1, 6), null, 2, null, true, true, [(2, 5), (3, 5)]),
            ("Rachel Kim (fictional)", "GPhC 2290003", "clinical-pharmacist", "7", 48_526m, 0.6m, new(2022, 5, 3), null, 1, null, true, true, [(1, 6)]),
            ("Leah Morgan (fictional)", "GPhC 5090004", "pharmacy-technician", "5", 33_247m, 0.8m, new(2021, 1, 11), null, 0, null, true, true, [(0, 4), (4, 4)]),
            ("Marcus Bell (fictional)", null, "social-prescribing-link-worker", "5", 31_049m, 1m, new(2020, 2, 3), null, null, LeadProvider, true, true, [(3, 4), (4, 3), (5, 3)]),
            ("Fatima Noor (fictional)", null, "social-prescribing-link-worker", "4", 29_114m, 0.6m, new(2023, 1, 9), null, 0, null, true, true, [(0, 6)]),
            ("Sophie Turner (fictional)", null, "care-coordinator", "4", 28_500m, 1m, new(2021, 6, 1), null, 1, null, true, true, [(1, 10)]),
            ("Jake Hughes (fictional)", null, "care-coordinator", "4", 27_485m, 0.8m, starter, null, 2, null, true, true, [(2, 8)]),
            ("Amira Hassan (fictional)", null, "care-coordinator", "4", 28_800m, 1m, new(2023, 6, 1), leaver, 0, null, true, true, [(0, 10)]),
            ("Tom Fletcher (fictional)", "HCPC PH190010", "first-contact-physiotherapist", "7", 50_952m, 1m, new(2021, 4, 6), null, 0, null, true, true, [(0, 5), (1, 5)]),
            ("Grace Adeyemi (fictional)", "HCPC PH190011", "first-contact-physiotherapist", "7", 47_810m, 0.4m, new(2024, 2, 5), null, 5, null, true, true, [(5, 4)]),
            ("Ryan Walsh (fictional)", "HCPC PA190012", "paramedic", "7", 49_320m, 1m, new(2022, 9, 5), null, 2, null, true, true, [(2, 5), (4, 5)]),
            ("Ellie Barnes (fictional)", null, "health-and-wellbeing-coach", "4", 29_114m, 1m, new(2022, 1, 10), null, 3, null, true, true, [(3, 10)]),
            ("Nadia Rahman (fictional)", "NMC 19I0013E", "mental-health-practitioner", "7", 50_952m, 0.5m, new(2023, 4, 3), null, null, MentalHealthTrust, true, true, [(1, 5)]),
            ("Dr Oliver Grant (fictional)", "GMC 7190014", "gp", "salaried range", 82_418m, 0.6m, new(2025, 10, 1), null, 2, null, true, true, [(2, 6)]),
            ("Chloe Evans (fictional)", "NMC 22A0015E", "nursing-associate", "4", 28_900m, 1m, new(2023, 9, 4), null, 4, null, true, false, [(4, 10)]),
            ("Sam Patel (fictional)", null, "care-coordinator", "4", 29_114m, 0.6m, new(2024, 7, 1), null, 5, null, true, true, [(5, 6)]),
            ("Priya Shah (fictional)", null, "pcn-manager", "8a", 57_000m, 1m, new(2020, 9, 1), null, 0, null, false, false, [(0, 10)]),
            ("Ben Carter (fictional)", null, "digital-and-transformation-lead", "8a", 55_690m, 0.8m, new(2023, 11, 6), null, null, LeadProvider, false, false, [(0, 4), (1, 4)]),
            ("Lucy Green (fictional)", null, "pcn-administrator", "3", 25_674m, 0.8m, new(2022, 3, 7), null, 0, null, false, false, [(0, 8)]),
        ];

        var contracts = new List<(Guid Staff, StaffContract Contract)>();
        foreach (var s in staff)
        {
            var member = new StaffMember(pcnId, Guid.NewGuid(), s.Name, s.Reg);
            var salary = Money.Round(s.FullTime * s.Wte);
            var terms = new ContractTerms(s.Role, ArrsRegion.National, s.Wte, salary, Ni(salary), Pension(salary), s.Start, s.End);
            var employer = s.Employer is { } e ? practice(e) : null;
            var details = new ContractDetails(s.Band, employer is null ? EmployerKind.LeadProvider : EmployerKind.MemberPractice, employer?.PracticeCode,
                employer?.Name ?? s.Lead!, s.Arrs, s.Additional, null);
            var contract = member.AddContract(Guid.NewGuid(), terms, details);
            var split = s.Deploy.GroupBy(d => practice(d.Practice).PracticeCode).Select(g => (g.Key, g.Sum(d => d.Sessions))).ToList();
            contract.Deploy(split);
            contracts.Add((member.StaffMemberId, contract));
            db.Add(member);
        }

        // Supervision: the pharmacy technician by a clinical pharmacist, the newer care coordinators by the senior one,
        // the part-time physiotherapist by the full-time one.
        foreach (var (supervisee, supervisor) in new[] { (3, 0), (7, 6), (16, 6), (10, 9) })
        {
            var contract = contracts[supervisee].Contract;
            contract.Change(contract.Terms, contract.Details with { SupervisorStaffMemberId = contracts[supervisor].Staff });
        }

        // The recruitment pipeline: three posts at different stages.
        var cost = (decimal fullTime, decimal wte) => Money.Round(fullTime * wte) is var pay ? pay + Ni(pay) + Pension(pay) : Money.Zero;
        var first = new DateOnly(today.Year, today.Month, 1);
        var advancedPractitioner = new PlannedPost(pcnId, Guid.NewGuid(), "advanced-practitioner", 1m, $"{practice(0).Name} and {practice(1).Name}",
            first.AddMonths(4), cost(57_000m, 1m), "Business case agreed at the board; job description with the federation.");
        var dietitian = new PlannedPost(pcnId, Guid.NewGuid(), "dietitian", 0.6m, $"{practice(2).Name}, {practice(3).Name} and {practice(4).Name}",
            first.AddMonths(3), cost(47_810m, 0.6m), "Advertised on NHS Jobs; closing date in three weeks.");
        dietitian.MoveTo(PlannedPostStage.Advertised, null);
        var coordinator = new PlannedPost(pcnId, Guid.NewGuid(), "care-coordinator", 1m, practice(5).Name,
            first.AddMonths(2), cost(28_500m, 1m), "Offer accepted; references and DBS check pending.");
        coordinator.MoveTo(PlannedPostStage.Advertised, null);
        coordinator.MoveTo(PlannedPostStage.Offered, null);
        db.AddRange(advancedPractitioner, dietitian, coordinator);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Employer's National Insurance a year: 15% of pay above £5,000 (from 6 April 2025).</summary>
    public static Money Ni(Money salary) => Money.Round(Math.Max(0m, salary.Pounds - NiThreshold) * NiRate);

    /// <summary>Employer's pension a year: 14.38% plus the 0.08% administration levy.</summary>
    public static Money Pension(Money salary) => Money.Round(salary.Pounds * PensionRate);

    private static DateOnly Min(DateOnly a, DateOnly b) => a <= b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a >= b ? a : b;
}

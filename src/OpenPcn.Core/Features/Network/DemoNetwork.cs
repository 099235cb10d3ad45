using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Network;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Create the demo network on first run when the database has no network. Turn off for real installs.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Password of every demo user. Demo users can only ever see the fictional demo network.</summary>
    public string Password { get; set; } = "demo-password-1";

    /// <summary>
    /// Synthetic patients generated and imported for the demo network (0 for none). Sized so a first run on a
    /// 2-core laptop is ready within a minute; see docs/benchmarks.md.
    /// </summary>
    public int Patients { get; set; } = 45_000;

    /// <summary>Seed of the demo's synthetic population: the same seed gives the same patients.</summary>
    public int PopulationSeed { get; set; } = 2019;
}

public sealed record DemoSignIn(string Email, string Role, string Password);

/// <summary>
/// A clearly fictional network for trying OpenPCN: practices with Z codes (never issued in England), made-up names
/// marked "(fictional)", about 45,000 patients' worth of list sizes, partners, clinical directors and one user per
/// role. It lives in its own tenant flagged <see cref="Pcn.IsDemo"/>, so it is never mixed into a real network.
/// </summary>
public sealed class DemoNetwork(PcnDbContext db, TenantScope scope, UserService users, IOptions<DemoOptions> options, TimeProvider clock)
{
    public static readonly PcnCode Code = PcnCode.Parse("U99999");
    public const string EmailDomain = "demo.openpcn.test";

    private static readonly Geography DemoGeography = new("QZZ", "NHS Demo Integrated Care Board (fictional)", "99Z", "NHS Demo ICB - 99Z (fictional)");

    // Code, name, postcode, system, registered list on the latest census, weighting factor, member from.
    private static readonly (string Code, string Name, string Postcode, ClinicalSystem System, int List, decimal Weighting, DateOnly From, DateOnly? To)[] Practices =
    [
        ("Z00001", "Millbrook Surgery (fictional)", "ZZ1 1AA", ClinicalSystem.Emis, 11_240, 0.97m, new(2019, 7, 1), null),
        ("Z00002", "Harbour View Medical Centre (fictional)", "ZZ1 2AB", ClinicalSystem.Tpp, 9_870, 1.06m, new(2019, 7, 1), null),
        ("Z00003", "Oakfield Health Centre (fictional)", "ZZ1 3AC", ClinicalSystem.Emis, 8_030, 1.12m, new(2019, 7, 1), null),
        ("Z00004", "Castle Street Practice (fictional)", "ZZ1 4AD", ClinicalSystem.Tpp, 6_410, 0.94m, new(2019, 7, 1), null),
        ("Z00005", "Larkspur Family Doctors (fictional)", "ZZ1 5AE", ClinicalSystem.Emis, 5_320, 1.01m, new(2020, 4, 1), null),
        ("Z00006", "Fellside Rural Practice (fictional)", "ZZ1 6AF", ClinicalSystem.Tpp, 4_150, 1.18m, new(2022, 4, 1), null),
        ("Z00007", "Riverside Surgery (fictional, merged 2023)", "ZZ1 7AG", ClinicalSystem.Emis, 3_020, 1.03m, new(2019, 7, 1), new(2023, 3, 31)),
    ];

    public static readonly IReadOnlyList<(string Local, string Role, string Name, string? Practice)> Users =
    [
        ("cd", Roles.ClinicalDirector, "Dr Sam Okafor (demo)", null),
        ("manager", Roles.PcnManager, "Priya Shah (demo)", null),
        ("practice", Roles.PracticeManager, "Tom Reilly (demo)", "Z00003"),
        ("clinician", Roles.Clinician, "Aisha Begum (demo)", null),
        ("finance", Roles.FinanceLead, "Gareth Lloyd (demo)", null),
        ("partner", Roles.PartnerViewer, "Morgan Ellis (demo)", null),
        ("icb", Roles.IcbViewer, "Chris Taylor (demo)", null),
    ];

    /// <summary>Creates the demo network, replacing any earlier one, and returns the sign-ins.</summary>
    public async Task<IReadOnlyList<DemoSignIn>> SeedAsync(CancellationToken ct = default) =>
        await scope.AsSystemAsync(async () =>
        {
            await RemoveAsync(ct);
            var pcn = new Pcn(Code, "Demo Vale PCN (fictional)", DemoGeography, isDemo: true);
            db.Pcns.Add(pcn);
            await db.SaveChangesAsync(ct);

            AddPractices(pcn.PcnId);
            AddPartners(pcn.PcnId);
            db.ClinicalDirectors.Add(new ClinicalDirector(pcn.PcnId, "Dr Jo Whitfield (fictional)", PracticeCode.Parse("Z00001"), 2m, new(new(2019, 7, 1), new(2023, 3, 31))));
            db.ClinicalDirectors.Add(new ClinicalDirector(pcn.PcnId, "Dr Sam Okafor (fictional)", PracticeCode.Parse("Z00002"), 2.25m, new(new(2023, 4, 1), null)));
            pcn.SetNominatedPayee(new NominatedPayee("Z00001", "Millbrook Surgery (fictional)"));
            await db.SaveChangesAsync(ct);
            await new Finance.DemoFinance(db, scope).SeedAsync(pcn.PcnId, clock.TodayInEngland(), ct);
            await new Workforce.DemoWorkforce(db).SeedAsync(pcn.PcnId, clock.TodayInEngland(), ct);

            var password = options.Value.Password;
            var signIns = new List<DemoSignIn>();
            foreach (var (local, role, name, practice) in Users)
            {
                var email = $"{local}@{EmailDomain}";
                // Never Administrator: the demo password is public, and administrators change the whole install.
                await users.CreateAsync(pcn.PcnId, new NewUserInput(email, name, password, [role],
                    practice is null ? null : PracticeCode.Parse(practice)), ct);
                signIns.Add(new DemoSignIn(email, role, password));
            }

            return (IReadOnlyList<DemoSignIn>)signIns;
        });

    /// <summary>Deletes the demo network and its users. Touches nothing else.</summary>
    public async Task<bool> RemoveAsync(CancellationToken ct = default) =>
        await scope.AsSystemAsync(async () =>
        {
            var pcn = await db.Pcns.SingleOrDefaultAsync(p => p.IsDemo && p.Code == Code, ct);
            if (pcn is null)
            {
                return false;
            }

            // Users first: Identity's rows are not tenant rows, and their roles cascade from them.
            await db.Users.Where(u => u.PcnId == pcn.PcnId).ExecuteDeleteAsync(ct);
            db.Pcns.Remove(pcn);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return true;
        });

    private void AddPractices(int pcnId)
    {
        // Census dates relative to today, so the demo always looks current: the three 1 January payment censuses
        // and the first of this month. Lists grow about 1% a year.
        var today = clock.TodayInEngland();
        var latest = new DateOnly(today.Year, today.Month, 1);
        DateOnly[] censuses = [new(today.Year - 2, 1, 1), new(today.Year - 1, 1, 1), new(today.Year, 1, 1), latest];
        foreach (var p in Practices)
        {
            var practice = new Practice(pcnId, PracticeCode.Parse(p.Code), p.Name, p.Postcode, p.System, DemoGeography);
            practice.AddMembership(new EffectivePeriod(p.From, p.To));
            // A former member's last figure is the 1 January census before it left.
            foreach (var census in p.To is { } left ? [new DateOnly(left.Year, 1, 1)] : censuses)
            {
                var yearsBack = (latest.DayNumber - census.DayNumber) / 365.25m;
                var registered = (int)Math.Round(p.List / (1 + (0.01m * yearsBack)));
                var weighted = Math.Round(registered * p.Weighting, 2);
                practice.RecordListSize(census, registered, weighted, Math.Round(weighted * 0.985m, 2), "Demo (fictional)");
            }

            db.Practices.Add(practice);
        }
    }

    private void AddPartners(int pcnId)
    {
        var from = new DateOnly(2020, 4, 1);
        (string Name, PartnerKind Kind, string Contact)[] partners =
        [
            ("Demo Community Health Services NHS Trust (fictional)", PartnerKind.CommunityServices, "Neighbourhood team lead"),
            ("Demo Mental Health NHS Foundation Trust (fictional)", PartnerKind.MentalHealth, "Primary care liaison"),
            ("Demo County Council Adult Social Care (fictional)", PartnerKind.SocialCare, "Locality manager"),
            ("Vale Community Pharmacy (fictional)", PartnerKind.CommunityPharmacy, "Pharmacist manager"),
            ("Demo General Hospital NHS Trust (fictional)", PartnerKind.Hospital, "Frailty service"),
            ("Vale Voluntary Action (fictional)", PartnerKind.Voluntary, "Social prescribing coordinator"),
        ];
        foreach (var (name, kind, contact) in partners)
        {
            db.NetworkPartners.Add(new NetworkPartner(pcnId, name, kind, null, new EffectivePeriod(from, null), contact));
        }
    }
}

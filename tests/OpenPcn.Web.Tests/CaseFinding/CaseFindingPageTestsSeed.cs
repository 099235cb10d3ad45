using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.CaseFinding;

/// <summary>
/// Network A (practices Z81001, Z81002) with three patients: 3001 (Z81001, woman born 1950) and 3002 (Z81002, man born
/// 1960) each have a hypertension code (38341003) recorded on 1 March 2020; 3003 (Z81001) has none. A local definition
/// "Hypertension code" (must have 38341003, ever) finds 3001 and 3002; <see cref="RunAsync"/> makes its network worklist.
/// </summary>
internal static class CaseFindingPageTestsSeed
{
    public const long Patient1 = 3001;
    public const long Patient2 = 3002;
    public const long Patient3 = 3003;
    public const string HypertensionCode = "38341003";
    public static readonly string Nhs1 = RecordSeeder.NhsNumberFrom(3001);
    public static readonly string Nhs2 = RecordSeeder.NhsNumberFrom(3002);
    public static readonly string Nhs3 = RecordSeeder.NhsNumberFrom(3003);

    public static CohortBuilderForm HypertensionForm(string title = "Hypertension code") => new()
    {
        Title = title,
        Description = "Anyone with a hypertension code, ever",
        Criteria = [new CohortCriterion { Table = CriterionTable.ClinicalEvents, Codes = [HypertensionCode], Presence = CriterionPresence.MustHave }],
    };

    /// <summary>Network A, its patients and the saved local definition; returns the network and the definition's name.</summary>
    public static async Task<(SeededNetwork A, string Definition)> SeedAsync(TestDatabase db)
    {
        var a = await TestNetworks.SeedAsync(db, "U11111", "Alder Vale PCN", "a.test", "Partner", "Dr A", ("Z81001", 12_000), ("Z81002", 9_000));
        await using (var scope = db.SystemScope())
        {
            var s = new RecordSeeder(scope.ServiceProvider.GetRequiredService<PcnDbContext>(), a.PcnId);
            await s.PatientAsync(Patient1, Nhs1, "Z81001", new DateOnly(1950, 3, 1), Sex.Female);
            await s.EventAsync(Patient1, EventKind.Condition, HypertensionCode, new DateOnly(2020, 3, 1), "Hypertension");
            await s.PatientAsync(Patient2, Nhs2, "Z81002", new DateOnly(1960, 5, 1), Sex.Male);
            await s.EventAsync(Patient2, EventKind.Condition, HypertensionCode, new DateOnly(2020, 3, 1), "Hypertension");
            await s.PatientAsync(Patient3, Nhs3, "Z81001", new DateOnly(1970, 7, 1), Sex.Female);
        }

        await using var asDirector = db.PcnScope(a.PcnId, actor: a.User(Roles.ClinicalDirector).UserId);
        var saved = await asDirector.ServiceProvider.GetRequiredService<LocalDefinitionService>().CreateAsync(HypertensionForm());
        return (a, saved.Name);
    }

    /// <summary>Runs the definition for the network as A's clinical director; returns the worklist's id.</summary>
    public static async Task<Guid> RunAsync(TestDatabase db, SeededNetwork a, string definition)
    {
        await using var scope = db.PcnScope(a.PcnId, actor: a.User(Roles.ClinicalDirector).UserId);
        return (await scope.ServiceProvider.GetRequiredService<WorklistService>().RunAsync(definition)).Worklist.WorklistId;
    }

    public static async Task<WorklistStatus> StatusAsync(TestDatabase db, Guid worklistId, long patientId)
    {
        await using var scope = db.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<PcnDbContext>().Set<WorklistEntry>()
            .Where(e => e.WorklistId == worklistId && e.PatientId == patientId).Select(e => e.Status).SingleAsync();
    }

    public static async Task<List<AuditEvent>> AuditAsync(TestDatabase db, string action)
    {
        await using var scope = db.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<PcnDbContext>().AuditEvents.AsNoTracking().Where(e => e.Action == action).ToListAsync();
    }
}

internal static class LocationExtensions
{
    /// <summary>A redirect's path and query, whether the server wrote it absolute or relative.</summary>
    public static string Relative(this Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}

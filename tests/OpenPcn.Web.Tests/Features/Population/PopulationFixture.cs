using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Features.Population;

/// <summary>
/// Network A (practices Z81001, Z81002) with two patients: 1001 at Z81001 with hypertension, a blood pressure and a
/// nursing-home code; 1002 at Z81002 with a LOINC-coded observation. One finished import run with a quarantined
/// Patient (invalid NHS number) and a formula-looking reason.
/// </summary>
internal static class PopulationFixture
{
    public const long Patient1 = 1001;
    public const long Patient2 = 1002;
    public static readonly string Nhs1 = RecordSeeder.NhsNumberFrom(1001);
    public static readonly string Nhs2 = RecordSeeder.NhsNumberFrom(1002);

    public static async Task<(SeededNetwork A, Guid ImportId)> SeedAsync(TestDatabase db)
    {
        var a = await TestNetworks.SeedAsync(db, "U11111", "Alder Vale PCN", "a.test", "Partner", "Dr A", ("Z81001", 12_000), ("Z81002", 9_000));
        await using var scope = db.SystemScope();
        var s = new RecordSeeder(scope.ServiceProvider.GetRequiredService<PcnDbContext>(), a.PcnId);
        await s.PatientAsync(Patient1, Nhs1, "Z81001", new DateOnly(1950, 3, 1), Sex.Female);
        await s.EventAsync(Patient1, EventKind.Condition, "38341003", new DateOnly(2015, 6, 1), "Hypertension", status: "active");
        await s.EventAsync(Patient1, EventKind.Observation, "72313002", new DateOnly(2026, 10, 2), "Systolic", 132m, "mm[Hg]", sourceKey: 9001, seq: 0);
        await s.EventAsync(Patient1, EventKind.Observation, "1091811000000102", new DateOnly(2026, 10, 2), "Diastolic", 84m, "mm[Hg]", sourceKey: 9001, seq: 1);
        await s.EventAsync(Patient1, EventKind.Procedure, "160734000", new DateOnly(2024, 2, 1), "Lives in a nursing home");
        await s.MedicineAsync(Patient1, MedicationKind.RepeatTemplate, "39689611000001101", new DateOnly(2025, 1, 1), "Amlodipine 5mg tablets", status: "active");
        await s.PatientAsync(Patient2, Nhs2, "Z81002", new DateOnly(2015, 7, 1), Sex.Male);
        await s.EventAsync(Patient2, EventKind.Observation, "8302-2", new DateOnly(2026, 2, 1), "Body height", 120m, "cm", codeSystem: CodeSystems.Loinc);
        var importId = await s.ImportAsync("alder.ndjson", RecordImportStatus.Completed, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
            """{"Patient":{"read":3,"accepted":2,"skipped":0,"rejected":1}}""",
            ("Invalid NHS number", "Patient"), ("=cmd|' /C calc'!A0", "Observation"));
        return (a, importId);
    }

    public static async Task<List<AuditEvent>> AuditAsync(TestDatabase db, string action)
    {
        await using var scope = db.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<PcnDbContext>().AuditEvents.AsNoTracking().Where(e => e.Action == action).ToListAsync();
    }

    public static async Task<RecordImportRow?> RunAsync(TestDatabase db, int pcnId, Guid importId)
    {
        await using var scope = db.PcnScope(pcnId);
        return (await scope.ServiceProvider.GetRequiredService<RecordImportService>().GetAsync(importId))?.Run;
    }

    /// <summary>Waits for the background queue to finish a run (the importer runs off the request).</summary>
    public static async Task<RecordImportRow> WaitForFinishAsync(TestDatabase db, int pcnId, Guid importId)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await RunAsync(db, pcnId, importId) is { IsUnderWay: false } run)
            {
                return run;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The import did not finish in 10 seconds.");
    }
}

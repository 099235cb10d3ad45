using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;

namespace OpenPcn.Core.Tests.Features.CaseFinding;

/// <summary>
/// Network A (practices P82001, P82002) and network B (P82003); today is 23 November 2026. On the hypertension
/// register (HYP_COD 38341003, resolved HYPRES_COD 162659009): patient 1 (P82001, born 1950, female, diagnosed
/// 2015-06-01, systolic 152 on 2026-03-02) and patient 2 (P82002, born 1970, male, diagnosed 2020-01-01). Patient 3
/// (P82001, born 1980) has no diagnosis; patient 4 (P82001) was diagnosed but died in 2024. Network B's patient 9 is
/// on its own register.
/// </summary>
internal static class CaseFindingTestData
{
    public const string Hypertension = "38341003";
    public const string HypertensionResolved = "162659009";
    public const string Systolic = "72313002";
    public const string Register = "hypertension-register";
    public static readonly string Nhs1 = RecordSeeder.NhsNumberFrom(111);
    public static readonly string Nhs2 = RecordSeeder.NhsNumberFrom(222);

    public static async Task<(int A, int B)> SeedAsync(TestDatabase db)
    {
        var a = await db.CreateNetworkAsync("U11111", "A", "QOP", ("P82001", 12_000), ("P82002", 9_000));
        var b = await db.CreateNetworkAsync("U22222", "B", "QOP", ("P82003", 8_000));
        await using var scope = db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();

        var s = new RecordSeeder(context, a);
        await s.PatientAsync(1, Nhs1, "P82001", new DateOnly(1950, 3, 1), Sex.Female, ethnicCategory: "A", decile: 1);
        await s.EventAsync(1, EventKind.Condition, Hypertension, new DateOnly(2015, 6, 1));
        await s.EventAsync(1, EventKind.Observation, Systolic, new DateOnly(2026, 3, 2), value: 152m, unit: "mm[Hg]");
        await s.EventAsync(1, EventKind.Observation, Systolic, new DateOnly(2025, 3, 2), value: 128m, unit: "mm[Hg]");
        await s.PatientAsync(2, Nhs2, "P82002", new DateOnly(1970, 5, 1), Sex.Male, ethnicCategory: "H", decile: 9);
        await s.EventAsync(2, EventKind.Condition, Hypertension, new DateOnly(2020, 1, 1));
        await s.EventAsync(2, EventKind.Observation, Systolic, new DateOnly(2026, 6, 1), value: 138m, unit: "mm[Hg]");
        await s.PatientAsync(3, RecordSeeder.NhsNumberFrom(333), "P82001", new DateOnly(1980, 1, 1), Sex.Female);
        await s.PatientAsync(4, RecordSeeder.NhsNumberFrom(444), "P82001", new DateOnly(1940, 1, 1), Sex.Male, died: new DateOnly(2024, 6, 1));
        await s.EventAsync(4, EventKind.Condition, Hypertension, new DateOnly(2010, 1, 1));

        var sb = new RecordSeeder(context, b);
        await sb.PatientAsync(9, RecordSeeder.NhsNumberFrom(999), "P82003", new DateOnly(1960, 1, 1), Sex.Female);
        await sb.EventAsync(9, EventKind.Condition, Hypertension, new DateOnly(2019, 1, 1));
        return (a, b);
    }

    /// <summary>Adds a clinical event to a patient of <paramref name="pcnId"/>.</summary>
    public static async Task AddEventAsync(TestDatabase db, int pcnId, long patientId, string code, DateOnly date, decimal? value = null)
    {
        await using var scope = db.SystemScope();
        await new RecordSeeder(scope.ServiceProvider.GetRequiredService<PcnDbContext>(), pcnId)
            .EventAsync(patientId, value is null ? EventKind.Condition : EventKind.Observation, code, date, value: value);
    }
}

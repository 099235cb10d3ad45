using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;

namespace OpenPcn.Core.Tests.Features.Population;

/// <summary>
/// A network with two practices and a small, fully stated record set (today is 23 November 2026):
/// patient 1 (P82001, born 1950) has active hypertension and resolved asthma, two blood pressures, an HbA1c, a repeat
/// and an old stopped repeat, a recent and an old issue, a nursing-home code, an urgent referral and a care plan;
/// patient 2 (P82002, born 2015) has a LOINC observation and a SNOMED code with a wrong check digit; patient 3
/// (P82001) died in 2024. Network B has one patient of its own.
/// </summary>
internal static class PopulationTestData
{
    public static readonly string Nhs1 = RecordSeeder.NhsNumberFrom(101);
    public static readonly string Nhs2 = RecordSeeder.NhsNumberFrom(202);
    public static readonly string Nhs3 = RecordSeeder.NhsNumberFrom(303);
    public static readonly string NhsB = RecordSeeder.NhsNumberFrom(404);

    public static async Task<(int A, int B)> SeedAsync(TestDatabase db)
    {
        var a = await db.CreateNetworkAsync("U11111", "A", "QOP", ("P82001", 12_000), ("P82002", 9_000));
        var b = await db.CreateNetworkAsync("U22222", "B", "QOP", ("P82003", 8_000));
        await using var scope = db.SystemScope();
        var context = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PcnDbContext>(scope.ServiceProvider);

        var s = new RecordSeeder(context, a);
        await s.PatientAsync(1, Nhs1, "P82001", new DateOnly(1950, 3, 1), Sex.Female, ethnicCategory: "A", lsoa: "E01012345", decile: 3);
        await s.EventAsync(1, EventKind.Condition, "38341003", new DateOnly(2015, 6, 1), "Hypertension", status: "active");
        await s.EventAsync(1, EventKind.Condition, "195967001", new DateOnly(1990, 1, 1), "Asthma", end: new DateOnly(2000, 1, 1), status: "resolved");
        await s.EventAsync(1, EventKind.Observation, "72313002", new DateOnly(2026, 1, 10), "Systolic", 150m, "mm[Hg]", sourceKey: 501, seq: 0);
        await s.EventAsync(1, EventKind.Observation, "1091811000000102", new DateOnly(2026, 1, 10), "Diastolic", 95m, "mm[Hg]", sourceKey: 501, seq: 1);
        await s.EventAsync(1, EventKind.Observation, "72313002", new DateOnly(2026, 10, 2), "Systolic", 132m, "mm[Hg]", sourceKey: 502, seq: 0);
        await s.EventAsync(1, EventKind.Observation, "1091811000000102", new DateOnly(2026, 10, 2), "Diastolic", 84m, "mm[Hg]", sourceKey: 502, seq: 1);
        await s.EventAsync(1, EventKind.Observation, "999791000000106", new DateOnly(2026, 5, 1), "HbA1c", 48m, "mmol/mol");
        await s.EventAsync(1, EventKind.Observation, "999791000000106", new DateOnly(2025, 5, 1), "HbA1c", 52m, "mmol/mol");
        await s.EventAsync(1, EventKind.Procedure, "160734000", new DateOnly(2024, 2, 1), "Lives in a nursing home");
        await s.EventAsync(1, EventKind.Referral, "183444007", new DateOnly(2026, 9, 1), "Referral to cardiology", priority: "urgent", status: "active");
        await s.EventAsync(1, EventKind.CarePlan, "736366004", new DateOnly(2026, 4, 1), "Advance care plan", status: "active");
        await s.MedicineAsync(1, MedicationKind.RepeatTemplate, "39689611000001101", new DateOnly(2025, 1, 1), "Amlodipine 5mg tablets", status: "active");
        await s.MedicineAsync(1, MedicationKind.RepeatTemplate, "42206011000001103", new DateOnly(2018, 1, 1), "Ramipril 5mg capsules", end: new DateOnly(2019, 1, 1), status: "stopped");
        await s.MedicineAsync(1, MedicationKind.Issue, "39689611000001101", new DateOnly(2026, 11, 1), "Amlodipine 5mg tablets");
        await s.MedicineAsync(1, MedicationKind.Issue, "320000009", new DateOnly(2026, 8, 1), "Amoxicillin 500mg capsules");
        await s.MedicineAsync(1, MedicationKind.Issue, "322236009", new DateOnly(2025, 1, 1), "Paracetamol 500mg tablets");

        await s.PatientAsync(2, Nhs2, "P82002", new DateOnly(2015, 7, 1), Sex.Male);
        await s.EventAsync(2, EventKind.Observation, "8302-2", new DateOnly(2026, 2, 1), "Body height", 120m, "cm", codeSystem: CodeSystems.Loinc);
        await s.EventAsync(2, EventKind.Condition, "38341004", new DateOnly(2026, 2, 1), "Bad check digit");

        await s.PatientAsync(3, Nhs3, "P82001", new DateOnly(1930, 1, 1), Sex.Male, died: new DateOnly(2024, 6, 1));

        await s.ImportAsync("bulk.ndjson", RecordImportStatus.Completed, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero),
            """{"Patient":{"read":4,"accepted":3,"skipped":0,"rejected":1},"Observation":{"read":7,"accepted":7,"skipped":0,"rejected":0}}""",
            ("Invalid NHS number (Modulus 11 check failed)", "Patient"), ("=HYPERLINK(\"x\") missing code", "Observation"));

        var sb = new RecordSeeder(context, b);
        await sb.PatientAsync(9, NhsB, "P82003", new DateOnly(1960, 1, 1), Sex.Female);
        await sb.EventAsync(9, EventKind.Condition, "73211009", new DateOnly(2020, 1, 1), "Diabetes");
        await sb.ImportAsync("b.ndjson", RecordImportStatus.Completed, new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), "{}",
            ("No NHS number", "Patient"));
        return (a, b);
    }
}

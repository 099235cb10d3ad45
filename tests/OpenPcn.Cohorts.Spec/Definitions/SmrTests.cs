using OpenPcn.Core.Features.Population;
using static OpenPcn.Cohorts.Spec.Definitions.DefinitionTesting;

namespace OpenPcn.Cohorts.Spec.Definitions;

public sealed class SmrTests
{
    private const string CareHome = "248171000000108";
    private const string Severe = "925861000000102";
    private const string Moderate = "925831000000107";
    private const string Zopiclone = "321175006";
    private static readonly DateOnly Recent = new(2026, 10, 1);
    private static readonly DateOnly Old = new(2026, 1, 1);

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task SmrCareHome_AdultResident_IsInChildAndOthersOut(string engine)
    {
        var records = new Records()
            .Patient(1, age: 80).Coded(1, CareHome, new DateOnly(2025, 1, 1))
            .Patient(2, age: 17).Coded(2, CareHome, new DateOnly(2025, 1, 1))
            .Patient(3, age: 80);

        var result = await RunAsync(engine, "smr-care-home", records);

        Assert.Equal([1], Ids(result));
        Assert.Equal("care home resident code (CAREHOME_COD) on 2025-01-01", Reason("smr-care-home", result, 1));
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task SmrPolypharmacy_TenCurrentMedicines_IsIn(string engine)
    {
        var records = new Records();
        records.Patient(1);
        Issues(records, 1, 10, Recent);
        records.Patient(2).Issue(2, "old", Old);
        Issues(records, 2, 9, Recent);
        records.Patient(3).Medicine(3, MedicationKind.RepeatTemplate, "r1", new DateOnly(2025, 1, 1), status: "active")
            .Medicine(3, MedicationKind.RepeatTemplate, "r2", new DateOnly(2025, 1, 1), end: new DateOnly(2027, 1, 1), status: "active");
        Issues(records, 3, 8, Recent);
        records.Patient(4).Medicine(4, MedicationKind.RepeatTemplate, "r1", new DateOnly(2025, 1, 1), status: "stopped");
        Issues(records, 4, 9, Recent);
        records.Patient(5).Medicine(5, MedicationKind.RepeatTemplate, "r1", new DateOnly(2025, 1, 1), end: new DateOnly(2026, 6, 1), status: "active");
        Issues(records, 5, 9, Recent);
        records.Patient(6);
        for (var i = 0; i < 12; i++)
        {
            records.Issue(6, "same", Recent.AddDays(-i));
        }

        var result = await RunAsync(engine, "smr-polypharmacy", records);

        Assert.Equal([1, 3], Ids(result));
        Assert.StartsWith("10 different medicines", Reason("smr-polypharmacy", result, 3), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task SmrSevereFrailty_LatestCategorySevere_IsIn(string engine)
    {
        var records = new Records()
            .Patient(1, age: 85).Coded(1, Moderate, new DateOnly(2024, 1, 1)).Coded(1, Severe, Old)
            .Patient(2, age: 85).Coded(2, Severe, new DateOnly(2024, 1, 1)).Coded(2, Moderate, Old)
            .Patient(3, age: 85).Coded(3, Moderate, Old);

        var result = await RunAsync(engine, "smr-severe-frailty", records);

        Assert.Equal([1], Ids(result));
        Assert.Equal("severe frailty (SEVFRAIL_COD) coded on 2026-01-01", Reason("smr-severe-frailty", result, 1));
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task SmrAddictiveMedicines_GroupMedicineIssuedOrOnRepeat_IsIn(string engine)
    {
        var records = new Records()
            .Patient(1).Issue(1, Zopiclone, Recent)
            .Patient(2).Issue(2, Zopiclone, new DateOnly(2025, 10, 1))
            .Patient(3).Medicine(3, MedicationKind.RepeatTemplate, Zopiclone, new DateOnly(2025, 10, 1), status: "active")
            .Patient(4).Issue(4, "318902004", Recent)
            .Patient(5).Issue(5, "322503009", Recent)
            .Patient(6).Issue(6, "323014008", Recent)
            .Patient(7).Issue(7, "321197008", Recent);

        var result = await RunAsync(engine, "smr-addictive-medicines", records);

        Assert.Equal([1, 3, 5, 6, 7], Ids(result));
        Assert.StartsWith("opioid yes, gabapentinoid no", Reason("smr-addictive-medicines", result, 5), StringComparison.Ordinal);
        Assert.StartsWith("opioid no, gabapentinoid yes", Reason("smr-addictive-medicines", result, 6), StringComparison.Ordinal);
        Assert.Contains("benzodiazepine yes", Reason("smr-addictive-medicines", result, 7), StringComparison.Ordinal);
        Assert.Contains("Z-drug yes", Reason("smr-addictive-medicines", result, 1), StringComparison.Ordinal);
        Assert.Contains("latest issue or repeat 2026-10-01", Reason("smr-addictive-medicines", result, 1), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task SmrPriority_AnyGroup_IsInWithItsGroupsNamed(string engine)
    {
        var records = new Records()
            .Patient(1, age: 80).Coded(1, CareHome, new DateOnly(2025, 1, 1))
            .Patient(2, age: 80).Coded(2, Severe, Old).Issue(2, Zopiclone, Recent)
            .Patient(3, age: 80).Coded(3, Moderate, Old);

        var result = await RunAsync(engine, "smr-priority", records);

        Assert.Equal([1, 2], Ids(result));
        Assert.Equal("care home (0 current medicines)", Reason("smr-priority", result, 1));
        Assert.Equal("severe frailty, addictive medicines (1 current medicines)", Reason("smr-priority", result, 2));
    }

    private static void Issues(Records records, long patient, int count, DateOnly date)
    {
        for (var i = 0; i < count; i++)
        {
            records.Issue(patient, $"m{i}", date);
        }
    }
}

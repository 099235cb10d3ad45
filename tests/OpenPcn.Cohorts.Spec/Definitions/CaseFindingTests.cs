using OpenPcn.Core.Features.Population;
using static OpenPcn.Cohorts.Spec.Definitions.DefinitionTesting;

namespace OpenPcn.Cohorts.Spec.Definitions;

public sealed class CaseFindingTests
{
    private const string CareHome = "248171000000108";
    private const string CarePlan = "734163000";
    private const string Systolic = "72313002";
    private const string Diastolic = "1091811000000102";
    private const string Hypertension = "59621000";
    private static readonly DateOnly MoveIn = new(2026, 1, 10);
    private static readonly DateOnly BpDate = new(2026, 6, 1);

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task CareHomeWithoutCarePlan_NoPlanWithinSevenDays_IsIn(string engine)
    {
        var records = new Records()
            .Patient(1, age: 85).Coded(1, CareHome, MoveIn).Event(1, EventKind.CarePlan, CarePlan, MoveIn.AddDays(7))
            .Patient(2, age: 85).Coded(2, CareHome, MoveIn).Event(2, EventKind.CarePlan, CarePlan, MoveIn.AddDays(8))
            .Patient(3, age: 85)
            .Patient(4, age: 85).Coded(4, CareHome, MoveIn)
            .Patient(5, age: 85).Coded(5, CareHome, MoveIn).Event(5, EventKind.CarePlan, CarePlan, MoveIn.AddDays(-1));

        var result = await RunAsync(engine, "care-home-without-care-plan", records);

        Assert.Equal([2, 4, 5], Ids(result));
        Assert.Equal(
            "moved into a care home on 2026-01-10 (CAREHOME_COD); no care plan within 7 days; latest care plan 2026-01-18",
            Reason("care-home-without-care-plan", result, 2));
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task UndiagnosedHypertension_LatestBpRaisedAndNoRegister_IsIn(string engine)
    {
        var records = new Records();
        Bp(records.Patient(1), 1, 150, 85, BpDate);
        Bp(Bp(records.Patient(2), 2, 150, 95, new DateOnly(2025, 1, 1)), 2, 130, 80, BpDate);
        Bp(records.Patient(3).Coded(3, Hypertension, new DateOnly(2020, 1, 1)), 3, 150, 85, BpDate);
        Bp(records.Patient(4, age: 17), 4, 150, 85, BpDate);
        Bp(records.Patient(5), 5, 130, 95, BpDate);
        records.Patient(6).Observation(6, Systolic, BpDate, 150).Observation(6, Diastolic, BpDate.AddDays(1), 80);

        var result = await RunAsync(engine, "undiagnosed-hypertension", records);

        Assert.Equal([1, 5], Ids(result));
        Assert.Equal("latest BP 150/85 on 2026-06-01; not on the hypertension register (no HYP_COD)", Reason("undiagnosed-hypertension", result, 1));
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task HypertensionAboveTarget_AboveAgeTarget_IsIn(string engine)
    {
        var records = new Records();
        Bp(records.Patient(1, age: 60).Coded(1, Hypertension, new DateOnly(2020, 1, 1)), 1, 145, 85, BpDate);
        Bp(records.Patient(2, age: 85).Coded(2, Hypertension, new DateOnly(2020, 1, 1)), 2, 145, 85, BpDate);
        Bp(records.Patient(3, age: 85).Coded(3, Hypertension, new DateOnly(2020, 1, 1)), 3, 155, 85, BpDate);
        Bp(records.Patient(4, age: 60), 4, 160, 100, BpDate);
        Bp(records.Patient(5, age: 60).Coded(5, Hypertension, new DateOnly(2020, 1, 1)), 5, 140, 90, BpDate);

        var result = await RunAsync(engine, "hypertension-above-target", records);

        Assert.Equal([1, 3], Ids(result));
        Assert.Contains("above the target 150/90 (aged 85)", Reason("hypertension-above-target", result, 3), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task AfWithoutAnticoagulant_NoIssueInSixMonths_IsIn(string engine)
    {
        const string af = "49436004";
        const string apixaban = "703908001";
        var diagnosed = new DateOnly(2022, 1, 1);
        var records = new Records()
            .Patient(1, age: 75).Coded(1, af, diagnosed)
            .Patient(2, age: 75).Coded(2, af, diagnosed).Issue(2, apixaban, new DateOnly(2026, 10, 1))
            .Patient(3, age: 75).Coded(3, af, diagnosed).Issue(3, apixaban, new DateOnly(2025, 10, 1))
            .Patient(4, age: 75).Issue(4, apixaban, new DateOnly(2025, 10, 1));

        var result = await RunAsync(engine, "af-without-anticoagulant", records);

        Assert.Equal([1, 3], Ids(result));
        Assert.Contains("last issued 2025-10-01", Reason("af-without-anticoagulant", result, 3), StringComparison.Ordinal);
        Assert.Contains("last issued none", Reason("af-without-anticoagulant", result, 1), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task PossibleFamilialHypercholesterolaemia_LatestAbove7Point5_IsIn(string engine)
    {
        const string cholesterol = "1005671000000105";
        var records = new Records()
            .Patient(1).Observation(1, cholesterol, BpDate, 8.1m)
            .Patient(2).Observation(2, cholesterol, new DateOnly(2024, 1, 1), 8.1m).Observation(2, cholesterol, BpDate, 5.0m)
            .Patient(3).Observation(3, cholesterol, BpDate, 7.5m)
            .Patient(4, age: 16).Observation(4, cholesterol, BpDate, 9m);

        var result = await RunAsync(engine, "possible-familial-hypercholesterolaemia", records);

        Assert.Equal([1], Ids(result));
        Assert.Equal("latest total cholesterol 8.1 mmol/L on 2026-06-01", Reason("possible-familial-hypercholesterolaemia", result, 1));
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task LowerGiReferralWithoutFit_NoFitInTwentyOneDaysBefore_IsIn(string engine)
    {
        const string referral = "276401000000108";
        const string fit = "1049361000000101";
        var referred = new DateOnly(2026, 9, 1);
        var records = new Records()
            .Patient(1, age: 65).Event(1, EventKind.Referral, referral, referred).Observation(1, fit, referred.AddDays(-21), 25m)
            .Patient(2, age: 65).Event(2, EventKind.Referral, referral, referred)
            .Patient(3, age: 65).Event(3, EventKind.Referral, referral, referred).Observation(3, fit, referred.AddDays(-22), 25m)
            .Patient(4, age: 65).Event(4, EventKind.Referral, referral, new DateOnly(2025, 9, 1));

        var result = await RunAsync(engine, "lower-gi-referral-without-fit", records);

        Assert.Equal([2, 3], Ids(result));
        Assert.Equal(
            "urgent lower GI cancer referral on 2026-09-01 with no FIT in the 21 days before (latest FIT 2026-08-10)",
            Reason("lower-gi-referral-without-fit", result, 3));
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task LdHealthCheckDue_NoCheckThisFinancialYear_IsIn(string engine)
    {
        const string ld = "110359009";
        const string check = "ld-annual-health-check";
        var records = new Records()
            .Patient(1, age: 30).Coded(1, ld, new DateOnly(2010, 1, 1))
            .Patient(2, age: 30).Coded(2, ld, new DateOnly(2010, 1, 1)).Event(2, EventKind.Procedure, check, new DateOnly(2026, 5, 1))
            .Patient(3, age: 30).Coded(3, ld, new DateOnly(2010, 1, 1)).Event(3, EventKind.Procedure, check, new DateOnly(2026, 3, 31))
            .Patient(4, age: 13).Coded(4, ld, new DateOnly(2020, 1, 1))
            .Patient(5, age: 30);

        var result = await RunAsync(engine, "ld-health-check-due", records);

        Assert.Equal([1, 3], Ids(result));
        Assert.Equal(
            "on the learning disability register, aged 30; no health check since 2026-04-01 (last 2026-03-31)",
            Reason("ld-health-check-due", result, 3));
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task FrailtyWithoutCarePlan_ModerateOrSevereAtHomeWithoutPlan_IsIn(string engine)
    {
        const string mild = "925791000000100";
        const string moderate = "925831000000107";
        const string severe = "925861000000102";
        var coded = new DateOnly(2026, 1, 1);
        var records = new Records()
            .Patient(1, age: 80).Coded(1, moderate, coded)
            .Patient(2, age: 80).Coded(2, severe, coded).Event(2, EventKind.CarePlan, CarePlan, new DateOnly(2026, 3, 1))
            .Patient(3, age: 80).Coded(3, severe, coded).Event(3, EventKind.CarePlan, CarePlan, new DateOnly(2025, 6, 1))
            .Patient(4, age: 80).Coded(4, mild, coded)
            .Patient(5, age: 80).Coded(5, moderate, coded).Coded(5, CareHome, new DateOnly(2024, 1, 1));

        var result = await RunAsync(engine, "frailty-without-care-plan", records);

        Assert.Equal([1, 3], Ids(result));
        Assert.Equal(
            "severe frailty coded on 2026-01-01; no care plan in the last 12 months (latest 2025-06-01)",
            Reason("frailty-without-care-plan", result, 3));
    }

    private static Records Bp(Records records, long patient, decimal systolic, decimal diastolic, DateOnly date) =>
        records.Observation(patient, Systolic, date, systolic).Observation(patient, Diastolic, date, diastolic);
}

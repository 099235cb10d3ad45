using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;

namespace OpenPcn.Cohorts.Spec.Sql;

/// <summary>Aggregations, picked rows and network isolation on both databases.</summary>
public sealed class SqlEngineAggregateTests
{
    private static readonly DateOnly Born = new(1960, 1, 1);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Aggregates_PatientWithoutRows_ExistsFalseCountsZeroOthersNull(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(s => s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, Born, Sex.Female));
        var events = Cohort.ClinicalEvents;

        Assert.Equal(false, (await db.ValuesAsync(events.Exists()))[1]);
        Assert.Equal(0L, (await db.ValuesAsync(events.Count()))[1]);
        Assert.Equal(0L, (await db.ValuesAsync(events.CountDistinct(e => e.Code)))[1]);
        Assert.Null((await db.ValuesAsync(events.Maximum(e => e.Date)))[1]);
        Assert.Null((await db.ValuesAsync(events.Minimum(e => e.Value)))[1]);
        Assert.Null((await db.ValuesAsync(events.Sum(e => e.Value)))[1]);
        Assert.Null((await db.ValuesAsync(events.Latest(e => e.Date).Code))[1]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Aggregates_OverRows_CountDistinctMinimumMaximumSum(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(async s =>
        {
            await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, Born, Sex.Female);
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2026, 1, 5), value: 95.5m);
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2026, 3, 5), value: 140m);
            await s.EventAsync(1, EventKind.Observation, "chol", new DateOnly(2025, 7, 1), value: 1000m);
            await s.EventAsync(1, EventKind.Observation, "note", new DateOnly(2024, 2, 1));
        });
        var events = Cohort.ClinicalEvents;

        Assert.Equal(true, (await db.ValuesAsync(events.Exists()))[1]);
        Assert.Equal(4L, (await db.ValuesAsync(events.Count()))[1]);
        Assert.Equal(3L, (await db.ValuesAsync(events.CountDistinct(e => e.Code)))[1]);
        Assert.Equal(3L, (await db.ValuesAsync(events.CountDistinct(e => e.Value)))[1]);
        Assert.Equal(new DateOnly(2024, 2, 1), (await db.ValuesAsync(events.Minimum(e => e.Date)))[1]);
        Assert.Equal(new DateOnly(2026, 3, 5), (await db.ValuesAsync(events.Maximum(e => e.Date)))[1]);
        Assert.Equal(95.5, (await db.ValuesAsync(events.Minimum(e => e.Value)))[1]);
        Assert.Equal(1000.0, (await db.ValuesAsync(events.Maximum(e => e.Value)))[1]);
        Assert.Equal(1235.5, (await db.ValuesAsync(events.Sum(e => e.Value)))[1]);
        Assert.Equal(3L, (await db.ValuesAsync(events.Sum(e => Cohort.If<IntExpr>(e.Value.IsNotNull(), 1L, 0L))))[1]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Filter_DecimalStoredAsText_ComparesAsNumber(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(async s =>
        {
            await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, Born, Sex.Female);
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2026, 1, 5), value: 95m);
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2026, 2, 5), value: 1000m);
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2026, 3, 5), value: 140m);
        });

        var atLeast140 = await db.ValuesAsync(Cohort.ClinicalEvents.Where(e => e.Value >= 140).Count());
        var below140 = await db.ValuesAsync(Cohort.ClinicalEvents.Where(e => e.Value < 140.0).Count());
        var latest = await db.ValuesAsync(Cohort.ClinicalEvents.Latest(e => e.Date).Value);

        Assert.Equal(2L, atLeast140[1]);
        Assert.Equal(1L, below140[1]);
        Assert.Equal(140.0, latest[1]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pick_TiesOnSortKey_BrokenByImportOrder(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        var day = new DateOnly(2026, 3, 1);
        await db.SeedAsync(async s =>
        {
            await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, Born, Sex.Female);
            await s.EventAsync(1, EventKind.Observation, "early", day.AddDays(-9), sourceKey: 9_000_000_900);
            await s.EventAsync(1, EventKind.Observation, "b0", day, sourceKey: 9_000_000_200, seq: 0);
            await s.EventAsync(1, EventKind.Observation, "b1", day, sourceKey: 9_000_000_200, seq: 1);
            await s.EventAsync(1, EventKind.Observation, "a0", day, sourceKey: 9_000_000_100, seq: 0);
            await s.EventAsync(1, EventKind.Observation, "c0", day.AddDays(-9), sourceKey: 9_000_000_050, seq: 0);
        });

        var last = await db.ValuesAsync(Cohort.ClinicalEvents.Latest(e => e.Date).Code);
        var first = await db.ValuesAsync(Cohort.ClinicalEvents.Earliest(e => e.Date).Code);
        var lastOnDay = await db.ValuesAsync(Cohort.ClinicalEvents.Where(e => e.Date.Is(day)).Earliest(e => e.Date).Code);

        Assert.Equal("b1", last[1]);
        Assert.Equal("c0", first[1]);
        Assert.Equal("a0", lastOnDay[1]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pick_NullSortKeys_SortFirst(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(async s =>
        {
            await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, Born, Sex.Female);
            await s.EventAsync(1, EventKind.Condition, "open", new DateOnly(2020, 1, 1), sourceKey: 9_000_001_300);
            await s.EventAsync(1, EventKind.Condition, "ended", new DateOnly(2019, 1, 1), end: new DateOnly(2021, 1, 1), sourceKey: 9_000_001_100);
            await s.EventAsync(1, EventKind.Condition, "ended-early", new DateOnly(2018, 1, 1), end: new DateOnly(2019, 1, 1), sourceKey: 9_000_001_200);
            await s.PatientAsync(2, RecordSeeder.NhsNumberFrom(2), SqlEngineDatabase.Practice, Born, Sex.Male);
            await s.EventAsync(2, EventKind.Condition, "open-1", new DateOnly(2020, 1, 1), sourceKey: 9_000_001_400);
            await s.EventAsync(2, EventKind.Condition, "open-2", new DateOnly(2020, 1, 1), sourceKey: 9_000_001_500);
        });

        var last = await db.ValuesAsync(Cohort.ClinicalEvents.Latest(e => e.EndDate).Code);
        var first = await db.ValuesAsync(Cohort.ClinicalEvents.Earliest(e => e.EndDate).Code);

        Assert.Equal("ended", last[1]);
        Assert.Equal("open", first[1]);
        Assert.Equal("open-2", last[2]);
        Assert.Equal("open-1", first[2]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_RowsOfAnotherNetwork_AreNeverCounted(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(async s =>
        {
            await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, Born, Sex.Female);
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2026, 1, 5), value: 120m);
            await s.MedicineAsync(1, MedicationKind.Issue, "med", new DateOnly(2026, 1, 5));
        });
        await db.SeedAsync(
            async s =>
            {
                await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), "B82002", Born, Sex.Male);
                await s.PatientAsync(2, RecordSeeder.NhsNumberFrom(2), "B82002", Born, Sex.Male);
                await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2026, 2, 5), value: 180m);
                await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2026, 3, 5), value: 190m);
                await s.MedicineAsync(1, MedicationKind.Issue, "med", new DateOnly(2026, 1, 6));
            },
            otherNetwork: true);
        var query = new CohortQuery(
            Cohort.Patients.Sex.IsNotNull().Series,
            [
                new QueryColumn("events", Cohort.ClinicalEvents.Count().Series),
                new QueryColumn("latest", Cohort.ClinicalEvents.Latest(e => e.Date).Value.Series),
                new QueryColumn("medicines", Cohort.Medications.Count().Series),
                new QueryColumn("registrations", Cohort.Registrations.Count().Series),
                new QueryColumn("sex", Cohort.Patients.Sex.Series),
            ]);

        var result = await db.RunAsync(query);
        var other = await db.RunAsync(query, db.OtherPcnId);

        var row = Assert.Single(result.Rows);
        Assert.Equal([1L, 120.0, 1L, 1L, "female"], row.Values);
        Assert.Equal([1L, 2L], other.Rows.Select(r => r.PatientId));
        Assert.Equal([2L, 190.0, 1L, 1L, "male"], other.Rows[0].Values);
    }
}

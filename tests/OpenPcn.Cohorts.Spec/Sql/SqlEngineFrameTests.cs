using System.Data;
using OpenPcn.Cohorts.Engines.Sql;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;

namespace OpenPcn.Cohorts.Spec.Sql;

/// <summary>Frames that depend on other frames, every table, and the connection's state, on both databases.</summary>
public sealed class SqlEngineFrameTests
{
    private static readonly Codelist Hypertension = new("HYP_COD", "1", ["38341003"]);
    private static readonly Codelist Resolved = new("HYPRES_COD", "1", ["162659009"]);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Filter_UsingPatientValuesAndOtherFrames_JoinsThemPerRow(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(async s =>
        {
            await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, new DateOnly(2000, 1, 1), Sex.Female);
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2000, 6, 1), value: 100m);
            await s.EventAsync(1, EventKind.Condition, "38341003", new DateOnly(2020, 1, 1));
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2019, 6, 1), value: 150m);
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2021, 6, 1), value: 130m);
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2022, 6, 1), value: 145m);
            await s.PatientAsync(2, RecordSeeder.NhsNumberFrom(2), SqlEngineDatabase.Practice, new DateOnly(1990, 1, 1), Sex.Male);
            await s.EventAsync(2, EventKind.Observation, "bp", new DateOnly(2021, 6, 1), value: 130m);
        });
        var diagnosed = Cohort.ClinicalEvents.WithCode(Hypertension).Maximum(e => e.Date);
        var firstDiagnosis = Cohort.ClinicalEvents.WithCode(Hypertension).Earliest(e => e.Date);
        var bp = Cohort.ClinicalEvents.Where(e => e.Code.Is("bp"));

        var afterDiagnosis = await db.ValuesAsync(bp.Where(e => e.Date > diagnosed).Count());
        var afterFirst = await db.ValuesAsync(bp.Where(e => e.Date > firstDiagnosis.Date).Maximum(e => e.Value));
        var adult = await db.ValuesAsync(bp.Where(e => e.Date >= Cohort.Patients.DateOfBirth.AddDays(365 * 18)).Minimum(e => e.Value));
        var aboveLatest = await db.ValuesAsync(bp.Where(e => e.Value > bp.Latest(x => x.Date).Value).Count());
        var ageAtReading = await db.ValuesAsync(bp.Maximum(e => Cohort.Patients.DateOfBirth.YearsUntil(e.Date)));

        Assert.Equal(2L, afterDiagnosis[1]);
        Assert.Equal(0L, afterDiagnosis[2]);
        Assert.Equal(145.0, afterFirst[1]);
        Assert.Null(afterFirst[2]);
        Assert.Equal(130.0, adult[1]);
        Assert.Equal(130.0, adult[2]);
        Assert.Equal(1L, aboveLatest[1]);
        Assert.Equal(22L, ageAtReading[1]);
        Assert.Equal(31L, ageAtReading[2]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Codelist_MostlyAbsentCodes_SameAnswerAndNullStaysNull(DatabaseProvider provider)
    {
        // SQLite lists only the codes the events hold (see SqlDialect.CutsCodelists); the answers must not change,
        // including for a list none of whose codes is present and a patient with no row to test.
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(async s =>
        {
            await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, new DateOnly(1960, 1, 1), Sex.Female);
            await s.EventAsync(1, EventKind.Condition, "38341003", new DateOnly(2020, 1, 1));
            await s.EventAsync(1, EventKind.Condition, "other", new DateOnly(2021, 1, 1));
            await s.PatientAsync(2, RecordSeeder.NhsNumberFrom(2), SqlEngineDatabase.Practice, new DateOnly(1970, 1, 1), Sex.Male);
        });
        var wide = new Codelist("WIDE", "1", [.. Enumerable.Range(1, 3000).Select(i => $"9{i:D6}"), "38341003"]);
        var absent = new Codelist("ABSENT", "1", [.. Enumerable.Range(1, 3000).Select(i => $"8{i:D6}")]);
        var latest = Cohort.ClinicalEvents.Latest(e => e.Date);

        var wideCount = await db.ValuesAsync(Cohort.ClinicalEvents.WithCode(wide).Count());
        var absentCount = await db.ValuesAsync(Cohort.ClinicalEvents.WithCode(absent).Count());
        var latestNotAbsent = await db.ValuesAsync(!latest.Code.IsIn(absent));

        Assert.Equal(1L, wideCount[1]);
        Assert.Equal(0L, wideCount[2]);
        Assert.Equal(0L, absentCount[1]);
        Assert.Equal(true, latestNotAbsent[1]);
        Assert.Null(latestNotAbsent[2]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Aggregate_UsingAnAggregateOfItsOwnFrame_IsComputedSeparately(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(async s =>
        {
            await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, new DateOnly(1950, 1, 1), Sex.Female);
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2021, 6, 1), value: 150m);
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2022, 6, 1), value: 150m);
            await s.EventAsync(1, EventKind.Observation, "bp", new DateOnly(2023, 6, 1), value: 120m);
        });
        var bp = Cohort.ClinicalEvents.Where(e => e.Code.Is("bp"));

        var atMaximum = await db.ValuesAsync(bp.Sum(e => Cohort.If<IntExpr>(e.Value.Is(bp.Maximum(x => x.Value)), 1L, 0L)));

        Assert.Equal(2L, atMaximum[1]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OnRegister_LatestDiagnosisAfterLatestResolved_IsOnRegister(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(async s =>
        {
            foreach (var id in new long[] { 1, 2, 3, 4 })
            {
                await s.PatientAsync(id, RecordSeeder.NhsNumberFrom((int)id), SqlEngineDatabase.Practice, new DateOnly(1950, 1, 1), Sex.Female);
            }

            await s.EventAsync(1, EventKind.Condition, "38341003", new DateOnly(2020, 1, 1));
            await s.EventAsync(2, EventKind.Condition, "38341003", new DateOnly(2020, 1, 1));
            await s.EventAsync(2, EventKind.Condition, "162659009", new DateOnly(2021, 1, 1));
            await s.EventAsync(3, EventKind.Condition, "38341003", new DateOnly(2020, 1, 1));
            await s.EventAsync(3, EventKind.Condition, "162659009", new DateOnly(2021, 1, 1));
            await s.EventAsync(3, EventKind.Condition, "38341003", new DateOnly(2022, 1, 1));
            await s.EventAsync(4, EventKind.Condition, "38341003", new DateOnly(2027, 1, 1));
        });

        var register = await db.ValuesAsync(Cohort.Patients.Sex, Cohort.OnRegister(Hypertension, Resolved, Cohort.IndexDate));

        Assert.Equal([1L, 3L], register.Keys.Order());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MedicationsAndRegistrations_KindsAndDates_AreMapped(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(async s =>
        {
            await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, new DateOnly(1950, 1, 1), Sex.Female);
            await s.MedicineAsync(1, MedicationKind.Issue, "a", new DateOnly(2026, 1, 1));
            await s.MedicineAsync(1, MedicationKind.RepeatTemplate, "a", new DateOnly(2025, 1, 1), end: new DateOnly(2026, 6, 1), status: "stopped");
            await s.MedicineAsync(1, MedicationKind.Statement, "b", new DateOnly(2024, 1, 1));
            await s.PatientAsync(2, RecordSeeder.NhsNumberFrom(2), SqlEngineDatabase.Practice, new DateOnly(1960, 1, 1), Sex.Male, registered: false);
        });
        var medicines = Cohort.Medications;
        var registrations = Cohort.Registrations;

        var template = await db.ValuesAsync(medicines.Where(m => m.Kind.Is("repeat_template")).Latest(m => m.Date).EndDate);
        var templateKind = await db.ValuesAsync(medicines.Latest(m => m.Date).Column("kind"));
        var quantity = await db.ValuesAsync(medicines.Sum(m => m.Quantity));
        var open = await db.ValuesAsync(registrations.Where(r => r.EndDate.IsNull() & r.Practice.Is(SqlEngineDatabase.Practice)).Exists());
        var started = await db.ValuesAsync(registrations.Earliest(r => r.StartDate).StartDate);

        Assert.Equal(new DateOnly(2026, 6, 1), template[1]);
        Assert.Equal("issue", templateKind[1]);
        Assert.Equal(84.0, quantity[1]);
        Assert.Null(quantity[2]);
        Assert.Equal(true, open[1]);
        Assert.Equal(false, open[2]);
        Assert.Equal(new DateOnly(1960, 1, 1), started[2]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_ClosedConnection_OpensAndClosesIt(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(s => s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, new DateOnly(1950, 1, 1), Sex.Female));
        var query = new CohortQuery(Cohort.Patients.Sex.Is("female").Series, []);
        await using var closed = db.Connection();
        await using var open = db.Connection();
        await open.OpenAsync();

        var first = await new SqlCohortEngine(closed, db.Dialect, db.PcnId).RunAsync(query, SqlEngineDatabase.IndexDate);
        var second = await new SqlCohortEngine(open, db.Dialect, db.PcnId).RunAsync(query, SqlEngineDatabase.IndexDate);

        Assert.Equal(ConnectionState.Closed, closed.State);
        Assert.Equal(ConnectionState.Open, open.State);
        Assert.Equal([1L], first.Rows.Select(r => r.PatientId));
        Assert.Equal(first.Rows.Select(r => r.PatientId), second.Rows.Select(r => r.PatientId));
        Assert.Empty(first.ColumnNames);
    }
}

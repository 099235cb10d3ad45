using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;

namespace OpenPcn.Cohorts.Spec.Sql;

/// <summary>Patient columns, date arithmetic, null semantics and codelists on both databases.</summary>
public sealed class SqlEngineScalarTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PatientColumns_StoredValues_ComeBackAsLogicalValues(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(async s =>
        {
            await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, new DateOnly(1950, 6, 15), Sex.Female,
                died: new DateOnly(2025, 2, 1), ethnicCategory: "A", lsoa: "E01000001", decile: 3);
            await s.PatientAsync(2, RecordSeeder.NhsNumberFrom(2), SqlEngineDatabase.Practice, new DateOnly(1980, 1, 1), Sex.Male);
            await s.PatientAsync(3, RecordSeeder.NhsNumberFrom(3), SqlEngineDatabase.Practice, new DateOnly(1990, 1, 1), Sex.Other);
            await s.PatientAsync(4, RecordSeeder.NhsNumberFrom(4), SqlEngineDatabase.Practice, new DateOnly(2000, 1, 1), Sex.Unknown);
        });
        var p = Cohort.Patients;
        var query = new CohortQuery(
            new Value(true, CohortType.Boolean),
            [
                new QueryColumn("dob", p.DateOfBirth.Series),
                new QueryColumn("sex", p.Sex.Series),
                new QueryColumn("ethnic", p.EthnicCategory.Series),
                new QueryColumn("lsoa", p.Lsoa.Series),
                new QueryColumn("decile", p.DeprivationDecile.Series),
                new QueryColumn("died", p.DateOfDeath.Series),
                new QueryColumn("practice", p.Practice.Series),
            ]);

        var result = await db.RunAsync(query);
        var female = await db.ValuesAsync(p.Sex, p.Sex.Is("female"));
        var notMale = await db.ValuesAsync(p.Sex, p.Sex.IsNot("male"));

        Assert.Equal([1L, 2L, 3L, 4L], result.Rows.Select(r => r.PatientId));
        Assert.Equal([new DateOnly(1950, 6, 15), "female", "A", "E01000001", 3L, new DateOnly(2025, 2, 1), SqlEngineDatabase.Practice], result.Rows[0].Values);
        Assert.Equal([new DateOnly(1980, 1, 1), "male", null, null, null, null, SqlEngineDatabase.Practice], result.Rows[1].Values);
        Assert.Equal(["female", "male", "other", "unknown"], result.Rows.Select(r => r.Values[1]));
        Assert.Equal([1L], female.Keys);
        Assert.Equal([1L, 3L, 4L], notMale.Keys.Order());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Dates_AgeDaysAndMovedDates_MatchScalar(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(async s =>
        {
            await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, new DateOnly(2000, 2, 29), Sex.Female, decile: 7);
            await s.PatientAsync(2, RecordSeeder.NhsNumberFrom(2), SqlEngineDatabase.Practice, new DateOnly(2026, 12, 25), Sex.Male, decile: 1);
        });
        var p = Cohort.Patients;

        foreach (var (on, age) in new[] { (new DateOnly(2026, 2, 28), 25L), (new DateOnly(2026, 3, 1), 26L), (new DateOnly(2024, 2, 29), 24L) })
        {
            var ages = await db.ValuesAsync(p.AgeOn(on));
            Assert.Equal(age, ages[1]);
            Assert.Equal(Scalar.YearsBetween(new DateOnly(2026, 12, 25), on), ages[2]);
        }

        var days = await db.ValuesAsync(p.DateOfBirth.DaysUntil(Cohort.IndexDate));
        var plusDecile = await db.ValuesAsync(p.DateOfBirth.AddDays(p.DeprivationDecile));
        var minusConstant = await db.ValuesAsync(p.DateOfBirth.AddDays(-366));
        var plusConstant = await db.ValuesAsync(p.DateOfBirth.AddDays(1));

        Assert.Equal((long)(SqlEngineDatabase.IndexDate.DayNumber - new DateOnly(2000, 2, 29).DayNumber), days[1]);
        Assert.Equal(-32L, days[2]);
        Assert.Equal(new DateOnly(2000, 3, 7), plusDecile[1]);
        Assert.Equal(new DateOnly(2026, 12, 26), plusDecile[2]);
        Assert.Equal(new DateOnly(1999, 2, 28), minusConstant[1]);
        Assert.Equal(new DateOnly(2000, 3, 1), plusConstant[1]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Logic_NullOperands_AreThreeValued(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(s => s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, new DateOnly(1950, 1, 1), Sex.Female));
        var unknown = Cohort.Patients.DateOfDeath > new DateOnly(2020, 1, 1);
        var decile = Cohort.Patients.DeprivationDecile;

        Assert.Null((await db.ValuesAsync(unknown))[1]);
        Assert.Null((await db.ValuesAsync(!unknown))[1]);
        Assert.Equal(true, (await db.ValuesAsync(unknown | true))[1]);
        Assert.Null((await db.ValuesAsync(unknown | false))[1]);
        Assert.Equal(false, (await db.ValuesAsync(unknown & false))[1]);
        Assert.Null((await db.ValuesAsync(unknown & true))[1]);
        Assert.Equal(true, (await db.ValuesAsync(unknown.IsNull()))[1]);
        Assert.Equal(false, (await db.ValuesAsync(unknown.IsNotNull()))[1]);
        Assert.Equal(true, (await db.ValuesAsync(unknown.OrFalse().Not()))[1]);
        Assert.Null((await db.ValuesAsync(decile + 1))[1]);
        Assert.Equal(5L, (await db.ValuesAsync(decile.Or(4) + 1))[1]);
        Assert.Equal(2.5, (await db.ValuesAsync(Cohort.If<DecimalExpr>(unknown, 1.5, 2.5)))[1]);
        Assert.Null((await db.ValuesAsync(Cohort.If<IntExpr>(unknown, 1L)))[1]);
        Assert.Null((await db.ValuesAsync(Cohort.Null<DateExpr>()))[1]);
        Assert.Empty(await db.ValuesAsync(decile, unknown));
        Assert.Empty(await db.ValuesAsync(decile, !unknown));
        Assert.Single(await db.ValuesAsync(decile, unknown.IsNull()));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Codelist_ThousandsOfCodesAndQuotes_MatchesExactly(DatabaseProvider provider)
    {
        await using var db = await SqlEngineDatabase.CreateAsync(provider);
        await db.SeedAsync(async s =>
        {
            await s.PatientAsync(1, RecordSeeder.NhsNumberFrom(1), SqlEngineDatabase.Practice, new DateOnly(1950, 1, 1), Sex.Female);
            await s.EventAsync(1, EventKind.Condition, "1006999", new DateOnly(2020, 1, 1));
            await s.EventAsync(1, EventKind.Condition, "O'Brien", new DateOnly(2020, 1, 2));
            await s.EventAsync(1, EventKind.Condition, "999", new DateOnly(2020, 1, 3));
            await s.EventAsync(1, EventKind.Condition, "1006999 ", new DateOnly(2020, 1, 4));
            await s.PatientAsync(2, RecordSeeder.NhsNumberFrom(2), SqlEngineDatabase.Practice, new DateOnly(1950, 1, 1), Sex.Male);
            await s.EventAsync(2, EventKind.Condition, "2000000", new DateOnly(2020, 1, 1));
        });
        var codes = Enumerable.Range(1_000_000, 7_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("O'Brien");
        var codelist = new Codelist("BIG_COD", "1", codes);

        var counts = await db.ValuesAsync(Cohort.ClinicalEvents.WithCode(codelist).Count());
        var inList = await db.ValuesAsync(Cohort.ClinicalEvents.Latest(e => e.Date).Code.IsIn(codelist));

        Assert.Equal(2L, counts[1]);
        Assert.Equal(0L, counts[2]);
        Assert.Equal(false, inList[1]);
        Assert.Equal(false, inList[2]);
    }
}

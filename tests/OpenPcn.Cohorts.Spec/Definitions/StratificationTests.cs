using OpenPcn.Cohorts.Definitions;
using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Language;

namespace OpenPcn.Cohorts.Spec.Definitions;

public sealed class StratificationTests
{
    [Fact]
    public void Stratify_AnyCohort_HasTheThreeColumns()
    {
        var cohort = Populations.Query(Cohort.Patients.DeprivationDecile <= 3L);

        var stratified = Stratification.Stratify(cohort);

        Assert.Equal(["in_cohort", "deprivation_quintile", "ethnic_group"], stratified.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Summarise_HandMadeResult_CountsAndRatesPerGroup()
    {
        string[] columns = ["in_cohort", "deprivation_quintile", "ethnic_group"];
        var result = new CohortResult(columns,
        [
            new CohortRow(1, [true, 1L, "White"]),
            new CohortRow(2, [false, 1L, "White"]),
            new CohortRow(3, [false, 1L, "Asian"]),
            new CohortRow(4, [true, null, "Not stated"]),
        ]);

        var summary = Stratification.Summarise(result);

        var all = summary.Single(s => s.Dimension == "all");
        var first = summary.Single(s => s.Dimension == "deprivation_quintile" && s.Group == "1");
        var unknown = summary.Single(s => s.Dimension == "deprivation_quintile" && s.Group == "Unknown");
        var white = summary.Single(s => s.Dimension == "ethnic_group" && s.Group == "White");
        var black = summary.Single(s => s.Dimension == "ethnic_group" && s.Group == "Black");
        Assert.Equal((4, 2, 500.0), (all.Registered, all.InCohort, all.RatePerThousand));
        Assert.Equal((3, 1), (first.Registered, first.InCohort));
        Assert.Equal(1000.0 / 3, first.RatePerThousand, 6);
        Assert.Equal((1, 1, 1000.0), (unknown.Registered, unknown.InCohort, unknown.RatePerThousand));
        Assert.Equal((2, 1, 500.0), (white.Registered, white.InCohort, white.RatePerThousand));
        Assert.Equal((0, 0, 0.0), (black.Registered, black.InCohort, black.RatePerThousand));
        Assert.Equal(1 + 6 + 6, summary.Count);
    }

    [Theory]
    [MemberData(nameof(Records.Engines), MemberType = typeof(Records))]
    public async Task Stratify_RegisteredPatients_QuintileAndEthnicGroupPerPatient(string engine)
    {
        var cohort = Populations.Query(Cohort.Patients.DeprivationDecile <= 3L);
        var records = new Records()
            .Patient(1, ethnicCategory: "A", decile: 1)
            .Patient(2, ethnicCategory: "N", decile: 10)
            .Patient(3)
            .Patient(4, ethnicCategory: "Z", decile: 4)
            .Patient(5, ethnicCategory: "H", decile: 1, registered: false)
            .Patient(6, ethnicCategory: "R", decile: 6);

        var result = await records.RunAsync(engine, Stratification.Stratify(cohort));

        Assert.Equal([1, 2, 3, 4, 6], result.Rows.Select(r => r.PatientId));
        Assert.Equal([true, 1L, "White"], result.Rows[0].Values);
        Assert.Equal([false, 5L, "Black"], result.Rows[1].Values);
        Assert.Equal([false, null, "Not stated"], result.Rows[2].Values);
        Assert.Equal([false, 2L, "Not stated"], result.Rows[3].Values);
        Assert.Equal([false, 3L, "Other"], result.Rows[4].Values);
        var summary = Stratification.Summarise(result);
        Assert.Equal(200.0, summary.Single(s => s.Dimension == "all").RatePerThousand);
    }

    [Fact]
    public void Summarise_ResultWithoutStratifyColumns_Throws()
    {
        var result = new CohortResult(["age"], [new CohortRow(1, [40L])]);

        Assert.Throws<ArgumentException>(() => Stratification.Summarise(result));
    }
}

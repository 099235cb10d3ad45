using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Spec;

public sealed class ModelTests
{
    [Fact]
    public void Combine_TwoDifferentEventFrames_IsRefused()
    {
        var bp = Cohort.ClinicalEvents.Where(e => e.Value > 140);
        var all = Cohort.ClinicalEvents;

        var error = Assert.Throws<CohortModelException>(() => bp.Date > all.Date);

        Assert.Contains("two different sets of rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Column_SameFilterWrittenTwice_IsOneDomain()
    {
        var a = Cohort.ClinicalEvents.Where(e => e.Code.Is("1"));
        var b = Cohort.ClinicalEvents.Where(e => e.Code.Is("1"));

        var both = a.Date > b.Date;

        Assert.Equal(DomainKind.Events, both.Series.Domain.Kind);
    }

    [Fact]
    public void Query_EventLevelPopulation_IsRefused()
    {
        var population = Cohort.ClinicalEvents.Value > 140;

        Assert.Throws<CohortModelException>(() => new CohortQuery(population.Series, []));
    }

    [Fact]
    public void AddMonths_OnPatientDate_IsRefused()
    {
        Assert.Throws<CohortModelException>(() => Cohort.Patients.DateOfBirth.AddMonths(6));
    }
}

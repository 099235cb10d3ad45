using System.Text.Json;
using OpenPcn.Core.Features.Population;

namespace OpenPcn.Fhir.Tests.Synthetic;

/// <summary>
/// Measures a 20,000-patient population against the targets in pcn-facts §7. Tolerance for a share p over n people:
/// three binomial standard deviations plus 6% of p for calibration drift (so 15.3% of 20,000 may be off by about
/// ±1.6 points, 0.6% by about ±0.2 points).
/// </summary>
public sealed class SyntheticPopulationTests(SyntheticPopulationFixture population) : IClassFixture<SyntheticPopulationFixture>
{
    private static readonly string[] CareHomeCodes = ["248171000000108", "160734000", "394923006"];

    public static TheoryData<string, int, double> Targets => new()
    {
        { "hypertension", 0, 0.153 }, { "diabetes", 17, 0.077 }, { "depression", 18, 0.133 }, { "asthma", 6, 0.065 },
        { "ckd", 18, 0.041 }, { "cancer", 0, 0.036 }, { "chd", 0, 0.030 }, { "af", 0, 0.022 }, { "stroke-tia", 0, 0.019 },
        { "copd", 0, 0.019 }, { "heart-failure", 0, 0.011 }, { "smi", 0, 0.010 }, { "epilepsy", 18, 0.008 },
        { "dementia", 65, 0.0428 }, { "learning-disability", 0, 0.006 }, { "obesity", 18, 0.139 }, { "smoking", 15, 0.135 },
        { "ndh", 18, 0.065 }, { "pad", 0, 0.006 }, { "osteoporosis", 50, 0.010 }, { "rheumatoid-arthritis", 16, 0.008 },
        { "palliative-care", 0, 0.005 }, { "care-home", 0, 0.0057 }, { "ten-plus-medicines", 0, 0.016 },
        { "severe-frailty", 65, 0.035 },
    };

    private static double Tolerance(double p, int n) => (3 * Math.Sqrt(p * (1 - p) / n)) + (0.06 * p);

    [Theory]
    [MemberData(nameof(Targets))]
    public void WriteAsync_TwentyThousandPatients_ReportedPrevalenceNearTarget(string condition, int minAge, double target)
    {
        var denominator = population.Registered.Count(p => p.Age >= minAge);
        var share = (double)population.Report.PatientsByCondition[condition] / denominator;

        Assert.InRange(share, target - Tolerance(target, denominator), target + Tolerance(target, denominator));
    }

    [Fact]
    public void WriteAsync_TwentyThousandPatients_ReportCountsEqualFileLines()
    {
        foreach (var (type, count) in population.Report.ResourcesByType)
        {
            Assert.Equal(count, population.Lines(type).LongCount());
        }

        Assert.Equal(10, population.Report.ResourcesByType.Count);
        Assert.Equal(population.Report.ResourcesByType.Values.Sum(), population.Report.Resources);
        Assert.Equal(SyntheticPopulationFixture.PatientCount, population.Report.Patients);
    }

    [Fact]
    public void WriteAsync_TwentyThousandPatients_NhsNumbersValidUniqueInTestRange()
    {
        var numbers = population.Patients.Values.Select(p => p.NhsNumber).ToList();

        Assert.All(numbers, n => Assert.True(NhsNumber.TryParse(n, out _) && n.StartsWith("999", StringComparison.Ordinal), n));
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void WriteAsync_TwentyThousandPatients_HypertensionRegisterInFilesMatchesReport()
    {
        var inFiles = population.Registered.Count(p => p.ActiveConditionCodes.Contains("59621000") || p.ActiveConditionCodes.Contains("38341003"));

        Assert.Equal(population.Report.PatientsByCondition["hypertension"], inFiles);
    }

    [Fact]
    public void WriteAsync_TwentyThousandPatients_UndiagnosedHypertensionTwoToFourPercentOfAdults()
    {
        // Latest blood pressure at or above 140/90 and no active hypertension diagnosis, among registered adults.
        var adults = population.Registered.Where(p => p.Age >= 18).ToList();
        var undiagnosed = adults.Count(p => p.LatestBp is { } bp && (bp.Systolic >= 140 || bp.Diastolic >= 90)
            && !p.ActiveConditionCodes.Contains("59621000") && !p.ActiveConditionCodes.Contains("38341003"));

        Assert.InRange((double)undiagnosed / adults.Count, 0.02, 0.04);
        Assert.Equal(population.Report.PatientsByCondition["undiagnosed-hypertension"], undiagnosed);
    }

    [Fact]
    public void WriteAsync_TwentyThousandPatients_TenPlusMedicinesAboutOnePointSixPercentMostlyOver75()
    {
        // Distinct dm+d codes on active repeat templates.
        var registered = population.Registered.ToList();
        var many = registered.Where(p => p.ActiveRepeatCodes.Count >= 10).ToList();
        var share = (double)many.Count / registered.Count;

        Assert.InRange(share, 0.016 - Tolerance(0.016, registered.Count), 0.016 + Tolerance(0.016, registered.Count));
        Assert.True(many.Count(p => p.Age >= 75) > many.Count / 2, "most people on 10+ medicines are 75 or older");
        Assert.Equal(population.Report.PatientsByCondition["ten-plus-medicines"], many.Count);
    }

    [Fact]
    public void WriteAsync_TwentyThousandPatients_CareHomeResidentsAboutHalfAPercentMostly75Plus()
    {
        var registered = population.Registered.ToList();
        var residents = registered.Where(p => CareHomeCodes.Any(p.ObservationCodes.Contains)).ToList();

        Assert.InRange((double)residents.Count / registered.Count, 0.0057 - Tolerance(0.0057, registered.Count), 0.0057 + Tolerance(0.0057, registered.Count));
        Assert.True(residents.Count(p => p.Age >= 75) > residents.Count * 0.6);
    }

    [Fact]
    public void WriteAsync_TwentyThousandPatients_LearningDisabilityHealthChecksAboutSeventyTwoPercent()
    {
        var register = population.Report.PatientsByCondition["learning-disability-14-plus"];
        var checks = population.Report.PatientsByCondition["learning-disability-health-check"];

        Assert.InRange((double)checks / register, 0.72 - Tolerance(0.72, register), 0.72 + Tolerance(0.72, register));
    }

    [Fact]
    public void WriteAsync_TwentyThousandPatients_PracticesPartOfPcnWithListSizesSummingToRegistered()
    {
        var organisations = population.Lines("Organization").Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var practices = organisations.Where(o => o.TryGetProperty("partOf", out _)).ToList();
        var registered = practices.Sum(o => o.GetProperty("extension")[0].GetProperty("extension")[1].GetProperty("valueInteger").GetInt32());

        Assert.Equal(6, organisations.Count);
        Assert.All(practices, o => Assert.Equal("Organization/U90000", o.GetProperty("partOf").GetProperty("reference").GetString()));
        Assert.Equal(population.Registered.Count(), registered);
        Assert.Equal(population.Report.PatientsByCondition["registered"], registered);
    }
}

using System.Globalization;

namespace OpenPcn.Fhir.Synthetic;

/// <summary>People per generated condition and state, counted over patients registered on the "as of" date.</summary>
internal sealed class Tally
{
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public Tally()
    {
        foreach (var key in Keys)
        {
            _counts[key] = 0;
        }
    }

    /// <summary>Every key the report carries (zero when nobody has it).</summary>
    public static IEnumerable<string> Keys =>
        ConditionCatalogue.All.Select(c => c.Key).Concat(
        [
            "registered", "registered-6-plus", "registered-15-plus", "registered-16-plus", "registered-17-plus",
            "registered-18-plus", "registered-50-plus", "registered-65-plus", "registered-75-plus", "deceased", "deregistered", "diabetes-type1", "diabetes-type2", "undiagnosed-hypertension",
            "ex-smoker", "possible-familial-hypercholesterolaemia", "care-home", "care-home-care-plan-within-7-days",
            "mild-frailty", "moderate-frailty", "severe-frailty", "ten-plus-medicines", "ten-plus-medicines-75-plus",
            "learning-disability-14-plus", "learning-disability-health-check", "lower-gi-urgent-referral", "lower-gi-urgent-referral-with-fit",
        ]);

    public void Add(PatientModel p, (int Systolic, int Diastolic)? latestBp, int medicines, bool ldCheck, bool referral, bool fitBefore, bool planWithin7)
    {
        if (p.Died is not null)
        {
            Inc("deceased");
            return;
        }

        if (p.Deregistered is not null)
        {
            Inc("deregistered");
            return;
        }

        Inc("registered");
        foreach (var age in (ReadOnlySpan<int>)[6, 15, 16, 17, 18, 50, 65, 75])
        {
            Inc(string.Create(CultureInfo.InvariantCulture, $"registered-{age}-plus"), p.Age >= age);
        }

        // A condition counts where its register does: at or above its denominator age (asthma 6+, diabetes 17+, ...).
        foreach (var c in ConditionCatalogue.All)
        {
            Inc(c.Key, p.HasCond(c.Id) && p.Age >= c.DenominatorMinAge);
        }

        if (p.HasCond(Cond.Diabetes) && p.Age >= 17)
        {
            Inc(p.DiabetesType1 ? "diabetes-type1" : "diabetes-type2");
        }

        Inc("undiagnosed-hypertension", p.UndiagnosedHypertension && latestBp is { Systolic: >= 140 } or { Diastolic: >= 90 } && !p.HasCond(Cond.Hypertension));
        Inc("ex-smoker", p.ExSmoker);
        Inc("possible-familial-hypercholesterolaemia", p.HighCholesterol);
        Inc("care-home", p.CareHome is not null);
        Inc("care-home-care-plan-within-7-days", planWithin7);
        Inc("mild-frailty", p.Frailty == 1);
        Inc("moderate-frailty", p.Frailty == 2);
        Inc("severe-frailty", p.Frailty == 3);
        Inc("ten-plus-medicines", medicines >= 10);
        Inc("ten-plus-medicines-75-plus", medicines >= 10 && p.Age >= 75);
        Inc("learning-disability-14-plus", p.HasCond(Cond.LearningDisability) && p.Age >= 14);
        Inc("learning-disability-health-check", ldCheck);
        Inc("lower-gi-urgent-referral", referral);
        Inc("lower-gi-urgent-referral-with-fit", referral && fitBefore);
    }

    public IReadOnlyDictionary<string, int> Counts => _counts;

    private void Inc(string key, bool when = true)
    {
        if (when)
        {
            _counts[key]++;
        }
    }
}

using System.Globalization;

namespace OpenPcn.Fhir.Synthetic;

/// <summary>Draws a patient: demography, registration, conditions, and the states case-finding looks for.</summary>
internal static class PatientDraw
{
    // Deaths in the last year by age band (England ≈ 0.9% a year), more with palliative care.
    private static readonly double[] DeathRate = [0.0008, 0.0002, 0.0006, 0.0035, 0.012, 0.035, 0.13];

    // Ex-smokers among non-smokers aged 15+.
    private static readonly double[] ExSmokerRate = [0, 0.02, 0.14, 0.27, 0.36, 0.38, 0.35];

    // Undiagnosed hypertension (latest BP >= 140/90, no diagnosis) among adults without a diagnosis.
    private static readonly double[] UndiagnosedRate = [0, 0, 0.012, 0.05, 0.07, 0.07, 0.06];

    // Care-home residents (≈0.57% of registered patients, mostly 75+), before the dementia multiplier.
    private static readonly double[] CareHomeRate = [0, 0, 0.0003, 0.0007, 0.008, 0.034, 0.135];

    // eFI category by band (65+): severe, moderate, mild.
    private static readonly double[] Severe = [0, 0, 0, 0, 0.006, 0.025, 0.08];
    private static readonly double[] Moderate = [0, 0, 0, 0, 0.045, 0.13, 0.20];
    private static readonly double[] Mild = [0, 0, 0, 0, 0.10, 0.17, 0.18];

    // 10+ medicines: base by band, then weighted towards people with several treated conditions (calibrated so
    // about 1.6% of all patients, most of them 75+, are on ten or more).
    private static readonly double[] PolypharmacyRate = [0, 0, 0.0017, 0.014, 0.06, 0.077, 0.135];

    public static PatientModel Draw(int index, Rng rng, DateOnly asOf, string nhsNumber, Areas areas, double[] practiceWeights)
    {
        var (age, female) = AgeBands.Draw(rng);
        var birth = asOf.AddYears(-age).AddDays(-rng.Next(365));
        var area = areas.Draw(rng);
        var p = new PatientModel
        {
            Index = index,
            Id = string.Create(CultureInfo.InvariantCulture, $"p{index}"),
            NhsNumber = nhsNumber,
            Age = age,
            Female = female,
            BirthDate = birth,
            Ethnicity = Ethnicity.Draw(rng),
            Area = area,
            ImdDecile = areas.ImdDecile(area),
            Practice = rng.Pick(practiceWeights),
            AsOf = asOf,
        };

        DrawConditions(p, rng);
        DrawRegistration(p, rng);
        DrawStates(p, rng);
        return p;
    }

    private static void DrawConditions(PatientModel p, Rng rng)
    {
        var band = p.Band;
        foreach (var c in ConditionCatalogue.All)
        {
            if (p.Age < c.MinAge)
            {
                continue;
            }

            if (c.Id == Cond.Ndh && p.HasCond(Cond.Diabetes))
            {
                continue;
            }

            var prob = c.Band[band];
            var femaleMultiplier = 2.0 * c.FemaleRR / (1.0 + c.FemaleRR);
            prob *= p.Female ? femaleMultiplier : femaleMultiplier / c.FemaleRR;
            prob *= 1.0 + (c.DeprivationBeta * (5.5 - p.ImdDecile) / 4.5);
            foreach (var (factor, rr) in c.Risks)
            {
                var f = ConditionCatalogue.Get(factor);
                var q = f.Band[band] * AgeBands.FractionAtLeast(band, f.MinAge);
                prob *= (p.HasCond(factor) ? rr : 1.0) / (1.0 + (q * (rr - 1.0)));
            }

            if (c.Id == Cond.Ndh)
            {
                // NDH is only drawn for people without diabetes: lift it so the overall share stays on target.
                var dm = ConditionCatalogue.Get(Cond.Diabetes);
                prob /= 1.0 - (dm.Band[band] * AgeBands.FractionAtLeast(band, dm.MinAge));
            }

            prob = Math.Min(prob, 0.95);
            var x = rng.NextDouble();
            var i = (int)c.Id;
            if (x < prob)
            {
                p.Has[i] = true;
            }
            else if (c.Resolved is not null && x < prob * (1.0 + c.ResolvedShare))
            {
                p.HadResolved[i] = true;
            }
            else
            {
                continue;
            }

            // Onset: up to 25 years back, never before the condition's minimum age.
            var eligibleYears = Math.Min(25, p.Age - c.MinAge);
            var onset = p.AsOf.AddDays(-(int)(rng.NextDouble() * Math.Max(eligibleYears, 0.5) * 365.25));
            var earliest = p.BirthDate.AddYears(c.MinAge);
            p.Onset[i] = onset < earliest ? earliest : onset;
            if (p.HadResolved[i])
            {
                p.ResolvedOn[i] = PatientModel.DayBetween(rng, p.Onset[i].AddDays(90), p.AsOf.AddDays(-30));
            }

            p.Diagnosis[i] = c.Id switch
            {
                Cond.Diabetes => DrawDiabetesType(p, rng),
                Cond.Cancer => (p.Female ? ConditionCatalogue.CancerFemale : ConditionCatalogue.CancerMale)[rng.Pick(ConditionCatalogue.CancerSiteWeights)],
                _ when c.Diagnoses.Length == 0 => null,
                _ => c.Diagnoses[rng.Pick(c.Diagnoses.Select(d => d.Weight).ToArray())].Code,
            };
        }
    }

    private static Code DrawDiabetesType(PatientModel p, Rng rng)
    {
        // About 10% of diabetes is type 1, most of it diagnosed young.
        double[] type1Share = [1, 1, 0.3, 0.07, 0.045, 0.04, 0.04];
        p.DiabetesType1 = rng.Chance(type1Share[p.Band]);
        return p.DiabetesType1 ? ConditionCatalogue.Type1Diabetes : ConditionCatalogue.Type2Diabetes;
    }

    private static void DrawRegistration(PatientModel p, Rng rng)
    {
        var asOf = p.AsOf;
        var years = rng.Chance(0.08) ? rng.NextDouble() : rng.Uniform(1, Math.Min(Math.Max(p.Age, 1), 35));
        var from = asOf.AddDays(-(int)(years * 365.25));
        p.RegisteredFrom = from < p.BirthDate ? p.BirthDate : from;

        var death = DeathRate[p.Band] * (p.HasCond(Cond.PalliativeCare) ? 3 : 1);
        if (rng.Chance(Math.Min(death, 0.6)))
        {
            p.Died = PatientModel.DayBetween(rng, Max(p.RegisteredFrom, asOf.AddDays(-365)), asOf.AddDays(-1));
        }
        else if (rng.Chance(0.03))
        {
            p.Deregistered = PatientModel.DayBetween(rng, Max(p.RegisteredFrom, asOf.AddDays(-730)), asOf.AddDays(-1));
        }
    }

    private static void DrawStates(PatientModel p, Rng rng)
    {
        var band = p.Band;
        if (p.Age >= 15 && !p.HasCond(Cond.Smoking))
        {
            p.ExSmoker = rng.Chance(ExSmokerRate[band]);
        }

        if (p.Age >= 18 && !p.HasCond(Cond.Hypertension) && !p.HadResolved[(int)Cond.Hypertension])
        {
            p.UndiagnosedHypertension = rng.Chance(UndiagnosedRate[band]);
        }

        p.HighCholesterol = p.Age >= 30 && rng.Chance(0.012);

        var dementia = ConditionCatalogue.Get(Cond.Dementia);
        var q = dementia.Band[band] * AgeBands.FractionAtLeast(band, dementia.MinAge);
        var careHome = CareHomeRate[band] * (p.HasCond(Cond.Dementia) ? 4.0 : 1.0) / (1.0 + (3.0 * q));
        if (rng.Chance(careHome))
        {
            var x = rng.NextDouble();
            p.CareHome = x < 0.5 ? Codes.LivesInCareHome : x < 0.8 ? Codes.LivesInNursingHome : Codes.LivesInResidentialHome;
            p.CareHomeFrom = PatientModel.DayBetween(rng, Max(p.RegisteredFrom, p.AsOf.AddDays(-4 * 365)), p.RecordEnd);
        }

        if (p.Age >= 65)
        {
            var x = rng.NextDouble();
            p.Frailty = x < Severe[band] ? 3 : x < Severe[band] + Moderate[band] ? 2 : x < Severe[band] + Moderate[band] + Mild[band] ? 1 : 0;
            if (p.CareHome is not null)
            {
                p.Frailty = Math.Max(p.Frailty, rng.Chance(0.55) ? 3 : 2);
            }
        }

        var treated = p.TreatedConditionCount();
        double weight = treated switch { 0 => 0.03, 1 => 0.35, 2 => 1.2, 3 => 2.4, _ => 4.0 };
        p.Polypharmacy = rng.Chance(Math.Min(0.9, PolypharmacyRate[band] * weight * PolypharmacyScale));
    }

    /// <summary>Calibration of the multimorbidity weighting (the weights average about 1 over each age band); 1.1 makes up
    /// for the people whose conditions allow too few plausible medicines to reach ten.</summary>
    internal const double PolypharmacyScale = 1.1;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

namespace OpenPcn.Fhir.Synthetic;

/// <summary>Writes one patient's whole record and tallies what case-finding should find in it.</summary>
internal sealed class PatientRecord(PopulationFiles files, string[] practiceCodes, Areas areas, Tally tally)
{
    private readonly PatientWriter _patients = new(files, practiceCodes, areas);
    private readonly ObservationWriter _observations = new(files);
    private readonly MedicationWriter _medicines = new(files);

    public void Write(PatientModel p, Rng rng)
    {
        var n = 0;
        _patients.WritePatient(p, rng);
        _patients.WriteConditions(p, ref n);
        var latestBp = _observations.WriteBloodPressures(p, rng, ref n);
        _observations.WriteMeasurements(p, rng, ref n);
        var medicines = _medicines.Write(p, rng, ref n);
        var end = p.RecordEnd;

        // Learning disability annual health check (people 14+ on the register): about 72% this financial year.
        var ldCheck = false;
        if (p.HasCond(Cond.LearningDisability) && p.Age >= 14 && rng.Chance(0.72))
        {
            var yearStart = new DateOnly(p.AsOf.Month >= 4 ? p.AsOf.Year : p.AsOf.Year - 1, 4, 1);
            var from = p.AsOf.DayNumber - yearStart.DayNumber >= 30 ? yearStart : p.AsOf.AddDays(-30);
            if (end >= from)
            {
                _patients.WriteProcedure(p, ref n, Codes.LdHealthCheck, PatientModel.DayBetween(rng, from, end));
                ldCheck = true;
            }
        }

        // Medication reviews: structured ones for many on 10+ medicines and in care homes; ordinary ones for others.
        if (medicines > 0)
        {
            var smr = rng.Chance(p.Polypharmacy ? 0.45 : p.CareHome is not null ? 0.5 : medicines >= 5 ? 0.1 : 0.0);
            if (smr || rng.Chance(0.35))
            {
                _patients.WriteProcedure(p, ref n, smr ? Codes.StructuredMedicationReview : Codes.MedicationReview, end.AddDays(-rng.Next(365)));
            }
        }

        // Urgent suspected lower GI cancer referrals in the last year, most with a FIT in the 21 days before.
        var referral = false;
        var fitBefore = false;
        double referralRate = p.Age switch { < 18 => 0, < 40 => 0.002, < 50 => 0.006, < 70 => 0.015, _ => 0.025 };
        if (rng.Chance(referralRate))
        {
            var date = end.AddDays(-rng.Next(365));
            var x = rng.NextDouble();
            if (x < 0.7)
            {
                var fit = rng.Chance(0.85) ? rng.Uniform(10, 400) : rng.Uniform(0, 9.9);
                _observations.Value(p, ref n, Codes.Fit, date.AddDays(-rng.Between(1, 21)), Math.Round(fit, 1), Codes.UgPerG);
                fitBefore = true;
            }
            else if (x < 0.8)
            {
                // A FIT too long before to count.
                _observations.Value(p, ref n, Codes.Fit, date.AddDays(-rng.Between(30, 90)), Math.Round(rng.Uniform(10, 150), 1), Codes.UgPerG);
            }

            _patients.WriteUrgentReferral(p, ref n, Codes.FastTrackColorectal, date, completed: rng.Chance(0.8));
            referral = true;
        }

        // Care plans for care-home residents: most within 7 days of moving in, some later, some none.
        var planWithin7 = false;
        if (p.CareHome is not null)
        {
            var x = rng.NextDouble();
            var date = x < 0.6 ? p.CareHomeFrom.AddDays(rng.Between(0, 7)) : x < 0.75 ? p.CareHomeFrom.AddDays(rng.Between(8, 120)) : DateOnly.MaxValue;
            if (date <= end)
            {
                _patients.WriteCarePlan(p, ref n, date);
                planWithin7 = x < 0.6;
            }
        }

        // Past appointments in the last year: more for older people and those with more conditions.
        var mean = (p.Age < 18 ? 1.2 : p.Age < 65 ? 1.8 : 3.5) + (0.5 * p.TreatedConditionCount());
        var appointments = Math.Min(12, (int)(-mean * Math.Log(1.0 - rng.NextDouble())));
        for (var k = 0; k < appointments; k++)
        {
            _patients.WriteAppointment(p, ref n, end.AddDays(-rng.Between(1, 365)), rng);
        }

        tally.Add(p, latestBp, medicines, ldCheck, referral, fitBefore, planWithin7);
    }
}

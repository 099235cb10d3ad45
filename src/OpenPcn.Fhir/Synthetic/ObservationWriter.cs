namespace OpenPcn.Fhir.Synthetic;

/// <summary>Observations: blood pressure, laboratory results, BMI, smoking, frailty, care home and other coded findings.</summary>
internal sealed class ObservationWriter(PopulationFiles files)
{
    private readonly NdjsonFile _file = files.Observation;

    /// <summary>A coded finding without a value (resolved codes, frailty, care home, smoking status).</summary>
    public static void Coded(NdjsonFile file, PatientModel p, ref int n, Code code, DateOnly date)
    {
        var w = file.Begin("Observation"u8);
        w.WriteString("id"u8, Json.Id('o', p.Index, n++));
        w.WriteString("status"u8, "final"u8);
        Json.Concept(w, "code"u8, code);
        Json.Reference(w, "subject"u8, "Patient/" + p.Id);
        Json.Date(w, "effectiveDateTime"u8, date);
        file.End();
    }

    public void Coded(PatientModel p, ref int n, Code code, DateOnly date) => Coded(_file, p, ref n, code, date);

    public void Value(PatientModel p, ref int n, Code code, DateOnly date, double value, Unit unit)
    {
        var w = _file.Begin("Observation"u8);
        w.WriteString("id"u8, Json.Id('o', p.Index, n++));
        w.WriteString("status"u8, "final"u8);
        Json.Concept(w, "code"u8, code);
        Json.Reference(w, "subject"u8, "Patient/" + p.Id);
        Json.Date(w, "effectiveDateTime"u8, date);
        Json.Quantity(w, "valueQuantity"u8, value, unit);
        _file.End();
    }

    public void BloodPressure(PatientModel p, ref int n, DateOnly date, int systolic, int diastolic)
    {
        var w = _file.Begin("Observation"u8);
        w.WriteString("id"u8, Json.Id('o', p.Index, n++));
        w.WriteString("status"u8, "final"u8);
        Json.Concept(w, "code"u8, Codes.BloodPressure);
        Json.Reference(w, "subject"u8, "Patient/" + p.Id);
        Json.Date(w, "effectiveDateTime"u8, date);
        w.WritePropertyName("component"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        Json.Concept(w, "code"u8, Codes.Systolic);
        Json.Quantity(w, "valueQuantity"u8, systolic, Codes.MmHg);
        w.WriteEndObject();
        w.WriteStartObject();
        Json.Concept(w, "code"u8, Codes.Diastolic);
        Json.Quantity(w, "valueQuantity"u8, diastolic, Codes.MmHg);
        w.WriteEndObject();
        w.WriteEndArray();
        _file.End();
    }

    /// <summary>Blood pressures over the last five years, consistent with the diagnosis; returns the latest systolic/diastolic.</summary>
    public (int Systolic, int Diastolic)? WriteBloodPressures(PatientModel p, Rng rng, ref int n)
    {
        if (p.Age < 18)
        {
            return null;
        }

        var hypertension = p.HasCond(Cond.Hypertension);
        var count = hypertension ? 3 : p.UndiagnosedHypertension ? 2 : p.Age >= 40 ? 2 : rng.Chance(0.5) ? 1 : 0;
        if (count == 0)
        {
            return null;
        }

        var end = p.RecordEnd;
        var baseSystolic = 112 + (0.45 * (p.Age - 18));
        var baseDiastolic = 72 + (0.12 * Math.Min(p.Age - 18, 40));
        (int, int) latest = default;
        for (var k = count - 1; k >= 0; k--)
        {
            // Readings roughly a year apart; the latest within the last year for most people with hypertension.
            var date = end.AddDays(-((k * 365) + rng.Next(330)));
            int s, d;
            if (hypertension)
            {
                s = (int)rng.Normal(138, 13, 105, 195);
                d = (int)rng.Normal(81, 9, 55, 115);
            }
            else if (p.UndiagnosedHypertension && k == 0)
            {
                s = rng.Between(141, 172);
                d = rng.Between(91, 106);
            }
            else
            {
                s = (int)rng.Normal(Math.Min(baseSystolic, 132), 9, 95, 139);
                d = (int)rng.Normal(Math.Min(baseDiastolic, 82), 6, 55, 89);
            }

            BloodPressure(p, ref n, date, s, d);
            latest = (s, d);
        }

        return latest;
    }

    public void WriteMeasurements(PatientModel p, Rng rng, ref int n)
    {
        var end = p.RecordEnd;
        var adult = p.Age >= 18;

        if (adult && (p.HasCond(Cond.Obesity) || rng.Chance(0.6)))
        {
            var obese = p.HasCond(Cond.Obesity);
            var bmi = obese ? 30 + Math.Min(20, -4.5 * Math.Log(1 - rng.NextDouble())) : rng.Normal(25, 2.6, 17, 29.9);
            var date = obese ? end.AddDays(-rng.Next(330)) : end.AddDays(-rng.Next(5 * 365));
            Value(p, ref n, Codes.Bmi, date, Math.Round(bmi, 1), Codes.KgPerM2);
        }

        if (p.Age >= 15)
        {
            var date = end.AddDays(-rng.Next(3 * 365));
            var status = p.HasCond(Cond.Smoking) ? Codes.CurrentSmoker[rng.Next(Codes.CurrentSmoker.Length)] : p.ExSmoker ? Codes.ExSmoker : Codes.NeverSmoked;
            Coded(p, ref n, status, date);
        }

        var diabetes = p.HasCond(Cond.Diabetes);
        var ndh = p.HasCond(Cond.Ndh);
        if (diabetes || ndh || (p.Age >= 40 && rng.Chance(0.35)))
        {
            var tests = diabetes ? 3 : ndh ? 2 : 1;
            for (var k = tests - 1; k >= 0; k--)
            {
                var value = diabetes ? rng.Normal(p.DiabetesType1 ? 66 : 57, 12, 38, 130) : ndh ? rng.Normal(44.5, 1.6, 42, 47) : rng.Normal(36, 2.8, 25, 41);
                Value(p, ref n, Codes.HbA1c, end.AddDays(-((k * 182) + rng.Next(150))), Math.Round(value), Codes.MmolPerMol);
            }
        }

        var cardiovascular = p.HasCond(Cond.Chd) || diabetes || p.HasCond(Cond.Hypertension) || p.HasCond(Cond.StrokeTia);
        if (p.HighCholesterol || (p.Age >= 40 && rng.Chance(cardiovascular ? 0.8 : 0.45)))
        {
            var value = p.HighCholesterol ? rng.Uniform(7.6, 10.5) : rng.Normal(5.1, 0.9, 2.5, 7.4);
            Value(p, ref n, Codes.TotalCholesterol, end.AddDays(-rng.Next(3 * 365)), Math.Round(value, 1), Codes.MmolPerL);
        }

        var ckd = p.HasCond(Cond.Ckd);
        if (ckd || (adult && (diabetes || p.HasCond(Cond.Hypertension) || p.Age >= 60 || (p.Age >= 40 && rng.Chance(0.3)))))
        {
            var tests = ckd ? 2 : 1;
            var stage = p.Diagnosis[(int)Cond.Ckd]?.RawValue;
            for (var k = tests - 1; k >= 0; k--)
            {
                double value = !ckd ? rng.Normal(Math.Max(70, 112 - (0.7 * (p.Age - 20))), 10, 60, 130)
                    : stage == "433146000" ? rng.Uniform(8, 14.9)
                    : stage == "431857002" ? rng.Uniform(15, 29.9)
                    : stage == "700379002" ? rng.Uniform(30, 44.9)
                    : rng.Uniform(45, 59.9);
                Value(p, ref n, Codes.Egfr, end.AddDays(-((k * 200) + rng.Next(300))), Math.Round(value), Codes.Egfr173);
            }
        }

        if (p.Frailty > 0)
        {
            var code = p.Frailty switch { 3 => Codes.SevereFrailty, 2 => Codes.ModerateFrailty, _ => Codes.MildFrailty };
            Coded(p, ref n, code, end.AddDays(-rng.Next(2 * 365)));
        }

        if (p.CareHome is { } home && p.CareHomeFrom <= end)
        {
            Coded(p, ref n, home, p.CareHomeFrom);
        }
    }
}

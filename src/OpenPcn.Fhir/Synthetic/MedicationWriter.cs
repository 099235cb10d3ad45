using System.Text.Json;

namespace OpenPcn.Fhir.Synthetic;

/// <summary>
/// Repeat templates (MedicationRequest intent <c>plan</c>) consistent with the patient's conditions, and their issues
/// (intent <c>order</c>) every 28 days over the last two years.
/// </summary>
internal sealed class MedicationWriter(PopulationFiles files)
{
    private static readonly JsonEncodedText OneDaily = JsonEncodedText.Encode("As directed");
    private readonly NdjsonFile _file = files.MedicationRequest;
    private readonly List<(Medicine Medicine, DateOnly Start)> _current = [];

    /// <summary>Writes the medicines and returns how many distinct medicines are current at the end of the record.</summary>
    public int Write(PatientModel p, Rng rng, ref int n)
    {
        _current.Clear();
        Choose(p, rng);
        var end = p.RecordEnd;

        // Cap people not drawn for polypharmacy below ten; top up those who were.
        if (!p.Polypharmacy && _current.Count > 9)
        {
            _current.RemoveRange(9, _current.Count - 9);
        }
        else if (p.Polypharmacy)
        {
            var target = rng.Between(10, 13);
            foreach (var m in Medicines.PolypharmacyTopUp)
            {
                if (_current.Count >= target)
                {
                    break;
                }

                if (!_current.Exists(x => ReferenceEquals(x.Medicine, m)) && Plausible(p, m))
                {
                    Add(p, rng, m, p.AsOf.AddDays(-365 * 8), secondStrength: Medicines.IsSecondStrength(m));
                }
            }
        }

        foreach (var (medicine, start) in _current)
        {
            var template = Json.Id('m', p.Index, n++);
            Template(p, template, medicine, start, p.Died is null ? "active"u8 : "stopped"u8);
            var issuesFrom = start > end.AddDays(-730) ? start : end.AddDays(-730);
            for (var day = issuesFrom.AddDays(rng.Next(20)); day <= end; day = day.AddDays(28 + rng.Between(-2, 2)))
            {
                Issue(p, Json.Id('m', p.Index, n++), template, medicine, day);
            }
        }

        // About one treated person in five has an older medicine that was stopped at least seven months ago.
        if (_current.Count > 0 && rng.Chance(0.2) && p.RecordEnd.AddDays(-220) > p.RegisteredFrom)
        {
            var stoppedOn = PatientModel.DayBetween(rng, p.RegisteredFrom.AddDays(90), end.AddDays(-220));
            var stopped = _current[0].Medicine.Group == "ccb" ? Medicines.Felodipine5 : Medicines.Bendroflumethiazide;
            var template = Json.Id('m', p.Index, n++);
            var start = stoppedOn.AddDays(-rng.Between(90, 900));
            start = start < p.BirthDate ? p.BirthDate : start;
            Template(p, template, stopped, start, "stopped"u8);
            for (var k = 3; k >= 1; k--)
            {
                Issue(p, Json.Id('m', p.Index, n++), template, stopped, stoppedOn.AddDays(-28 * k));
            }
        }

        return p.RegisteredAtAsOf ? _current.Count : 0;
    }

    /// <summary>
    /// Whether a top-up medicine fits the person: heart and blood-pressure medicines only with a cardiovascular or
    /// renal condition, never an ACE inhibitor with an ARB, no NSAID or aspirin with an anticoagulant (or an NSAID in
    /// heart failure or CKD), and a second strength only beside its first. Worklists that look for these combinations
    /// (PINCER, "antihypertensive without a diagnosis") should find only the people drawn for them.
    /// </summary>
    private bool Plausible(PatientModel p, Medicine m)
    {
        bool Has(string group) => _current.Exists(x => x.Medicine.Group == group);
        var cardiovascular = p.HasCond(Cond.Hypertension) || p.HasCond(Cond.HeartFailure) || p.HasCond(Cond.Chd)
            || p.HasCond(Cond.Ckd) || p.HasCond(Cond.Af) || p.HasCond(Cond.StrokeTia);
        return m.Group switch
        {
            "ccb" or "thiazide" or "alpha" or "bb" or "loop" or "mra" when !cardiovascular => false,
            "acei" or "arb" => cardiovascular && !Has("acei") && !Has("arb"),
            "nsaid" => !Has("anticoag") && !p.HasCond(Cond.HeartFailure) && !p.HasCond(Cond.Ckd),
            "antiplatelet" => !Has("anticoag"),
            _ when Medicines.IsSecondStrength(m) => Has(m.Group),
            _ => true,
        };
    }

    private void Add(PatientModel p, Rng rng, Medicine m, DateOnly since, bool secondStrength = false)
    {
        if (!secondStrength && _current.Exists(x => x.Medicine.Group == m.Group))
        {
            return;
        }

        var from = since < p.RegisteredFrom.AddYears(-5) ? p.RegisteredFrom.AddYears(-5) : since;
        _current.Add((m, PatientModel.DayBetween(rng, from, p.RecordEnd.AddDays(-28))));
    }

    private void Choose(PatientModel p, Rng rng)
    {
        var onset = p.Onset;
        if (p.HasCond(Cond.Hypertension) && rng.Chance(0.9))
        {
            var since = onset[(int)Cond.Hypertension];
            var acei = rng.NextDouble() switch { < 0.5 => Medicines.Ramipril5, < 0.75 => Medicines.Lisinopril10, < 0.9 => Medicines.Losartan50, _ => Medicines.Candesartan8 };
            var ccb = rng.Chance(0.7) ? Medicines.Amlodipine5 : Medicines.Amlodipine10;
            Medicine[] steps = p.Age < 55 && !Ethnicity.IsBlack(p.Ethnicity)
                ? [acei, ccb, Medicines.Indapamide, Medicines.Doxazosin4]
                : [ccb, acei, Medicines.Indapamide, Medicines.Doxazosin4];
            var count = 1 + rng.Pick([0.45, 0.35, 0.15, 0.05]);
            for (var k = 0; k < count; k++)
            {
                Add(p, rng, steps[k], since);
            }
        }

        if (p.HasCond(Cond.Diabetes) && rng.Chance(0.3))
        {
            Add(p, rng, Medicines.Ramipril5, onset[(int)Cond.Diabetes]);
        }

        if (p.HasCond(Cond.Ckd) && rng.Chance(0.6))
        {
            Add(p, rng, rng.Chance(0.7) ? Medicines.Ramipril5 : Medicines.Losartan50, onset[(int)Cond.Ckd]);
        }

        if (p.HasCond(Cond.Af))
        {
            var since = onset[(int)Cond.Af];
            if (rng.Chance(0.85))
            {
                var x = rng.NextDouble();
                if (x < 0.18)
                {
                    Add(p, rng, Medicines.Warfarin1, since);
                    _current.Add((Medicines.Warfarin3, _current[^1].Start));
                }
                else
                {
                    Add(p, rng, x < 0.68 ? (p.Age >= 80 && rng.Chance(0.4) ? Medicines.Apixaban2_5 : Medicines.Apixaban5) : x < 0.88 ? Medicines.Rivaroxaban20 : Medicines.Edoxaban60, since);
                }
            }

            if (rng.Chance(0.65))
            {
                Add(p, rng, rng.Chance(0.85) ? Medicines.Bisoprolol5 : Medicines.Atenolol50, since);
            }

            if (rng.Chance(0.03))
            {
                Add(p, rng, Medicines.Amiodarone200, since);
            }
        }

        var anticoagulated = _current.Exists(x => x.Medicine.Group == "anticoag");
        if (p.HasCond(Cond.Chd))
        {
            var since = onset[(int)Cond.Chd];
            if (!anticoagulated && rng.Chance(0.9))
            {
                Add(p, rng, rng.Chance(0.82) ? Medicines.Aspirin75 : Medicines.Clopidogrel75, since);
                if (p.Diagnosis[(int)Cond.Chd]?.RawValue == "22298006" && since > p.AsOf.AddYears(-1))
                {
                    Add(p, rng, Medicines.Ticagrelor90, since);
                }
            }

            if (rng.Chance(0.55))
            {
                Add(p, rng, Medicines.Bisoprolol5, since);
            }
        }

        if ((p.HasCond(Cond.StrokeTia) || p.HasCond(Cond.Pad)) && !anticoagulated && rng.Chance(0.75))
        {
            Add(p, rng, Medicines.Clopidogrel75, onset[(int)(p.HasCond(Cond.StrokeTia) ? Cond.StrokeTia : Cond.Pad)]);
        }

        if (p.HasCond(Cond.HeartFailure))
        {
            var since = onset[(int)Cond.HeartFailure];
            if (rng.Chance(0.8))
            {
                Add(p, rng, Medicines.Bisoprolol2_5, since);
            }

            if (rng.Chance(0.7))
            {
                Add(p, rng, Medicines.Ramipril5, since);
            }

            if (rng.Chance(0.4))
            {
                Add(p, rng, Medicines.Spironolactone25, since);
            }

            if (rng.Chance(0.75))
            {
                Add(p, rng, rng.Chance(0.87) ? Medicines.Furosemide40 : Medicines.Bumetanide1, since);
            }
        }

        if (p.HasCond(Cond.RheumatoidArthritis))
        {
            var since = onset[(int)Cond.RheumatoidArthritis];
            if (rng.Chance(0.6))
            {
                Add(p, rng, Medicines.Methotrexate, since);
            }

            if (rng.Chance(0.2))
            {
                Add(p, rng, Medicines.Naproxen500, since);
                Add(p, rng, Medicines.Omeprazole20, since);
            }
        }

        if (p.HasCond(Cond.Smi) && rng.Chance(p.Diagnosis[(int)Cond.Smi]?.RawValue == "13746004" ? 0.35 : 0.02))
        {
            Add(p, rng, Medicines.Lithium400, onset[(int)Cond.Smi]);
        }

        var ageSince = p.BirthDate.AddYears(Math.Max(18, p.Age - 6));
        var antithrombotic = anticoagulated || _current.Exists(x => x.Medicine.Group == "antiplatelet");
        if (p.Age >= 45 && rng.Chance(antithrombotic && p.Age >= 65 ? 0.4 : p.Age >= 65 ? 0.12 : 0.06))
        {
            Add(p, rng, rng.Chance(0.7) ? Medicines.Omeprazole20 : Medicines.Lansoprazole30, ageSince);
        }

        if (p.Age >= 45 && rng.Chance(0.02))
        {
            Add(p, rng, rng.Chance(0.6) ? Medicines.Naproxen500 : Medicines.Ibuprofen400, ageSince);
        }

        if (p.Age >= 30 && rng.Chance(0.008))
        {
            Add(p, rng, Medicines.IbuprofenCodeine, ageSince);
        }

        if (p.Age is >= 18 and < 65 && rng.Chance(0.01))
        {
            Add(p, rng, Medicines.Propranolol40, ageSince);
        }
    }

    private void Template(PatientModel p, string id, Medicine m, DateOnly start, ReadOnlySpan<byte> status)
    {
        var w = _file.Begin("MedicationRequest"u8);
        w.WriteString("id"u8, id);
        w.WriteString("status"u8, status);
        w.WriteString("intent"u8, "plan"u8);
        Json.SimpleConcept(w, "courseOfTherapyType"u8, "http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy"u8, "continuous"u8);
        Json.Concept(w, "medicationCodeableConcept"u8, m.Code);
        Json.Reference(w, "subject"u8, "Patient/" + p.Id);
        Json.Date(w, "authoredOn"u8, start);
        w.WritePropertyName("dosageInstruction"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("text"u8, OneDaily);
        w.WriteEndObject();
        w.WriteEndArray();
        DispenseRequest(w, m);
        _file.End();
    }

    private void Issue(PatientModel p, string id, string template, Medicine m, DateOnly date)
    {
        var w = _file.Begin("MedicationRequest"u8);
        w.WriteString("id"u8, id);
        w.WriteString("status"u8, "completed"u8);
        w.WriteString("intent"u8, "order"u8);
        Json.Concept(w, "medicationCodeableConcept"u8, m.Code);
        Json.Reference(w, "subject"u8, "Patient/" + p.Id);
        Json.Date(w, "authoredOn"u8, date);
        w.WritePropertyName("basedOn"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("reference"u8, "MedicationRequest/" + template);
        w.WriteEndObject();
        w.WriteEndArray();
        DispenseRequest(w, m);
        _file.End();
    }

    private static void DispenseRequest(Utf8JsonWriter w, Medicine m)
    {
        w.WritePropertyName("dispenseRequest"u8);
        w.WriteStartObject();
        w.WritePropertyName("quantity"u8);
        w.WriteStartObject();
        w.WriteNumber("value"u8, m.Quantity);
        w.WriteString("unit"u8, m.Form);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}

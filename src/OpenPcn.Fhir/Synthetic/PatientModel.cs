namespace OpenPcn.Fhir.Synthetic;

/// <summary>One synthetic patient's facts, drawn before any resource is written.</summary>
internal sealed class PatientModel
{
    private static readonly int CondCount = ConditionCatalogue.All.Length;

    public required int Index { get; init; }
    public required string Id { get; init; }
    public required string NhsNumber { get; init; }
    public required int Age { get; init; }
    public required bool Female { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required int Ethnicity { get; init; }
    public required int Area { get; init; }
    public required int ImdDecile { get; init; }
    public required int Practice { get; init; }
    public required DateOnly AsOf { get; init; }

    public DateOnly RegisteredFrom { get; set; }
    public DateOnly? Died { get; set; }
    public DateOnly? Deregistered { get; set; }

    /// <summary>The last day of the record: death, leaving the practice, or "today".</summary>
    public DateOnly RecordEnd => Died ?? Deregistered ?? AsOf;

    public bool RegisteredAtAsOf => Died is null && Deregistered is null;

    public bool[] Has { get; } = new bool[CondCount];
    public bool[] HadResolved { get; } = new bool[CondCount];
    public DateOnly[] Onset { get; } = new DateOnly[CondCount];
    public DateOnly[] ResolvedOn { get; } = new DateOnly[CondCount];
    public Code?[] Diagnosis { get; } = new Code?[CondCount];

    public bool DiabetesType1 { get; set; }
    public bool ExSmoker { get; set; }
    public bool UndiagnosedHypertension { get; set; }
    public bool HighCholesterol { get; set; }

    /// <summary>0 none, 1 mild, 2 moderate, 3 severe (eFI category).</summary>
    public int Frailty { get; set; }

    public Code? CareHome { get; set; }
    public DateOnly CareHomeFrom { get; set; }
    public bool Polypharmacy { get; set; }

    public int Band => AgeBands.BandOf(Age);

    /// <summary>Long-term conditions that are usually treated with medicines (for polypharmacy and frailty).</summary>
    public int TreatedConditionCount()
    {
        var n = 0;
        foreach (var c in (ReadOnlySpan<Cond>)[Cond.Hypertension, Cond.Diabetes, Cond.Ckd, Cond.Chd, Cond.Af, Cond.StrokeTia, Cond.HeartFailure, Cond.Copd, Cond.Pad, Cond.RheumatoidArthritis, Cond.Smi, Cond.Epilepsy, Cond.Dementia, Cond.Depression, Cond.Asthma])
        {
            if (Has[(int)c])
            {
                n++;
            }
        }

        return n;
    }

    public bool HasCond(Cond c) => Has[(int)c];

    /// <summary>A day between <paramref name="from"/> and <paramref name="to"/> inclusive (to if the range is empty).</summary>
    public static DateOnly DayBetween(Rng rng, DateOnly from, DateOnly to)
    {
        var span = to.DayNumber - from.DayNumber;
        return span <= 0 ? to : from.AddDays(rng.Next(span + 1));
    }
}

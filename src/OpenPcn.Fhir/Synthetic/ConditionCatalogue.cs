namespace OpenPcn.Fhir.Synthetic;

/// <summary>The generated long-term conditions and risk states, in the order they are drawn (risk factors first).</summary>
internal enum Cond
{
    Smoking,
    Obesity,
    Hypertension,
    Diabetes,
    Ndh,
    Ckd,
    Chd,
    Af,
    StrokeTia,
    HeartFailure,
    Copd,
    Pad,
    Asthma,
    Depression,
    Cancer,
    Smi,
    LearningDisability,
    Epilepsy,
    Dementia,
    Osteoporosis,
    RheumatoidArthritis,
    PalliativeCare,
}

/// <summary>
/// How one condition is drawn. <see cref="Shape"/> is the relative prevalence by age band; it is scaled so that the
/// expected prevalence over the English age structure equals <see cref="Target"/> among people aged at least
/// <see cref="DenominatorMinAge"/>. Sex, deprivation (IMD decile) and co-morbidity multiply the probability; each
/// multiplier is divided by its mean in the age band so the overall prevalence stays on target.
/// </summary>
internal sealed class ConditionDef
{
    public required Cond Id { get; init; }
    public required string Key { get; init; }
    public required double Target { get; init; }
    public int MinAge { get; init; }
    public int DenominatorMinAge { get; init; }
    public required double[] Shape { get; init; }
    public double FemaleRR { get; init; } = 1.0;
    public double DeprivationBeta { get; init; }
    public (Cond Factor, double RR)[] Risks { get; init; } = [];

    /// <summary>Diagnosis codes, chosen by weight (null for states recorded only as observations).</summary>
    public (Code Code, double Weight)[] Diagnoses { get; init; } = [];

    /// <summary>The cluster's resolved code (…RES_COD), where it has one.</summary>
    public Code? Resolved { get; init; }

    /// <summary>Extra people, as a share of those on the register, who had the diagnosis and a later resolved code.</summary>
    public double ResolvedShare { get; init; }

    /// <summary>
    /// Correction found by measurement (deaths, leavers and the skew of sex and co-morbidity multipliers move the
    /// achieved prevalence a little off the analytic target).
    /// </summary>
    public double Tune { get; init; } = 1.0;

    /// <summary>Probability by age band (for people at least <see cref="MinAge"/>) before the multipliers.</summary>
    public double[] Band => _band ??= Calibrate();

    private double[]? _band;

    private double[] Calibrate()
    {
        var all = AgeBands.Share.Sum();
        var expected = 0.0;
        for (var b = 0; b < AgeBands.Count; b++)
        {
            expected += AgeBands.Share[b] / all * AgeBands.FractionAtLeast(b, Math.Max(MinAge, DenominatorMinAge)) * Shape[b];
        }

        var k = Tune * Target * AgeBands.ShareAtLeast(DenominatorMinAge) / expected;
        return Shape.Select(s => s * k).ToArray();
    }
}

/// <summary>The ~20 conditions at QOF-like prevalences (pcn-facts §7), with codes from the shipped PCD clusters.</summary>
internal static class ConditionCatalogue
{
    private static Code S(string code, string display, string cluster) => Code.Sct(code, display, cluster);

    public static readonly ConditionDef[] All =
    [
        new() { Id = Cond.Smoking, Key = "smoking", Target = 0.135, MinAge = 15, DenominatorMinAge = 15, Shape = [0, 0.15, 1.3, 1.1, 0.75, 0.45, 0.2], FemaleRR = 0.8, DeprivationBeta = 0.5 },
        new() { Id = Cond.Obesity, Key = "obesity", Target = 0.139, MinAge = 18, DenominatorMinAge = 18, Shape = [0, 0, 0.8, 1.25, 1.25, 1.0, 0.55], DeprivationBeta = 0.3 },
        new()
        {
            Id = Cond.Hypertension, Key = "hypertension", Tune = 1.02, Target = 0.153, MinAge = 18, Shape = [0, 0, 0.045, 0.30, 0.62, 0.80, 0.85], DeprivationBeta = 0.15,
            Risks = [(Cond.Obesity, 1.8)], Diagnoses = [(S("59621000", "Essential hypertension", "hyp_cod"), 0.85), (S("38341003", "Hypertensive disorder, systemic arterial", "hyp_cod"), 0.15)],
            Resolved = S("162659009", "Hypertension resolved", "hypres_cod"), ResolvedShare = 0.03,
        },
        new()
        {
            Id = Cond.Diabetes, Key = "diabetes", Tune = 0.975, Target = 0.077, MinAge = 12, DenominatorMinAge = 17, Shape = [0, 0.02, 0.3, 1.0, 1.75, 2.0, 1.6], FemaleRR = 0.75, DeprivationBeta = 0.35,
            Risks = [(Cond.Obesity, 3.0), (Cond.Hypertension, 1.5)], Diagnoses = [], // type chosen by age (see PatientModel)
            Resolved = S("315051004", "Diabetes resolved", "dmres_cod"), ResolvedShare = 0.02,
        },
        new() { Id = Cond.Ndh, Key = "ndh", Tune = 1.03, Target = 0.065, MinAge = 18, DenominatorMinAge = 18, Shape = [0, 0, 0.3, 1.2, 1.8, 1.9, 1.5], DeprivationBeta = 0.2, Risks = [(Cond.Obesity, 2.0)], Diagnoses = [(S("700449008", "Non-diabetic hyperglycemia", "ndh_cod"), 1)] },
        new()
        {
            Id = Cond.Ckd, Key = "ckd", Tune = 0.99, Target = 0.041, MinAge = 18, DenominatorMinAge = 18, Shape = [0, 0, 0.03, 0.3, 1.1, 2.2, 3.6], FemaleRR = 1.3, DeprivationBeta = 0.2,
            Risks = [(Cond.Diabetes, 2.5), (Cond.Hypertension, 2.0)],
            Diagnoses = [(S("433144002", "Chronic kidney disease stage 3", "ckd_cod"), 0.35), (S("700378005", "Chronic kidney disease stage 3A", "ckd_cod"), 0.35), (S("700379002", "Chronic kidney disease stage 3B", "ckd_cod"), 0.2), (S("431857002", "Chronic kidney disease stage 4", "ckd_cod"), 0.08), (S("433146000", "Chronic kidney disease stage 5", "ckd_cod"), 0.02)],
            Resolved = S("939211000000104", "Chronic kidney disease resolved", "ckdres_cod"), ResolvedShare = 0.05,
        },
        new()
        {
            Id = Cond.Chd, Key = "chd", Tune = 1.015, Target = 0.030, MinAge = 30, Shape = [0, 0, 0.03, 0.3, 1.0, 1.6, 2.1], FemaleRR = 0.45, DeprivationBeta = 0.3,
            Risks = [(Cond.Hypertension, 2.0), (Cond.Diabetes, 2.0), (Cond.Smoking, 1.6)],
            Diagnoses = [(S("53741008", "Coronary arteriosclerosis", "chd_cod"), 0.3), (S("414545008", "Ischemic heart disease", "chd_cod"), 0.2), (S("194828000", "Angina", "chd_cod"), 0.25), (S("22298006", "Myocardial infarction", "chd_cod"), 0.25)],
        },
        new() { Id = Cond.Af, Key = "af", Tune = 1.06, Target = 0.022, MinAge = 30, Shape = [0, 0, 0.01, 0.12, 0.6, 1.25, 2.1], FemaleRR = 0.7, Risks = [(Cond.Hypertension, 1.5)], Diagnoses = [(S("49436004", "Atrial fibrillation", "afib_cod"), 0.6), (S("282825002", "Paroxysmal atrial fibrillation", "afib_cod"), 0.2), (S("440028005", "Permanent atrial fibrillation", "afib_cod"), 0.2)] },
        new()
        {
            Id = Cond.StrokeTia, Key = "stroke-tia", Tune = 1.035, Target = 0.019, MinAge = 25, Shape = [0, 0, 0.02, 0.25, 0.85, 1.5, 2.1], DeprivationBeta = 0.2,
            Risks = [(Cond.Af, 2.5), (Cond.Hypertension, 1.8)], Diagnoses = [(S("230690007", "Cerebrovascular accident", "strk_cod"), 0.6), (S("266257000", "Transient ischemic attack", "tia_cod"), 0.4)],
        },
        new()
        {
            Id = Cond.HeartFailure, Key = "heart-failure", Tune = 1.04, Target = 0.011, MinAge = 35, Shape = [0, 0, 0.005, 0.08, 0.4, 1.0, 2.0], FemaleRR = 0.8, DeprivationBeta = 0.2,
            Risks = [(Cond.Chd, 3.0), (Cond.Af, 2.5), (Cond.Hypertension, 1.5)], Diagnoses = [(S("84114007", "Heart failure", "hf_cod"), 1)],
            Resolved = S("521691000000100", "Heart failure resolved", "hfres_cod"), ResolvedShare = 0.03,
        },
        new()
        {
            Id = Cond.Copd, Key = "copd", Target = 0.019, MinAge = 35, Shape = [0, 0, 0.01, 0.3, 1.0, 1.4, 1.4], DeprivationBeta = 0.6,
            Risks = [(Cond.Smoking, 4.0)], Diagnoses = [(S("13645005", "Chronic obstructive pulmonary disease", "copd_cod"), 1)],
            Resolved = S("941201000000103", "Chronic obstructive pulmonary disease resolved", "copdres_cod"), ResolvedShare = 0.01,
        },
        new() { Id = Cond.Pad, Key = "pad", Tune = 1.055, Target = 0.006, MinAge = 40, Shape = [0, 0, 0, 0.25, 1.0, 1.6, 2.0], FemaleRR = 0.6, Risks = [(Cond.Smoking, 2.5), (Cond.Diabetes, 2.0)], Diagnoses = [(S("400047006", "Peripheral vascular disease", "pad_cod"), 0.5), (S("840580004", "Peripheral arterial disease", "pad_cod"), 0.5)] },
        new()
        {
            Id = Cond.Asthma, Key = "asthma", Target = 0.065, MinAge = 2, DenominatorMinAge = 6, Shape = [0.3, 1.05, 1.0, 1.0, 1.05, 1.0, 0.9], FemaleRR = 1.2, DeprivationBeta = 0.2,
            Diagnoses = [(S("195967001", "Asthma", "ast_cod"), 1)], Resolved = S("162660004", "Asthma resolved", "astres_cod"), ResolvedShare = 0.15,
        },
        new()
        {
            Id = Cond.Depression, Key = "depression", Target = 0.133, MinAge = 18, DenominatorMinAge = 18, Shape = [0, 0, 1.05, 1.1, 0.9, 0.8, 0.75], FemaleRR = 1.9, DeprivationBeta = 0.4,
            Diagnoses = [(S("35489007", "Depressive disorder", "depr_cod"), 1)], Resolved = S("196381000000100", "Depression resolved", "depres_cod"), ResolvedShare = 0.25,
        },
        new()
        {
            Id = Cond.Cancer, Key = "cancer", Tune = 1.035, Target = 0.036, MinAge = 20, Shape = [0, 0, 0.15, 1.0, 2.6, 3.7, 4.2],
            Diagnoses = [], // site chosen by sex (see PatientModel)
        },
        new() { Id = Cond.Smi, Key = "smi", Tune = 1.025, Target = 0.010, MinAge = 16, Shape = [0, 0.05, 1.1, 1.3, 1.1, 0.9, 0.8], DeprivationBeta = 0.8, Diagnoses = [(S("58214004", "Schizophrenia", "mh_cod"), 0.6), (S("13746004", "Bipolar disorder", "mh_cod"), 0.4)] },
        new() { Id = Cond.LearningDisability, Key = "learning-disability", Tune = 0.99, Target = 0.006, MinAge = 2, Shape = [0.4, 1.2, 1.1, 0.9, 0.6, 0.35, 0.2], FemaleRR = 0.7, DeprivationBeta = 0.3, Diagnoses = [(S("110359009", "Intellectual disability", "ld_cod"), 1)] },
        new()
        {
            Id = Cond.Epilepsy, Key = "epilepsy", Tune = 1.025, Target = 0.008, MinAge = 2, DenominatorMinAge = 18, Shape = [0.4, 0.7, 1.0, 1.0, 1.0, 1.05, 1.05], DeprivationBeta = 0.3,
            Risks = [(Cond.LearningDisability, 8.0)], Diagnoses = [(S("84757009", "Epilepsy", "epil_cod"), 1)], Resolved = S("162658001", "Epilepsy resolved", "epilres_cod"), ResolvedShare = 0.05,
        },
        new() { Id = Cond.Dementia, Key = "dementia", Tune = 1.055, Target = 0.0428, MinAge = 50, DenominatorMinAge = 65, Shape = [0, 0, 0, 0.02, 0.25, 1.3, 4.6], FemaleRR = 1.3, Risks = [(Cond.StrokeTia, 2.0)], Diagnoses = [(S("52448006", "Dementia", "dem_cod"), 0.6), (S("26929004", "Alzheimer's disease", "dem_cod"), 0.4)] },
        new() { Id = Cond.Osteoporosis, Key = "osteoporosis", Tune = 0.95, Target = 0.010, MinAge = 50, DenominatorMinAge = 50, Shape = [0, 0, 0, 0.3, 1.0, 2.0, 3.0], FemaleRR = 4.0, Diagnoses = [(S("64859006", "Osteoporosis", "osteo_cod"), 1)] },
        new() { Id = Cond.RheumatoidArthritis, Key = "rheumatoid-arthritis", Tune = 1.015, Target = 0.008, MinAge = 16, DenominatorMinAge = 16, Shape = [0, 0, 0.4, 1.2, 1.7, 1.9, 1.7], FemaleRR = 2.5, Diagnoses = [(S("69896004", "Rheumatoid arthritis", "rarth_cod"), 1)] },
        new()
        {
            Id = Cond.PalliativeCare, Key = "palliative-care", Tune = 1.13, Target = 0.005, MinAge = 18, Shape = [0, 0, 0.03, 0.3, 1.2, 2.6, 6.0],
            Risks = [(Cond.Cancer, 8.0), (Cond.HeartFailure, 3.0), (Cond.Dementia, 3.0)], Diagnoses = [(S("103735009", "Palliative care", "palcare_cod"), 1)],
        },
    ];

    public static readonly Code Type1Diabetes = S("46635009", "Diabetes mellitus type 1", "dmtype1_cod");
    public static readonly Code Type2Diabetes = S("44054006", "Diabetes mellitus type 2", "dmtype2_cod");

    public static readonly Code[] CancerFemale = [S("254837009", "Malignant neoplasm of breast", "c19can_cod"), S("363406005", "Malignant neoplasm of colon", "c19can_cod"), S("363358000", "Malignant tumor of lung", "c19can_cod"), S("363346000", "Malignant neoplastic disease", "c19can_cod")];
    public static readonly Code[] CancerMale = [S("399068003", "Malignant tumor of prostate", "c19can_cod"), S("363406005", "Malignant neoplasm of colon", "c19can_cod"), S("363358000", "Malignant tumor of lung", "c19can_cod"), S("363346000", "Malignant neoplastic disease", "c19can_cod")];
    public static readonly double[] CancerSiteWeights = [0.45, 0.2, 0.1, 0.25];

    public static ConditionDef Get(Cond id) => All[(int)id];
}

using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Definitions;

/// <summary>The QOF disease registers (category <c>register</c>), written with the NHS register rule.</summary>
internal static class Registers
{
    private const string Qof = "QOF 2024/25";
    private const int Year = 2024;

    public static IEnumerable<CohortDefinition> Create(CodelistLibrary c)
    {
        yield return Simple(c, "hypertension-register", "Hypertension register", "HYP_COD", "HYPRES_COD", null,
            "Patients with a hypertension diagnosis (HYP_COD) not followed by a hypertension resolved code (HYPRES_COD).", "HYP001");
        yield return Simple(c, "diabetes-register", "Diabetes register", "DM_COD", "DMRES_COD", 17,
            "Patients aged 17 or over with a diabetes diagnosis (DM_COD) not followed by a diabetes resolved code (DMRES_COD).", "DM017");
        yield return Simple(c, "atrial-fibrillation-register", "Atrial fibrillation register", "AFIB_COD", null, null,
            "Patients with an atrial fibrillation diagnosis (AFIB_COD). The AF resolved cluster (AFIBRES_COD) is not shipped, so a resolved AF code does not remove anyone.", "AF001");
        yield return Ckd(c);
        yield return Simple(c, "chd-register", "Coronary heart disease register", "CHD_COD", null, null,
            "Patients with a coronary heart disease diagnosis (CHD_COD).", "CHD001");
        yield return Simple(c, "heart-failure-register", "Heart failure register", "HF_COD", "HFRES_COD", null,
            "Patients with a heart failure diagnosis (HF_COD) not followed by a heart failure resolved code (HFRES_COD).", "HF001");
        yield return StrokeTia(c);
        yield return Simple(c, "asthma-register", "Asthma register", "AST_COD", "ASTRES_COD", 6,
            "Patients aged 6 or over with an asthma diagnosis (AST_COD) not followed by an asthma resolved code (ASTRES_COD). QOF also requires an asthma medicine in the last 12 months; no asthma medicines codelist is shipped, so that part is not applied.", "AST005");
        yield return Simple(c, "copd-register", "COPD register", "COPD_COD", "COPDRES_COD", null,
            "Patients with a chronic obstructive pulmonary disease diagnosis (COPD_COD) not followed by a COPD resolved code (COPDRES_COD).", "COPD015");
        yield return Simple(c, "dementia-register", "Dementia register", "DEM_COD", null, null,
            "Patients with a dementia diagnosis (DEM_COD).", "DEM001");
        yield return Simple(c, "smi-register", "Serious mental illness register", "MH_COD", null, null,
            "Patients with a diagnosis of schizophrenia, bipolar affective disorder or other psychoses (MH_COD). The remission cluster (MHREM_COD) is not shipped, so remission does not remove anyone.", "MH001");
        yield return Simple(c, "learning-disability-register", "Learning disability register", "LD_COD", null, null,
            "Patients with a learning disability code (LD_COD).", "LD004");
        yield return Cancer(c);
        yield return Palliative(c);
    }

    private static CohortDefinition Simple(CodelistLibrary c, string name, string title, string diagnosisId, string? resolvedId, int? minAge, string description, string indicator)
    {
        var diagnosis = c.Get(diagnosisId);
        var resolved = resolvedId is null ? null : c.Get(resolvedId);
        var population = Populations.Registered & Cohort.OnRegister(diagnosis, resolved, Cohort.IndexDate);
        if (minAge is { } age)
        {
            population &= Populations.Age >= age;
        }

        var latest = Populations.EventsUntilIndex(e => e.Code.IsIn(diagnosis)).Latest(e => e.Date);
        var query = Populations.Query(population, ("diagnosis_code", latest.Code), ("diagnosis_date", latest.Date), ("age", Populations.Age));
        var reason = $"latest {diagnosisId} {{diagnosis_code}} on {{diagnosis_date}}" + (resolvedId is null ? "" : $"; no later {resolvedId}");
        Codelist[] codelists = resolved is null ? [diagnosis] : [diagnosis, resolved];
        return new CohortDefinition(name, title, description, $"{Qof}, {indicator} register", Year, query, reason, codelists, "register");
    }

    private static CohortDefinition Ckd(CodelistLibrary c)
    {
        var (ckd, early, resolved) = (c.Get("CKD_COD"), c.Get("CKD1AND2_COD"), c.Get("CKDRES_COD"));
        Func<ClinicalEventRows, BoolExpr> stage3To5 = e => e.Code.IsIn(ckd) & !e.Code.IsIn(early);
        var population = Populations.Registered & (Populations.Age >= 18)
            & Populations.OnRegister(stage3To5, e => e.Code.IsIn(early) | e.Code.IsIn(resolved));
        var latest = Populations.EventsUntilIndex(stage3To5).Latest(e => e.Date);
        var query = Populations.Query(population, ("diagnosis_code", latest.Code), ("diagnosis_date", latest.Date), ("age", Populations.Age));
        return new CohortDefinition(
            "ckd-register",
            "Chronic kidney disease (stages 3 to 5) register",
            "Patients aged 18 or over whose latest chronic kidney disease stage 3 to 5 code (CKD_COD but not CKD1AND2_COD) is later than any stage 1 or 2 code (CKD1AND2_COD) and any CKD resolved code (CKDRES_COD).",
            $"{Qof}, CKD005 register",
            Year,
            query,
            "latest CKD stage 3-5 code {diagnosis_code} on {diagnosis_date}; no later CKD1AND2_COD or CKDRES_COD",
            [ckd, early, resolved],
            "register");
    }

    private static CohortDefinition StrokeTia(CodelistLibrary c)
    {
        var (stroke, tia) = (c.Get("STRK_COD"), c.Get("TIA_COD"));
        Func<ClinicalEventRows, BoolExpr> diagnosis = e => e.Code.IsIn(stroke) | e.Code.IsIn(tia);
        var population = Populations.Registered & Populations.OnRegister(diagnosis, null);
        var latest = Populations.EventsUntilIndex(diagnosis).Latest(e => e.Date);
        var query = Populations.Query(population, ("diagnosis_code", latest.Code), ("diagnosis_date", latest.Date), ("age", Populations.Age));
        return new CohortDefinition(
            "stroke-tia-register",
            "Stroke and transient ischaemic attack register",
            "Patients with a stroke (STRK_COD) or transient ischaemic attack (TIA_COD) diagnosis.",
            $"{Qof}, STIA001 register",
            Year,
            query,
            "latest stroke or TIA code {diagnosis_code} on {diagnosis_date}",
            [stroke, tia],
            "register");
    }

    private static CohortDefinition Cancer(CodelistLibrary c)
    {
        var cancer = c.Get("C19CAN_COD");
        var from = new DateOnly(2003, 4, 1);
        Func<ClinicalEventRows, BoolExpr> diagnosis = e => e.Code.IsIn(cancer) & (e.Date >= from);
        var population = Populations.Registered & Populations.OnRegister(diagnosis, null);
        var first = Populations.EventsUntilIndex(diagnosis).Earliest(e => e.Date);
        var query = Populations.Query(population, ("diagnosis_code", first.Code), ("diagnosis_date", first.Date), ("age", Populations.Age));
        return new CohortDefinition(
            "cancer-register",
            "Cancer register",
            "Patients with a cancer diagnosis on or after 1 April 2003. The QOF cancer cluster CAN_COD is not shipped; the register uses the primary care domain cancer cluster C19CAN_COD instead, which may differ from CAN_COD (for example in how non-melanoma skin cancers are treated).",
            $"{Qof}, CAN001 register",
            Year,
            query,
            "cancer code {diagnosis_code} on {diagnosis_date} (C19CAN_COD, on or after 2003-04-01)",
            [cancer],
            "register");
    }

    private static CohortDefinition Palliative(CodelistLibrary c)
    {
        var (palliative, notIndicated) = (c.Get("PALCARE_COD"), c.Get("PALCARENI_COD"));
        var from = new DateOnly(2008, 4, 1);
        Func<ClinicalEventRows, BoolExpr> diagnosis = e => e.Code.IsIn(palliative) & (e.Date >= from);
        var population = Populations.Registered & Populations.OnRegister(diagnosis, e => e.Code.IsIn(notIndicated));
        var latest = Populations.EventsUntilIndex(diagnosis).Latest(e => e.Date);
        var query = Populations.Query(population, ("diagnosis_code", latest.Code), ("diagnosis_date", latest.Date), ("age", Populations.Age));
        return new CohortDefinition(
            "palliative-care-register",
            "Palliative care register",
            "Patients with a palliative care code (PALCARE_COD) on or after 1 April 2008 not followed by a code saying palliative care is not clinically indicated (PALCARENI_COD).",
            $"{Qof}, PC001 register",
            Year,
            query,
            "latest palliative care code {diagnosis_code} on {diagnosis_date}; no later PALCARENI_COD",
            [palliative, notIndicated],
            "register");
    }
}

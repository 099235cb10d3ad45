using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Language;

namespace OpenPcn.Cohorts.Definitions;

/// <summary>Case-finding cohorts for the national service requirements (category <c>case-finding</c>).</summary>
internal static class CaseFinding
{
    private const int Year = 2024;
    private const string CaseFindingCategory = "case-finding";

    public static IEnumerable<CohortDefinition> Create(CodelistLibrary c)
    {
        yield return CareHomeWithoutCarePlan(c);
        yield return UndiagnosedHypertension(c);
        yield return HypertensionAboveTarget(c);
        yield return AtrialFibrillationWithoutAnticoagulant(c);
        yield return PossibleFamilialHypercholesterolaemia(c);
        yield return LowerGiReferralWithoutFit(c);
        yield return LearningDisabilityHealthCheckDue(c);
        yield return FrailtyWithoutCarePlan(c);
    }

    private static ClinicalEventRows CarePlans => Populations.EventsUntilIndex(e => e.Kind.Is("care_plan"));

    private static CohortDefinition CareHomeWithoutCarePlan(CodelistLibrary c)
    {
        var moveIn = Smr.CareHomeDate(c);
        var planWithinSevenDays = CarePlans.Where(e => (e.Date >= moveIn) & (e.Date <= moveIn.AddDays(7))).Exists();
        var latestPlan = CarePlans.Maximum(e => e.Date);
        var population = Populations.Registered & moveIn.IsNotNull() & !planWithinSevenDays;
        return new CohortDefinition(
            "care-home-without-care-plan",
            "Care-home residents without a care plan within 7 days of moving in",
            "Care-home residents (latest CAREHOME_COD date taken as the move-in date) with no personalised care and support plan (a care plan record) dated from the move-in date to 7 days after it.",
            "Network Contract DES 2024/25, Enhanced Health in Care Homes (PCSP within 7 days of admission)",
            Year,
            Populations.Query(population, ("move_in_date", moveIn), ("latest_care_plan", latestPlan)),
            "moved into a care home on {move_in_date} (CAREHOME_COD); no care plan within 7 days; latest care plan {latest_care_plan}",
            [c.Get("CAREHOME_COD")],
            CaseFindingCategory);
    }

    /// <summary>The latest blood pressure: the latest date with a systolic or diastolic value, and each value on that date.</summary>
    private static (DateExpr Date, DecimalExpr Systolic, DecimalExpr Diastolic) LatestBloodPressure(CodelistLibrary c, DateExpr? since = null)
    {
        var (bp, sys, dia) = (c.Get("BP_COD"), c.Get("SYSBP_COD"), c.Get("DIABP_COD"));
        var from = since ?? new DateOnly(1900, 1, 1);
        var date = Populations.EventsUntilIndex(e => (e.Code.IsIn(bp) | e.Code.IsIn(sys) | e.Code.IsIn(dia)) & e.Value.IsNotNull() & (e.Date >= from)).Maximum(e => e.Date);
        var systolic = Populations.EventsUntilIndex(e => e.Code.IsIn(sys) & e.Value.IsNotNull() & e.Date.Is(date)).Latest(e => e.Date).Value;
        var diastolic = Populations.EventsUntilIndex(e => e.Code.IsIn(dia) & e.Value.IsNotNull() & e.Date.Is(date)).Latest(e => e.Date).Value;
        return (date, systolic, diastolic);
    }

    private static CohortDefinition UndiagnosedHypertension(CodelistLibrary c)
    {
        var (date, systolic, diastolic) = LatestBloodPressure(c);
        var (hyp, hypres) = (c.Get("HYP_COD"), c.Get("HYPRES_COD"));
        var raised = ((systolic >= 140.0) | (diastolic >= 90.0)).OrFalse();
        var population = Populations.Registered & (Populations.Age >= 18) & !Cohort.OnRegister(hyp, hypres, Cohort.IndexDate) & raised;
        return new CohortDefinition(
            "undiagnosed-hypertension",
            "Possible undiagnosed hypertension",
            "Adults not on the hypertension register whose latest clinic blood pressure is 140/90 or more (systolic 140 or more, or diastolic 90 or more), taking the systolic (SYSBP_COD) and diastolic (DIABP_COD) readings of the latest blood pressure date. They need ambulatory or home readings to confirm or rule out hypertension.",
            "Network Contract DES 2024/25, CVD prevention and diagnosis; NICE NG136 (clinic BP 140/90 or more)",
            Year,
            Populations.Query(population, ("systolic", systolic), ("diastolic", diastolic), ("bp_date", date), ("age", Populations.Age)),
            "latest BP {systolic}/{diastolic} on {bp_date}; not on the hypertension register (no HYP_COD)",
            [c.Get("BP_COD"), c.Get("SYSBP_COD"), c.Get("DIABP_COD"), hyp, hypres],
            CaseFindingCategory);
    }

    private static CohortDefinition HypertensionAboveTarget(CodelistLibrary c)
    {
        // QOF HYP008/HYP009 judge the latest reading of the 12 months up to the achievement date.
        var (date, systolic, diastolic) = LatestBloodPressure(c, Cohort.IndexDate.AddMonths(-12));
        var (hyp, hypres) = (c.Get("HYP_COD"), c.Get("HYPRES_COD"));
        var age = Populations.Age;
        var under80 = (age < 80) & ((systolic > 140.0) | (diastolic > 90.0));
        var over80 = (age >= 80) & ((systolic > 150.0) | (diastolic > 90.0));
        var population = Populations.Registered & Cohort.OnRegister(hyp, hypres, Cohort.IndexDate) & (under80 | over80).OrFalse();
        var target = Cohort.If<TextExpr>(age >= 80, "150/90", "140/90");
        return new CohortDefinition(
            "hypertension-above-target",
            "Hypertension above target",
            "Patients on the hypertension register whose latest blood pressure in the last 12 months is above target: above 140/90 under 80, above 150/90 at 80 or over (systolic or diastolic above the limit). Those with no reading in 12 months are not listed here.",
            "Network Contract DES 2024/25, CVD prevention; NICE NG136 targets; QOF 2024/25 HYP008/HYP009",
            Year,
            Populations.Query(population, ("systolic", systolic), ("diastolic", diastolic), ("bp_date", date), ("target", target), ("age", age)),
            "latest BP {systolic}/{diastolic} on {bp_date}, above the target {target} (aged {age}); on the hypertension register",
            [c.Get("BP_COD"), c.Get("SYSBP_COD"), c.Get("DIABP_COD"), hyp, hypres],
            CaseFindingCategory);
    }

    private static CohortDefinition AtrialFibrillationWithoutAnticoagulant(CodelistLibrary c)
    {
        var (af, anticoagulants) = (c.Get("AFIB_COD"), c.Get("ANTICOAGULANTS"));
        var index = Cohort.IndexDate;
        var sixMonthsAgo = index.AddMonths(-6);
        var issues = Cohort.Medications.Where(m => m.Kind.Is("issue") & m.Code.IsIn(anticoagulants) & (m.Date <= index));
        var recent = issues.Where(m => m.Date >= sixMonthsAgo).Exists();
        var lastIssue = issues.Maximum(m => m.Date);
        var population = Populations.Registered & Cohort.OnRegister(af, null, index) & !recent;
        return new CohortDefinition(
            "af-without-anticoagulant",
            "Atrial fibrillation without an anticoagulant",
            "Patients on the atrial fibrillation register (AFIB_COD) with no oral anticoagulant (PINCER anticoagulant dm+d list) issued in the last 6 months. Review stroke risk (CHA2DS2-VASc) and whether anticoagulation is indicated or was declined.",
            "Network Contract DES 2024/25, CVD prevention and diagnosis (AF); NICE NG196",
            Year,
            Populations.Query(population, ("af_date", Populations.LatestDate(af)), ("last_anticoagulant", lastIssue)),
            "atrial fibrillation (AFIB_COD) on {af_date}; no anticoagulant issued in the last 6 months (last issued {last_anticoagulant})",
            [af, anticoagulants],
            CaseFindingCategory);
    }

    private static CohortDefinition PossibleFamilialHypercholesterolaemia(CodelistLibrary c)
    {
        var cholesterol = c.Get("TOTAL_CHOLESTEROL");
        var latest = Populations.EventsUntilIndex(e => e.Code.IsIn(cholesterol) & e.Value.IsNotNull()).Latest(e => e.Date);
        var population = Populations.Registered & (Populations.Age >= 18) & (latest.Value > 7.5).OrFalse();
        return new CohortDefinition(
            "possible-familial-hypercholesterolaemia",
            "Possible familial hypercholesterolaemia",
            "Adults whose latest total cholesterol is above 7.5 mmol/L, to assess with the Simon Broome or Dutch Lipid Clinic Network criteria. The cholesterol codes are the OpenSAFELY numerical-value list, which includes 1005671000000105 (serum cholesterol level), the code the synthetic population writes.",
            "Network Contract DES 2024/25, CVD prevention and diagnosis (familial hypercholesterolaemia); NICE CG71",
            Year,
            Populations.Query(population, ("cholesterol", latest.Value), ("cholesterol_date", latest.Date)),
            "latest total cholesterol {cholesterol} mmol/L on {cholesterol_date}",
            [cholesterol],
            CaseFindingCategory);
    }

    private static CohortDefinition LowerGiReferralWithoutFit(CodelistLibrary c)
    {
        var (referrals, fit) = (c.Get("FAST_TRACK_COLORECTAL"), c.Get("FIT_QUANTITATIVE"));
        var index = Cohort.IndexDate;
        var yearAgo = index.AddYears(-1);
        var referralDate = Populations.EventsUntilIndex(e => e.Kind.Is("referral") & e.Code.IsIn(referrals) & (e.Date > yearAgo)).Maximum(e => e.Date);
        var fitBefore = Cohort.ClinicalEvents.Where(e => e.Code.IsIn(fit) & (e.Date >= referralDate.AddDays(-21)) & (e.Date <= referralDate)).Exists();
        var latestFit = Populations.EventsUntilIndex(e => e.Code.IsIn(fit)).Maximum(e => e.Date);
        var population = Populations.Registered & referralDate.IsNotNull() & !fitBefore;
        return new CohortDefinition(
            "lower-gi-referral-without-fit",
            "Lower GI urgent suspected-cancer referral without a FIT",
            "Patients whose latest urgent suspected colorectal cancer referral in the last 12 months had no faecal immunochemical test (FIT) result in the 21 days before it (or on the day). Only the latest referral is checked.",
            "IIF 2024/25 CAN-04; Network Contract DES 2024/25, early cancer diagnosis (FIT for lower GI referrals); NICE NG12",
            Year,
            Populations.Query(population, ("referral_date", referralDate), ("latest_fit", latestFit)),
            "urgent lower GI cancer referral on {referral_date} with no FIT in the 21 days before (latest FIT {latest_fit})",
            [referrals, fit],
            CaseFindingCategory);
    }

    private static CohortDefinition LearningDisabilityHealthCheckDue(CodelistLibrary c)
    {
        var (ld, check) = (c.Get("LD_COD"), c.Get("LD_HEALTH_CHECK_LOCAL"));
        var yearStart = Cohort.IndexDate.FinancialYearStart();
        var checkedThisYear = Populations.EventsUntilIndex(e => e.Code.IsIn(check) & (e.Date >= yearStart)).Exists();
        var population = Populations.Registered & (Populations.Age >= 14) & Cohort.OnRegister(ld, null, Cohort.IndexDate) & !checkedThisYear;
        return new CohortDefinition(
            "ld-health-check-due",
            "Learning disability annual health check due",
            "Patients aged 14 or over on the learning disability register (LD_COD) with no annual health check since 1 April of this financial year. The health check codes are the local code the synthetic population writes (LD_HEALTH_CHECK_LOCAL); HLTHCHK_COD and the health action plan cluster (HLTHAP_COD) are not shipped, so the action plan is not checked.",
            "IIF 2024/25 HI-03; learning disability annual health checks (DES)",
            Year,
            Populations.Query(population, ("year_start", yearStart), ("last_health_check", Populations.LatestDate(check)), ("age", Populations.Age)),
            "on the learning disability register, aged {age}; no health check since {year_start} (last {last_health_check})",
            [ld, check],
            CaseFindingCategory);
    }

    private static CohortDefinition FrailtyWithoutCarePlan(CodelistLibrary c)
    {
        var latest = Populations.LatestFrailty(c);
        var (moderate, severe) = (c.Get("MODFRAIL_COD"), c.Get("SEVFRAIL_COD"));
        var frail = (latest.Code.IsIn(moderate) | latest.Code.IsIn(severe)).OrFalse();
        var recentPlan = CarePlans.Where(e => e.Date >= Cohort.IndexDate.AddYears(-1)).Exists();
        var population = Populations.Registered & frail & Smr.CareHomeDate(c).IsNull() & !recentPlan;
        var level = Cohort.If<TextExpr>(latest.Code.IsIn(severe), "severe", "moderate");
        return new CohortDefinition(
            "frailty-without-care-plan",
            "Moderate or severe frailty without a care plan",
            "People living at home (no care home code) whose latest electronic frailty index category is moderate (MODFRAIL_COD) or severe (SEVFRAIL_COD) and who have no care plan in the last 12 months: the proactive care cohort.",
            "Network Contract DES 2024/25, proactive care for people with moderate or severe frailty",
            Year,
            Populations.Query(population, ("frailty", level), ("frailty_date", latest.Date), ("latest_care_plan", CarePlans.Maximum(e => e.Date))),
            "{frailty} frailty coded on {frailty_date}; no care plan in the last 12 months (latest {latest_care_plan})",
            [c.Get("MILDFRAIL_COD"), moderate, severe, c.Get("CAREHOME_COD")],
            CaseFindingCategory);
    }
}

using System.Text.Json;

namespace OpenPcn.Fhir.Synthetic;

/// <summary>A coding with its JSON text encoded once.</summary>
internal sealed class Code(string system, string value, string display, string? source = null)
{
    /// <summary>The shipped file (under <c>data/</c>) the code was taken from; null where no shipped file has it.</summary>
    public string? Source { get; } = source;

    public JsonEncodedText System { get; } = JsonEncodedText.Encode(system);
    public JsonEncodedText Value { get; } = JsonEncodedText.Encode(value);
    public JsonEncodedText Display { get; } = JsonEncodedText.Encode(display);
    public string RawValue { get; } = value;
    public string RawDisplay { get; } = display;

    public static Code Sct(string value, string display, string? cluster = null) =>
        new("http://snomed.info/sct", value, display, cluster is null ? null : ClusterFile(cluster));

    public static Code Dmd(string value, string display, string file) => new("https://dmd.nhs.uk", value, display, file);

    /// <summary><c>hyp_cod</c> → <c>codelists/nhsd-primary-care-domain-refsets-hyp_cod.csv</c>; a name with a slash is a path as is.</summary>
    public static string ClusterFile(string cluster) =>
        cluster.Contains('/', StringComparison.Ordinal) ? cluster : $"codelists/nhsd-primary-care-domain-refsets-{cluster}.csv";
}

/// <summary>A UCUM unit: what is shown and the UCUM code.</summary>
internal sealed class Unit(string display, string ucum)
{
    public JsonEncodedText Display { get; } = JsonEncodedText.Encode(display);
    public JsonEncodedText Ucum { get; } = JsonEncodedText.Encode(ucum);
}

/// <summary>
/// The SNOMED CT codes the generator writes (other than diagnoses, which are in <see cref="ConditionCatalogue"/>).
/// Each comes from a shipped codelist in <c>data/codelists/</c> (file named beside it) unless marked otherwise;
/// the Synthetic tests check that every code said to come from a file is in that file.
/// </summary>
internal static class Codes
{
    // Blood pressure (BP_COD; components SYSBP_COD / DIABP_COD).
    public static readonly Code BloodPressure = Code.Sct("75367002", "Blood pressure", "bp_cod");
    public static readonly Code Systolic = Code.Sct("72313002", "Systolic arterial pressure", "bp_cod");
    public static readonly Code Diastolic = Code.Sct("1091811000000102", "Diastolic arterial pressure", "diabp_cod");

    // Laboratory and measurements.
    public static readonly Code HbA1c = Code.Sct("999791000000106", "Haemoglobin A1c level - International Federation of Clinical Chemistry and Laboratory Medicine standardised", "ifcchbam_cod");
    public static readonly Code Egfr = Code.Sct("1011481000000105", "Estimated glomerular filtration rate using creatinine Chronic Kidney Disease Epidemiology Collaboration equation per 1.73 square metres", "medicines/opensafely-pincer-codelists/pincer-egfr.csv");
    public static readonly Code Bmi = Code.Sct("60621009", "Body mass index", "bmival_cod");

    /// <summary>Not in a shipped codelist: the UK serum cholesterol observable used by OpenSAFELY and GP data extracts.</summary>
    public static readonly Code TotalCholesterol = Code.Sct("1005671000000105", "Serum cholesterol level");

    public static readonly Code Fit = Code.Sct("1049361000000101", "Quantitative faecal immunochemical test", "codelists/opensafely-sro-gastro-quantitative-faecal-immunochemical-test.csv");

    // Smoking (LSMOK_COD current, EXSMOK_COD ex).
    public static readonly Code[] CurrentSmoker =
    [
        Code.Sct("77176002", "Smoker", "lsmok_cod"),
        Code.Sct("65568007", "Cigarette smoker", "lsmok_cod"),
        Code.Sct("160603005", "Light cigarette smoker (1-9 cigs/day)", "lsmok_cod"),
        Code.Sct("160604004", "Moderate cigarette smoker (10-19 cigs/day)", "lsmok_cod"),
        Code.Sct("160605003", "Heavy cigarette smoker (20-39 cigs/day)", "lsmok_cod"),
    ];

    public static readonly Code ExSmoker = Code.Sct("8517006", "Ex-smoker", "exsmok_cod");

    /// <summary>Not in a shipped codelist (there is no NEVSMOK cluster in the drop); the widely used SNOMED concept.</summary>
    public static readonly Code NeverSmoked = Code.Sct("266919005", "Never smoked tobacco");

    // Frailty (eFI categories; MILDFRAIL_COD, MODFRAIL_COD, SEVFRAIL_COD).
    public static readonly Code MildFrailty = Code.Sct("925791000000100", "Mild frailty", "mildfrail_cod");
    public static readonly Code ModerateFrailty = Code.Sct("925831000000107", "Moderate frailty", "modfrail_cod");
    public static readonly Code SevereFrailty = Code.Sct("925861000000102", "Severe frailty", "sevfrail_cod");

    // Care homes (CAREHOME_COD).
    public static readonly Code LivesInCareHome = Code.Sct("248171000000108", "Lives in care home", "carehome_cod");
    public static readonly Code LivesInNursingHome = Code.Sct("160734000", "Lives in a nursing home", "carehome_cod");
    public static readonly Code LivesInResidentialHome = Code.Sct("394923006", "Lives in a residential home", "carehome_cod");

    /// <summary>Not in a shipped codelist: SNOMED "Care plan (record artifact)", the usual CarePlan.category.</summary>
    public static readonly Code CarePlan = Code.Sct("734163000", "Care plan");

    // Reviews and referrals.
    public static readonly Code StructuredMedicationReview = Code.Sct("1239511000000100", "Structured medication review", "medrvw_cod");
    public static readonly Code MedicationReview = Code.Sct("314530002", "Medication review done", "medrvw_cod");
    public static readonly Code FastTrackColorectal = Code.Sct("276401000000108", "Fast track referral for suspected colorectal cancer", "codelists/opensafely-sro-gastro-fast-track-colorectal-cancer-referral.csv");

    /// <summary>
    /// No learning disability health check codelist (HLTHCHK_COD) is shipped and no SNOMED code for it could be
    /// verified, so the check is written in a local code system rather than under a guessed SNOMED code.
    /// </summary>
    public static readonly Code LdHealthCheck = new("https://openpcn.org/fhir/CodeSystem/synthetic", "ld-annual-health-check", "Learning disability annual health check");

    // Units.
    public static readonly Unit MmHg = new("mmHg", "mm[Hg]");
    public static readonly Unit MmolPerMol = new("mmol/mol", "mmol/mol");
    public static readonly Unit MmolPerL = new("mmol/L", "mmol/L");
    public static readonly Unit Egfr173 = new("mL/min/1.73m2", "mL/min/{1.73_m2}");
    public static readonly Unit KgPerM2 = new("kg/m2", "kg/m2");
    public static readonly Unit UgPerG = new("ug/g", "ug/g");
}

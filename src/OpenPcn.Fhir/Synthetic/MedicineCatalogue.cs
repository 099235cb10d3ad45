namespace OpenPcn.Fhir.Synthetic;

/// <summary>A medicine the generator prescribes: a dm+d VMP, the group it belongs to (one per group on a plan) and a pack.</summary>
internal sealed class Medicine(Code code, string group, int quantity, string form)
{
    public Code Code { get; } = code;
    public string Group { get; } = group;
    public int Quantity { get; } = quantity;
    public System.Text.Json.JsonEncodedText Form { get; } = System.Text.Json.JsonEncodedText.Encode(form);
}

/// <summary>
/// dm+d VMPs taken from the shipped medicine codelists (file named with each). The drop has no statins, diabetes
/// medicines, inhalers, antidepressants, antiepileptics, dementia drugs, gabapentinoids, benzodiazepines or Z-drugs,
/// so none of those are prescribed; the only opioid-containing product is an ibuprofen/codeine combination.
/// </summary>
internal static class Medicines
{
    private const string Acei = "medicines/opensafely-dmd-codelists/opensafely-ace-inhibitor-medications.csv";
    private const string Arb = "medicines/opensafely-dmd-codelists/opensafely-angiotensin-ii-receptor-blockers-arbs.csv";
    private const string Ccb = "medicines/opensafely-dmd-codelists/opensafely-calcium-channel-blockers.csv";
    private const string Alpha = "medicines/opensafely-dmd-codelists/opensafely-alpha-adrenoceptor-blocking-drugs.csv";
    private const string Bb = "medicines/opensafely-dmd-codelists/opensafely-beta-blocker-medications.csv";
    private const string Antihyp = "codelists/nhs-drug-refsets-antihyp_cod.csv";
    private const string Pincer = "medicines/opensafely-pincer-codelists/";

    private static Medicine M(string code, string display, string file, string group, int quantity = 28, string form = "tablet") =>
        new(Code.Dmd(code, display, file), group, quantity, form);

    public static readonly Medicine Ramipril5 = M("318902004", "Ramipril 5mg capsules", Acei, "acei", form: "capsule");
    public static readonly Medicine Ramipril10 = M("318906001", "Ramipril 10mg capsules", Acei, "acei", form: "capsule");
    public static readonly Medicine Lisinopril10 = M("318859000", "Lisinopril 10mg tablets", Acei, "acei");
    public static readonly Medicine Losartan50 = M("318956006", "Losartan 50mg tablets", Arb, "arb");
    public static readonly Medicine Candesartan8 = M("318979007", "Candesartan 8mg tablets", Arb, "arb");
    public static readonly Medicine Amlodipine5 = M("319283006", "Amlodipine 5mg tablets", Ccb, "ccb");
    public static readonly Medicine Amlodipine10 = M("319284000", "Amlodipine 10mg tablets", Ccb, "ccb");
    public static readonly Medicine Felodipine5 = M("319287007", "Felodipine 5mg modified-release tablets", Ccb, "ccb");
    public static readonly Medicine Indapamide = M("39696211000001108", "Indapamide 2.5mg tablets", Antihyp, "thiazide");
    public static readonly Medicine Bendroflumethiazide = M("42206611000001103", "Bendroflumethiazide 2.5mg tablets", Antihyp, "thiazide");
    public static readonly Medicine Doxazosin4 = M("318783003", "Doxazosin 4mg tablets", Alpha, "alpha");
    public static readonly Medicine Bisoprolol5 = M("318590006", "Bisoprolol 5mg tablets", Bb, "bb");
    public static readonly Medicine Bisoprolol2_5 = M("318605000", "Bisoprolol 2.5mg tablets", Bb, "bb");
    public static readonly Medicine Atenolol50 = M("318420003", "Atenolol 50mg tablets", Bb, "bb");
    public static readonly Medicine Propranolol40 = M("318353009", "Propranolol 40mg tablets", Pincer + "pincer-nsbb.csv", "bb", 56);
    public static readonly Medicine Furosemide40 = M("317972000", "Furosemide 40mg tablets", Pincer + "pincer-diur.csv", "loop");
    public static readonly Medicine Furosemide20 = M("317971007", "Furosemide 20mg tablets", Pincer + "pincer-diur.csv", "loop");
    public static readonly Medicine Bumetanide1 = M("318021009", "Bumetanide 1mg tablets", Pincer + "pincer-diur.csv", "loop");
    public static readonly Medicine Spironolactone25 = M("318056008", "Spironolactone 25mg tablets", Pincer + "pincer-diur.csv", "mra");
    public static readonly Medicine Apixaban5 = M("703908001", "Apixaban 5mg tablets", Pincer + "pincer-anticoag.csv", "anticoag", 56);
    public static readonly Medicine Apixaban2_5 = M("703907006", "Apixaban 2.5mg tablets", Pincer + "pincer-anticoag.csv", "anticoag", 56);
    public static readonly Medicine Rivaroxaban20 = M("19842211000001107", "Rivaroxaban 20mg tablets", Pincer + "pincer-anticoag.csv", "anticoag");
    public static readonly Medicine Edoxaban60 = M("29903411000001101", "Edoxaban 60mg tablets", Pincer + "pincer-anticoag.csv", "anticoag");
    public static readonly Medicine Warfarin1 = M("319733000", "Warfarin 1mg tablets", Pincer + "pincer-anticoag.csv", "anticoag", 56);
    public static readonly Medicine Warfarin3 = M("319734006", "Warfarin 3mg tablets", Pincer + "pincer-anticoag.csv", "warfarin3");
    public static readonly Medicine Aspirin75 = M("319773006", "Aspirin 75mg dispersible tablets", Pincer + "pincer-aspirin.csv", "antiplatelet");
    public static readonly Medicine Clopidogrel75 = M("319799004", "Clopidogrel 75mg tablets", Pincer + "pincer-antiplat.csv", "antiplatelet");
    public static readonly Medicine Ticagrelor90 = M("704465002", "Ticagrelor 90mg tablets", Pincer + "pincer-non_asp_antiplate.csv", "p2y12", 56);
    public static readonly Medicine Omeprazole20 = M("317291008", "Omeprazole 20mg gastro-resistant capsules", Pincer + "pincer-ppi.csv", "ppi", form: "capsule");
    public static readonly Medicine Lansoprazole30 = M("317309001", "Lansoprazole 30mg gastro-resistant capsules", Pincer + "pincer-ppi.csv", "ppi", form: "capsule");
    public static readonly Medicine Naproxen500 = M("329807003", "Naproxen 500mg tablets", Pincer + "pincer-nsaid.csv", "nsaid", 56);
    public static readonly Medicine Ibuprofen400 = M("329653008", "Ibuprofen 400mg tablets", Pincer + "pincer-nsaid.csv", "nsaid", 84);
    public static readonly Medicine IbuprofenCodeine = M("329683004", "Ibuprofen 200mg / Codeine 12.8mg tablets", Pincer + "pincer-nsaid.csv", "nsaid", 32);
    public static readonly Medicine Methotrexate = M("326874007", "Methotrexate 2.5mg tablets", Pincer + "pincer-met.csv", "dmard", 24);
    public static readonly Medicine Lithium400 = M("13177001000001108", "Lithium carbonate 400mg modified-release tablets", Pincer + "pincer-lith.csv", "lithium");
    public static readonly Medicine Amiodarone200 = M("318187007", "Amiodarone 200mg tablets", Pincer + "pincer-amio.csv", "amio");

    public static readonly Medicine[] All =
    [
        Ramipril5, Ramipril10, Lisinopril10, Losartan50, Candesartan8, Amlodipine5, Amlodipine10, Felodipine5, Indapamide,
        Bendroflumethiazide, Doxazosin4, Bisoprolol5, Bisoprolol2_5, Atenolol50, Propranolol40, Furosemide40, Furosemide20,
        Bumetanide1, Spironolactone25, Apixaban5, Apixaban2_5, Rivaroxaban20, Edoxaban60, Warfarin1, Warfarin3, Aspirin75,
        Clopidogrel75, Ticagrelor90, Omeprazole20, Lansoprazole30, Naproxen500, Ibuprofen400, IbuprofenCodeine, Methotrexate,
        Lithium400, Amiodarone200,
    ];

    /// <summary>
    /// What a person on many medicines adds, in order, beyond their conditions' medicines (older multimorbid patients
    /// on 10+ medicines typically take several strengths and add-on therapies). A second strength of the same
    /// medicine is a distinct VMP, as it is when the count of distinct medicines is made from a record.
    /// </summary>
    public static readonly Medicine[] PolypharmacyTopUp =
    [
        Omeprazole20, Amlodipine5, Ramipril5, Bisoprolol2_5, Indapamide, Doxazosin4, Furosemide40, Spironolactone25,
        Aspirin75, Furosemide20, Bisoprolol5, Naproxen500, Candesartan8,
    ];

    /// <summary>Second strengths taken together with the first (furosemide 60 mg, bisoprolol 7.5 mg).</summary>
    public static bool IsSecondStrength(Medicine m) => ReferenceEquals(m, Furosemide20) || ReferenceEquals(m, Bisoprolol5);
}

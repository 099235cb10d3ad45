using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Definitions;

/// <summary>The structured medication review (SMR) priority groups of the Network Contract DES.</summary>
internal static class Smr
{
    private const string Source = "Network Contract DES 2024/25, structured medication reviews and medicines optimisation";
    private const int Year = 2024;

    /// <summary>The potentially addictive medicine groups: column name, words for the reason, codelist id.</summary>
    private static readonly (string Column, string Words, string Id)[] AddictiveGroups =
    [
        ("opioid", "opioid", "OPIOIDS"),
        ("gabapentinoid", "gabapentinoid", "GABAPENTINOIDS"),
        ("benzodiazepine", "benzodiazepine", "BENZODIAZEPINES"),
        ("z_drug", "Z-drug", "Z_DRUGS"),
    ];

    public static IEnumerable<CohortDefinition> Create(CodelistLibrary c)
    {
        yield return CareHome(c);
        yield return Polypharmacy();
        yield return SevereFrailty(c);
        yield return Addictive(c);
        yield return Priority(c);
    }

    internal static DateExpr CareHomeDate(CodelistLibrary c) => Populations.LatestDate(c.Get("CAREHOME_COD"));

    internal static IntExpr MedicineCount => Populations.CurrentMedicines().CountDistinct(m => m.Code);

    internal static BoolExpr IsSeverelyFrail(CodelistLibrary c) => Populations.LatestFrailty(c).Code.IsIn(c.Get("SEVFRAIL_COD")).OrFalse();

    private static List<Codelist> AddictiveCodelists(CodelistLibrary c) => [.. AddictiveGroups.Select(g => c.Get(g.Id))];

    private static CohortDefinition CareHome(CodelistLibrary c)
    {
        var since = CareHomeDate(c);
        var population = Populations.Registered & (Populations.Age >= 18) & since.IsNotNull();
        return new CohortDefinition(
            "smr-care-home",
            "SMR priority: care-home residents",
            "Adults (18 or over) with a care home resident code (CAREHOME_COD), who should be offered a structured medication review.",
            $"{Source}; IIF 2022/23 SMR-01D",
            Year,
            Populations.Query(population, ("care_home_since", since), ("age", Populations.Age)),
            "care home resident code (CAREHOME_COD) on {care_home_since}",
            [c.Get("CAREHOME_COD")],
            "case-finding");
    }

    private static CohortDefinition Polypharmacy()
    {
        var count = MedicineCount;
        return new CohortDefinition(
            "smr-polypharmacy",
            "SMR priority: 10 or more medicines",
            "Patients on 10 or more different medicines: distinct dm+d codes issued in the last 6 months or on a repeat template active on the index date.",
            $"{Source} (complex polypharmacy, 10+ medicines)",
            Year,
            Populations.Query(Populations.Registered & (count >= 10), ("medicine_count", count)),
            "{medicine_count} different medicines issued in the last 6 months or on active repeat",
            [],
            "case-finding");
    }

    private static CohortDefinition SevereFrailty(CodelistLibrary c)
    {
        var latest = Populations.LatestFrailty(c);
        return new CohortDefinition(
            "smr-severe-frailty",
            "SMR priority: severe frailty",
            "Patients whose latest electronic frailty index category code is severe frailty (SEVFRAIL_COD rather than MODFRAIL_COD or MILDFRAIL_COD).",
            $"{Source}; IIF 2022/23 SMR-01B",
            Year,
            Populations.Query(Populations.Registered & IsSeverelyFrail(c), ("frailty_date", latest.Date)),
            "severe frailty (SEVFRAIL_COD) coded on {frailty_date}",
            [c.Get("MILDFRAIL_COD"), c.Get("MODFRAIL_COD"), c.Get("SEVFRAIL_COD")],
            "case-finding");
    }

    private static CohortDefinition Addictive(CodelistLibrary c)
    {
        var lists = AddictiveCodelists(c);
        var columns = new List<(string, Expr)>();
        BoolExpr any = false;
        foreach (var (column, _, id) in AddictiveGroups)
        {
            var on = OnGroup(c, id);
            columns.Add((column, on));
            any |= on;
        }

        var latest = Populations.CurrentMedicines(m => InAny(m, lists)).Maximum(m => m.Date);
        columns.Add(("latest_date", latest));
        var reason = string.Join(", ", AddictiveGroups.Select(g => $"{g.Words} {{{g.Column}}}")) + "; latest issue or repeat {latest_date}";
        return new CohortDefinition(
            "smr-addictive-medicines",
            "SMR priority: potentially addictive medicines",
            "Patients issued an opioid, gabapentinoid, benzodiazepine or Z-drug in the last 6 months, or with one on an active repeat. "
            + "The groups are the dependence-forming medicines dm+d codelists of the OpenSAFELY dfms-covid19 study (opioid pain medicines, gabapentinoids, benzodiazepines, Z-drugs).",
            $"{Source} (potentially addictive pain medicines, from 2021/22); IIF 2022/23 SMR-01C",
            Year,
            Populations.Query(Populations.Registered & any, [.. columns]),
            reason,
            lists,
            "case-finding");
    }

    private static CohortDefinition Priority(CodelistLibrary c)
    {
        var careHome = (Populations.Age >= 18) & CareHomeDate(c).IsNotNull();
        var count = MedicineCount;
        var polypharmacy = count >= 10;
        var frail = IsSeverelyFrail(c);
        BoolExpr addictive = false;
        foreach (var group in AddictiveGroups)
        {
            addictive |= OnGroup(c, group.Id);
        }

        var flags = new[] { (careHome, "care home"), (polypharmacy, "10+ medicines"), (frail, "severe frailty"), (addictive, "addictive medicines") };
        var population = Populations.Registered & (careHome | polypharmacy | frail | addictive);
        var query = Populations.Query(
            population,
            ("groups", Groups(flags, 0, [])),
            ("care_home", careHome),
            ("medicine_count", count),
            ("severe_frailty", frail),
            ("addictive_medicines", addictive));
        Codelist[] frailty = [c.Get("MILDFRAIL_COD"), c.Get("MODFRAIL_COD"), c.Get("SEVFRAIL_COD")];
        return new CohortDefinition(
            "smr-priority",
            "SMR priority groups (all)",
            "Everyone in any SMR priority group: adult care-home residents, 10 or more current medicines, severe frailty, or potentially addictive medicines (see the single-group definitions for each rule).",
            $"{Source}; IIF 2022/23 SMR-01A-D",
            Year,
            query,
            "{groups} ({medicine_count} current medicines)",
            [c.Get("CAREHOME_COD"), .. frailty, .. AddictiveCodelists(c)],
            "case-finding");
    }

    /// <summary>The names of the groups a patient is in, joined with commas: a tree of cases, one leaf per combination.</summary>
    private static TextExpr Groups((BoolExpr In, string Name)[] flags, int next, List<string> chosen)
    {
        if (next == flags.Length)
        {
            return chosen.Count == 0 ? "none" : string.Join(", ", chosen);
        }

        var with = Groups(flags, next + 1, [.. chosen, flags[next].Name]);
        var without = Groups(flags, next + 1, chosen);
        return Cohort.If(flags[next].In, with, without);
    }

    private static BoolExpr OnGroup(CodelistLibrary c, string id) =>
        Populations.CurrentMedicines(m => m.Code.IsIn(c.Get(id))).Exists();

    private static BoolExpr InAny(MedicationRows m, List<Codelist> lists)
    {
        BoolExpr any = false;
        foreach (var list in lists)
        {
            any |= m.Code.IsIn(list);
        }

        return any;
    }
}

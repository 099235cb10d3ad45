using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Definitions;

/// <summary>
/// Splits any cohort by deprivation quintile and broad ethnic group, for the health-inequalities requirement:
/// how many registered patients in each group are in the cohort, per 1,000.
/// </summary>
public static class Stratification
{
    /// <summary>The dimension name of <see cref="StratumSummary"/> rows for the deprivation quintile.</summary>
    public const string DeprivationDimension = "deprivation_quintile";

    /// <summary>The dimension name of <see cref="StratumSummary"/> rows for the ethnic group.</summary>
    public const string EthnicityDimension = "ethnic_group";

    /// <summary>The dimension name of the single <see cref="StratumSummary"/> row for everyone.</summary>
    public const string AllDimension = "all";

    /// <summary>The group of patients whose deprivation decile is not known.</summary>
    public const string Unknown = "Unknown";

    /// <summary>The five broad ONS ethnic groups and "Not stated", in display order.</summary>
    public static IReadOnlyList<string> EthnicGroups { get; } = ["White", "Mixed", "Asian", "Black", "Other", "Not stated"];

    private static readonly (string Group, string[] Letters)[] EthnicLetters =
    [
        ("White", ["A", "B", "C"]),
        ("Mixed", ["D", "E", "F", "G"]),
        ("Asian", ["H", "J", "K", "L"]),
        ("Black", ["M", "N", "P"]),
        ("Other", ["R", "S"]),
    ];

    /// <summary>
    /// A query over every registered patient (see <see cref="Populations.Registered"/>) with columns
    /// <c>in_cohort</c> (whether <paramref name="cohort"/>'s population is true), <c>deprivation_quintile</c> (1 most
    /// deprived to 5, from the IMD decile; null when unknown) and <c>ethnic_group</c> (White, Mixed, Asian, Black,
    /// Other or Not stated, from the NHS ethnic category letter).
    /// </summary>
    public static CohortQuery Stratify(CohortQuery cohort) =>
        Populations.Query(
            Populations.Registered,
            ("in_cohort", new BoolExpr(cohort.Population).OrFalse()),
            (DeprivationDimension, Quintile(Cohort.Patients.DeprivationDecile)),
            (EthnicityDimension, EthnicGroup(Cohort.Patients.EthnicCategory)));

    /// <summary>
    /// Per dimension and group of a <see cref="Stratify"/> result: registered patients, how many are in the cohort, and
    /// the rate per 1,000 (0 for an empty group). Every group is listed, even when empty; "all" comes first.
    /// </summary>
    /// <exception cref="ArgumentException">The result lacks a <see cref="Stratify"/> column.</exception>
    public static IReadOnlyList<StratumSummary> Summarise(CohortResult stratified)
    {
        var inCohort = ColumnIndex(stratified, "in_cohort");
        var quintile = ColumnIndex(stratified, DeprivationDimension);
        var ethnicity = ColumnIndex(stratified, EthnicityDimension);
        var counts = new Dictionary<(string, string), (int Registered, int InCohort)>();
        foreach (var row in stratified.Rows)
        {
            var included = row.Values[inCohort] is true ? 1 : 0;
            Count(counts, (AllDimension, "All"), included);
            Count(counts, (DeprivationDimension, row.Values[quintile] is long q ? q.ToString(System.Globalization.CultureInfo.InvariantCulture) : Unknown), included);
            Count(counts, (EthnicityDimension, row.Values[ethnicity] as string ?? "Not stated"), included);
        }

        string[] quintiles = ["1", "2", "3", "4", "5", Unknown];
        var keys = new List<(string Dimension, string Group)> { (AllDimension, "All") };
        keys.AddRange(quintiles.Select(q => (DeprivationDimension, q)));
        keys.AddRange(EthnicGroups.Select(g => (EthnicityDimension, g)));
        return
        [
            .. keys.Select(k =>
            {
                var (registered, included) = counts.GetValueOrDefault(k);
                return new StratumSummary(k.Dimension, k.Group, registered, included, registered == 0 ? 0 : 1000.0 * included / registered);
            }),
        ];
    }

    private static void Count(Dictionary<(string, string), (int Registered, int InCohort)> counts, (string, string) key, int included)
    {
        var (registered, inCohort) = counts.GetValueOrDefault(key);
        counts[key] = (registered + 1, inCohort + included);
    }

    private static int ColumnIndex(CohortResult result, string name)
    {
        for (var i = 0; i < result.ColumnNames.Count; i++)
        {
            if (result.ColumnNames[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"The result has no {name} column; run the query from Stratification.Stratify.", nameof(result));
    }

    /// <summary>Decile 1–2 → 1, 3–4 → 2, … 9–10 → 5; missing or out of range → null.</summary>
    private static IntExpr Quintile(IntExpr decile)
    {
        IntExpr quintile = Cohort.Null<IntExpr>();
        for (var q = 5L; q >= 1; q--)
        {
            quintile = Cohort.If<IntExpr>((decile >= (2 * q) - 1) & (decile <= 2 * q), q, quintile);
        }

        return quintile;
    }

    private static TextExpr EthnicGroup(TextExpr category)
    {
        TextExpr group = "Not stated";
        foreach (var (name, letters) in EthnicLetters.Reverse())
        {
            BoolExpr any = false;
            foreach (var letter in letters)
            {
                any |= category.Is(letter);
            }

            group = Cohort.If<TextExpr>(any, name, group);
        }

        return group;
    }
}

/// <summary>One group of a stratified cohort.</summary>
/// <param name="Dimension"><c>all</c>, <c>deprivation_quintile</c> or <c>ethnic_group</c>.</param>
/// <param name="Group">The group: <c>All</c>; a quintile 1 (most deprived) to 5 or <c>Unknown</c>; an ethnic group.</param>
/// <param name="Registered">Registered patients in the group.</param>
/// <param name="InCohort">Of them, how many are in the cohort.</param>
/// <param name="RatePerThousand">In the cohort per 1,000 registered (0 when the group is empty).</param>
public sealed record StratumSummary(string Dimension, string Group, int Registered, int InCohort, double RatePerThousand);

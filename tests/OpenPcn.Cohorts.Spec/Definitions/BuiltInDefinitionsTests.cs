using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Definitions;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Language.Json;

namespace OpenPcn.Cohorts.Spec.Definitions;

public sealed class BuiltInDefinitionsTests
{
    private static readonly CodelistLibrary Codelists = CodelistLibrary.LoadShipped();

    public static TheoryData<string> Names => [.. BuiltInDefinitions.Create(Codelists).Select(d => d.Name)];

    [Fact]
    public void Create_Twice_ReturnsTheCachedList()
    {
        Assert.Same(BuiltInDefinitions.Create(Codelists), BuiltInDefinitions.Create(Codelists));
    }

    [Fact]
    public void Create_Names_AreUniqueSlugs()
    {
        var names = BuiltInDefinitions.Create(Codelists).Select(d => d.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", n));
    }

    [Fact]
    public void Create_AllRequiredCohorts_ArePresent()
    {
        string[] required =
        [
            "hypertension-register", "diabetes-register", "atrial-fibrillation-register", "ckd-register", "chd-register",
            "heart-failure-register", "stroke-tia-register", "asthma-register", "copd-register", "dementia-register",
            "smi-register", "learning-disability-register", "cancer-register", "palliative-care-register",
            "smr-care-home", "smr-polypharmacy", "smr-severe-frailty", "smr-addictive-medicines", "smr-priority",
            "care-home-without-care-plan", "undiagnosed-hypertension", "hypertension-above-target",
            "af-without-anticoagulant", "possible-familial-hypercholesterolaemia", "lower-gi-referral-without-fit",
            "ld-health-check-due", "frailty-without-care-plan",
        ];

        var names = BuiltInDefinitions.Create(Codelists).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(required, r => Assert.True(names.Contains(r), r));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Definition_Codelists_AreInTheManifestWithTheirFiles(string name)
    {
        var definition = BuiltInDefinitions.Find(Codelists, name)!;
        var data = Path.Combine(AppContext.BaseDirectory, "data");

        foreach (var codelist in definition.Codelists)
        {
            var info = Codelists.All.Single(i => i.Id == codelist.Id);
            Assert.Equal(info.Version, codelist.Version);
            Assert.True(info.File is null ? info.IsLocal : File.Exists(Path.Combine(data, info.File)), codelist.Id);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Definition_Reason_NamesOnlyItsColumns(string name)
    {
        var definition = BuiltInDefinitions.Find(Codelists, name)!;
        var columns = definition.Query.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        var placeholders = ReasonTemplate.Placeholders(definition.Reason).ToList();

        Assert.NotEmpty(placeholders);
        Assert.All(placeholders, p => Assert.Contains(p, columns));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Definition_Documentation_IsComplete(string name)
    {
        var definition = BuiltInDefinitions.Find(Codelists, name)!;

        Assert.False(string.IsNullOrWhiteSpace(definition.Title));
        Assert.False(string.IsNullOrWhiteSpace(definition.Description));
        Assert.False(string.IsNullOrWhiteSpace(definition.Source));
        Assert.InRange(definition.Year, 2020, 2030);
        Assert.Contains(definition.Category, (string[])["register", "case-finding"]);
        Assert.Equal(definition.Category == "register", name.EndsWith("-register", StringComparison.Ordinal));
    }

    [Fact]
    public void Definition_CodelistUsedInQuery_IsListed()
    {
        foreach (var definition in BuiltInDefinitions.Create(Codelists))
        {
            var used = CodelistsIn(definition.Query.Population).Concat(definition.Query.Columns.SelectMany(c => CodelistsIn(c.Value)));
            var listed = definition.Codelists.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            Assert.All(used, id => Assert.True(listed.Contains(id), $"{definition.Name} uses {id} without listing it"));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Definition_JsonRoundTripWithShippedCodelists_GivesTheSameJson(string name)
    {
        var definition = BuiltInDefinitions.Find(Codelists, name)!;
        var json = CohortJson.Serialize(definition);

        var back = CohortJson.Deserialize(json, Codelists.Find);

        Assert.Equal(json, CohortJson.Serialize(back));
        Assert.Equal(definition.Codelists.Select(c => c.Id), back.Codelists.Select(c => c.Id));
    }

    [Fact]
    public void Find_UnknownName_ReturnsNull()
    {
        Assert.Null(BuiltInDefinitions.Find(Codelists, "no-such-cohort"));
    }

    private static IEnumerable<string> CodelistsIn(Model.Series series) => ModelWalk.Codelists(series);
}

using System.Text;
using CsCheck;
using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Language.Json;
using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Properties;

/// <summary>
/// Random small tables and random well-typed queries: every engine must give the in-memory engine's answer, and
/// every query must come back from its JSON form unchanged.
/// </summary>
[Collection(SpecCollection.Name)]
public sealed class EngineAgreementTests(SpecDatabases databases)
{
    private const int QueriesPerSample = 20;

    private static readonly DateOnly IndexDate = new(2025, 6, 30);

    /// <summary>Each sample: the numbers a data set and its queries are drawn from.</summary>
    private static readonly Gen<int[]> Samples = Gen.Int[0, 1_000].Array[300, 400];

    [Fact]
    public void RandomQueries_ManySamples_UseEveryModelNode()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var random = new Random(4);
        for (var i = 0; i < 500; i++)
        {
            var numbers = Enumerable.Range(0, 400).Select(_ => random.Next(1_000)).ToArray();
            var query = new RandomQueries(new Choices(numbers)).Query();
            ModelWalker.Visit(query.Population, seen);
            foreach (var column in query.Columns)
            {
                ModelWalker.Visit(column.Value, seen);
            }
        }

        Assert.Empty(ModelWalker.AllNodeKinds.Except(seen));
    }

    [Fact]
    public void RandomQueries_JsonRoundTrip_GivesAnEqualQuery()
    {
        Samples.Sample(
            numbers =>
            {
                var query = new RandomQueries(new Choices(numbers)).Query();
                var back = CohortJson.DeserializeQuery(CohortJson.SerializeQuery(query), SpecCodelists.Resolve);
                Assert.Equal(query.Population, back.Population);
                Assert.Equal(query.Columns, back.Columns);
            },
            iter: 2_000,
            print: numbers => CohortJson.SerializeQuery(new RandomQueries(new Choices(numbers)).Query()));
    }

    [Fact]
    public async Task RandomQueries_OnEveryEngine_AgreeWithTheInMemoryEngine()
    {
        var engines = new List<ISpecEngine>();
        foreach (var name in SpecEngines.Names)
        {
            engines.Add(await databases.EngineAsync(name));
        }

        await Samples.SampleAsync(
            async numbers =>
            {
                var choices = new Choices(numbers);
                var text = RandomTables.Generate(choices);
                var tables = TextTables.Parse(text);
                var generator = new RandomQueries(choices);
                for (var i = 0; i < QueriesPerSample; i++)
                {
                    var query = generator.Query();
                    var expected = await engines[0].RunAsync(tables, text, query, IndexDate);
                    foreach (var engine in engines.Skip(1))
                    {
                        var actual = await Run(engine, tables, text, query);
                        if (actual is null || !ResultComparison.Same(expected, actual))
                        {
                            Assert.Fail(Disagreement(engine.Name, text, query, expected, actual));
                        }
                    }
                }
            },
            iter: 60,
            threads: 1,
            print: numbers => RandomTables.Generate(new Choices(numbers)));
    }

    private static async Task<CohortResult?> Run(ISpecEngine engine, TextTables tables, string text, CohortQuery query)
    {
        try
        {
            return await engine.RunAsync(tables, text, query, IndexDate);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new InvalidOperationException($"{engine.Name} failed on\n{CohortJson.SerializeQuery(query)}\n{e.Message}", e);
        }
    }

    private static string Disagreement(string engine, string tables, CohortQuery query, CohortResult expected, CohortResult? actual)
    {
        var text = new StringBuilder();
        text.Append(engine).AppendLine(" disagrees with the in-memory engine.");
        text.AppendLine("Tables:").AppendLine(tables);
        text.AppendLine("Query:").AppendLine(CohortJson.SerializeQuery(query));
        text.AppendLine("In memory:").AppendLine(ResultComparison.Describe(expected));
        text.Append(engine).AppendLine(":").AppendLine(actual is null ? "(nothing)" : ResultComparison.Describe(actual));
        return text.ToString();
    }
}

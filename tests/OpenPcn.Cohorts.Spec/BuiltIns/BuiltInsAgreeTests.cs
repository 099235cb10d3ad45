using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Definitions;
using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Engines.InMemory;
using OpenPcn.Cohorts.Engines.Sql;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using Xunit.Abstractions;

namespace OpenPcn.Cohorts.Spec.BuiltIns;

/// <summary>
/// Every built-in definition, and its stratified form, gives identical rows and values on the in-memory engine,
/// SQLite and PostgreSQL over the same generated network.
/// </summary>
public sealed class BuiltInsAgreeTests(GeneratedNetwork network, ITestOutputHelper output) : IClassFixture<GeneratedNetwork>
{
    private static readonly DateOnly IndexDate = TestDatabase.Today;

    public static TheoryData<string> Names =>
        new(BuiltInDefinitions.Create(CodelistLibrary.LoadShipped()).Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Run_EveryEngine_GivesIdenticalResults(string name)
    {
        var definition = BuiltInDefinitions.Find(CodelistLibrary.LoadShipped(), name)!;

        var results = await RunEverywhereAsync(definition.Query);

        var reference = results[0];
        output.WriteLine($"{name}: {reference.Rows.Count} of {GeneratedNetwork.Patients} patients");
        foreach (var other in results.Skip(1))
        {
            AssertSame(reference, other);
        }
    }

    [Fact]
    public async Task Run_BuiltIns_FindPatientsInTheGeneratedNetwork()
    {
        var definitions = BuiltInDefinitions.Create(CodelistLibrary.LoadShipped());
        await using var connection = network.Connect(DatabaseProvider.Sqlite);
        var engine = new SqlCohortEngine(connection, SqlDialect.Sqlite, network.PcnId(DatabaseProvider.Sqlite));
        var empty = new List<string>();
        foreach (var definition in definitions)
        {
            var result = await engine.RunAsync(definition.Query, IndexDate);
            output.WriteLine($"{definition.Name}: {result.Rows.Count}");
            if (result.Rows.Count == 0)
            {
                empty.Add(definition.Name);
            }
        }

        // The generator draws 22 conditions, frailty, care homes, referrals and medicines at English rates; with no
        // opioid, gabapentinoid, benzodiazepine or Z-drug among its medicines only that group can be empty.
        Assert.All(empty, name => Assert.Contains("addictive", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stratify_EveryEngine_GivesIdenticalSummaries()
    {
        var definition = BuiltInDefinitions.Find(CodelistLibrary.LoadShipped(), "hypertension-register")
            ?? BuiltInDefinitions.Create(CodelistLibrary.LoadShipped())[0];
        var query = Stratification.Stratify(definition.Query);

        var results = await RunEverywhereAsync(query);

        var summaries = results.Select(r => string.Join('\n', Stratification.Summarise(r))).ToList();
        Assert.All(summaries, s => Assert.Equal(summaries[0], s));
    }

    private async Task<List<CohortResult>> RunEverywhereAsync(CohortQuery query)
    {
        var results = new List<CohortResult>();
        await using (var connection = network.Connect(DatabaseProvider.Sqlite))
        {
            var pcnId = network.PcnId(DatabaseProvider.Sqlite);
            var tables = await TablesAsync(connection, pcnId);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            results.Add(await new InMemoryEngine(tables).RunAsync(query, IndexDate));
            output.WriteLine($"in-memory {watch.ElapsedMilliseconds} ms");
            watch.Restart();
            results.Add(await new SqlCohortEngine(connection, SqlDialect.Sqlite, pcnId).RunAsync(query, IndexDate));
            output.WriteLine($"sqlite {watch.ElapsedMilliseconds} ms");
        }

        await using (var connection = network.Connect(DatabaseProvider.Postgres))
        {
            results.Add(await new SqlCohortEngine(connection, SqlDialect.Postgres, network.PcnId(DatabaseProvider.Postgres)).RunAsync(query, IndexDate));
        }

        return results;
    }

    private static RecordTables? _tables;

    private static async Task<RecordTables> TablesAsync(System.Data.Common.DbConnection connection, int pcnId) =>
        _tables ??= await RecordTablesLoader.LoadAsync(connection, SqlDialect.Sqlite, pcnId);

    private static void AssertSame(CohortResult expected, CohortResult actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var i = 0; i < expected.Rows.Count; i++)
        {
            Assert.Equal(expected.Rows[i].PatientId, actual.Rows[i].PatientId);
            for (var c = 0; c < expected.ColumnNames.Count; c++)
            {
                var (e, a) = (expected.Rows[i].Values[c], actual.Rows[i].Values[c]);
                if (e is double x && a is double y)
                {
                    Assert.Equal(x, y, 9);
                }
                else
                {
                    Assert.Equal(e, a);
                }
            }
        }

        Assert.Equal(
            expected.Rows.Select(r => ReasonTemplate.Fill("{x}", ["x"], [r.PatientId])),
            actual.Rows.Select(r => ReasonTemplate.Fill("{x}", ["x"], [r.PatientId])));
    }
}

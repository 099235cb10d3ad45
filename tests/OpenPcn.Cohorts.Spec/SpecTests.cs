using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Language.Json;
using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec;

/// <summary>Runs every spec case on every engine, each query first round-tripped through its JSON form.</summary>
[Collection(SpecCollection.Name)]
public sealed class SpecTests(SpecDatabases databases)
{
    [Theory]
    [SpecCases]
    public async Task Run_SpecCase_GivesExpectedValuePerPatient(string engine, string caseId)
    {
        var specCase = SpecCatalogue.Find(caseId);
        var query = CohortJson.DeserializeQuery(CohortJson.SerializeQuery(specCase.Query), SpecCodelists.Resolve);
        Assert.Equal(specCase.Query.Population, query.Population);
        Assert.Equal(specCase.Query.Columns, query.Columns);

        var result = await (await databases.EngineAsync(engine)).RunAsync(specCase.Data, specCase.Id, query, specCase.IndexDate);

        var expected = new CohortResult(
            [SpecCase.ValueColumn],
            specCase.ExpectedRows().Select(r => new CohortRow(r.PatientId, [r.Value])).ToList());
        Assert.True(
            ResultComparison.Same(expected, result),
            $"{caseId} on {engine}\nexpected:\n{ResultComparison.Describe(expected)}actual:\n{ResultComparison.Describe(result)}");
    }

    [Fact]
    public void Catalogue_EveryCase_HasAUniqueIdAndWellFormedTables()
    {
        Assert.Equal(SpecCatalogue.Cases.Count, SpecCatalogue.Cases.Select(c => c.Id).Distinct().Count());
        foreach (var specCase in SpecCatalogue.Cases)
        {
            Assert.NotEmpty(specCase.Data.RowsOf(Schema.CohortTables.Patients));
            Assert.NotNull(specCase.ExpectedRows());
        }
    }

    [Fact]
    public void Catalogue_EveryModelNode_IsCovered()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var specCase in SpecCatalogue.Cases)
        {
            ModelWalker.Visit(specCase.Query.Population, seen);
            ModelWalker.Visit(specCase.Expression, seen);
        }

        var expected = new[]
        {
            nameof(Value), nameof(IndexDate), nameof(Column), nameof(Case), nameof(Coalesce), nameof(AddDays), nameof(AddMonths),
            nameof(FinancialYearStart), nameof(DaysBetween), nameof(YearsBetween), nameof(InCodelist),
            nameof(TableFrame), nameof(FilteredFrame), "PickedRow.First", "PickedRow.Last",
        }
        .Concat(Enum.GetNames<UnaryOperator>().Select(o => $"Unary.{o}"))
        .Concat(Enum.GetNames<BinaryOperator>().Select(o => $"Binary.{o}"))
        .Concat(Enum.GetNames<AggregateFunction>().Select(f => $"Aggregate.{f}"));
        Assert.Empty(expected.Except(seen));
    }
}

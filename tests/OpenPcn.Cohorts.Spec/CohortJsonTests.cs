using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Language.Json;
using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec;

public sealed class CohortJsonTests
{
    private static readonly Codelist Hypertension = SpecCodelists.Hypertension;

    private static CohortDefinition Definition()
    {
        var bp = Cohort.ClinicalEvents.WithCode(SpecCodelists.Systolic).Where(e => e.Date <= Cohort.IndexDate).Latest(e => e.Date);
        var query = new CohortQuery(
            (bp.Value >= 140 & !Cohort.OnRegister(Hypertension, SpecCodelists.HypertensionResolved, Cohort.IndexDate)).Series,
            [new QueryColumn("systolic", bp.Value.Series), new QueryColumn("bp_date", bp.Date.Series)]);
        return new CohortDefinition(
            "undiagnosed-hypertension", "Possible undiagnosed hypertension", "Latest clinic blood pressure 140 or more, not on the register.",
            "NICE NG136", 2023, query, "latest systolic {systolic} on {bp_date}; no HYP_COD", [Hypertension, SpecCodelists.Systolic], "case-finding");
    }

    private static string Population(string series) => $$"""{"population": {{series}}, "columns": []}""";

    [Fact]
    public void Deserialize_SerializedDefinition_IsTheSameDefinition()
    {
        var definition = Definition();

        var back = CohortJson.Deserialize(CohortJson.Serialize(definition), SpecCodelists.Resolve);

        Assert.Equal(definition.Query.Population, back.Query.Population);
        Assert.Equal(definition.Query.Columns, back.Query.Columns);
        Assert.Equal(
            (definition.Name, definition.Title, definition.Description, definition.Source, definition.Year, definition.Reason, definition.Category),
            (back.Name, back.Title, back.Description, back.Source, back.Year, back.Reason, back.Category));
        Assert.Equal(definition.Codelists, back.Codelists);
    }

    [Fact]
    public void Serialize_Definition_WritesReadableNodesAndCodelistIdsOnly()
    {
        var json = CohortJson.Serialize(Definition());

        Assert.Contains("\"op\": \"ge\"", json, StringComparison.Ordinal);
        Assert.Contains("\"frame\": \"last\"", json, StringComparison.Ordinal);
        Assert.Contains("\"codelist\": \"HYP_COD\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("hyp1", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeQuery_OneFrameWrittenTwice_ComesBackAsOneDomain()
    {
        var rows = Cohort.ClinicalEvents.Where(e => e.Code.Is("a"));
        var query = new CohortQuery((rows.Latest(e => e.Date).Value > 1).Series, [new QueryColumn("n", rows.Count().Series)]);

        var back = CohortJson.DeserializeQuery(CohortJson.SerializeQuery(query), SpecCodelists.Resolve);
        var frames = new[] { ((Aggregate)back.Columns[0].Value).Frame, ((PickedRow)((Column)((Binary)back.Population).Left).Frame).Source };

        Assert.Equal(frames[0], frames[1]);
        Assert.Equal(DomainKind.Events, new Binary(BinaryOperator.Equal, new Column(frames[0], "code"), new Column(frames[1], "unit")).Domain.Kind);
    }

    [Fact]
    public void DeserializeQuery_InvalidJson_SaysSo()
    {
        var error = Assert.Throws<CohortModelException>(() => CohortJson.DeserializeQuery("{\"population\": ", SpecCodelists.Resolve));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeQuery_UnknownOp_NamesThePath()
    {
        var json = Population("""{"op": "and", "left": {"op": "value", "type": "boolean", "value": true}, "right": {"op": "xor"}}""");

        var error = Assert.Throws<CohortModelException>(() => CohortJson.DeserializeQuery(json, SpecCodelists.Resolve));

        Assert.Contains("population.right.op", error.Message, StringComparison.Ordinal);
        Assert.Contains("xor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeQuery_UnknownTable_NamesThePath()
    {
        var json = Population("""{"op": "exists", "frame": {"frame": "table", "table": "appointments"}}""");

        var error = Assert.Throws<CohortModelException>(() => CohortJson.DeserializeQuery(json, SpecCodelists.Resolve));

        Assert.StartsWith("At population.frame.table:", error.Message, StringComparison.Ordinal);
        Assert.Contains("There is no table appointments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeQuery_UnknownColumn_NamesThePath()
    {
        var json = Population("""{"op": "is_null", "operand": {"op": "column", "frame": {"frame": "table", "table": "patients"}, "name": "shoe_size"}}""");

        var error = Assert.Throws<CohortModelException>(() => CohortJson.DeserializeQuery(json, SpecCodelists.Resolve));

        Assert.StartsWith("At population.operand:", error.Message, StringComparison.Ordinal);
        Assert.Contains("shoe_size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeQuery_TypeError_NamesTheNode()
    {
        var json = Population("""{"op": "gt", "left": {"op": "value", "type": "text", "value": "a"}, "right": {"op": "value", "type": "integer", "value": 1}}""");

        var error = Assert.Throws<CohortModelException>(() => CohortJson.DeserializeQuery(json, SpecCodelists.Resolve));

        Assert.StartsWith("At population:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cannot compare Text with Integer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"op": "value", "type": "integer", "value": 1.5}""", "must be a whole number")]
    [InlineData("""{"op": "value", "type": "date", "value": "1/4/2025"}""", "yyyy-MM-dd")]
    [InlineData("""{"op": "value", "type": "boolean", "value": "yes"}""", "a string is not a boolean")]
    [InlineData("""{"op": "value", "type": "money", "value": 1}""", "unknown type 'money'")]
    public void DeserializeQuery_BadConstant_NamesTheValue(string constant, string message)
    {
        var json = Population($$"""{"op": "is_null", "operand": {{constant}}}""");

        var error = Assert.Throws<CohortModelException>(() => CohortJson.DeserializeQuery(json, SpecCodelists.Resolve));

        Assert.Contains("population.operand", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeQuery_UnknownCodelist_NamesThePath()
    {
        var json = Population("""{"op": "in_codelist", "code": {"op": "value", "type": "text", "value": "a"}, "codelist": "NOPE_COD"}""");

        var error = Assert.Throws<CohortModelException>(() => CohortJson.DeserializeQuery(json, SpecCodelists.Resolve));

        Assert.StartsWith("At population.codelist:", error.Message, StringComparison.Ordinal);
        Assert.Contains("NOPE_COD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeQuery_TooDeep_IsRefused()
    {
        var series = """{"op": "value", "type": "boolean", "value": true}""";
        for (var i = 0; i < 70; i++)
        {
            series = $$"""{"op": "not", "operand": {{series}}}""";
        }

        var error = Assert.Throws<CohortModelException>(() => CohortJson.DeserializeQuery(Population(series), SpecCodelists.Resolve));

        Assert.Contains("nests deeper than 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeQuery_TooLarge_IsRefused()
    {
        var json = Population($$"""{"op": "value", "type": "text", "value": "{{new string('x', CohortJson.MaxLength)}}"}""");

        var error = Assert.Throws<CohortModelException>(() => CohortJson.DeserializeQuery(json, SpecCodelists.Resolve));

        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_BadDefinitionName_IsRefused()
    {
        var json = CohortJson.Serialize(Definition()).Replace("\"undiagnosed-hypertension\"", "\"Not A Slug\"", StringComparison.Ordinal);

        var error = Assert.Throws<CohortModelException>(() => CohortJson.Deserialize(json, SpecCodelists.Resolve));

        Assert.Contains("Not A Slug", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_MissingQuery_NamesIt()
    {
        var error = Assert.Throws<CohortModelException>(() => CohortJson.Deserialize("""{"codelists": []}""", SpecCodelists.Resolve));

        Assert.Contains("needs 'query'", error.Message, StringComparison.Ordinal);
    }
}

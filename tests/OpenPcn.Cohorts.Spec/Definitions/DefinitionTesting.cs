using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Definitions;
using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Language;

namespace OpenPcn.Cohorts.Spec.Definitions;

/// <summary>Runs a built-in definition over hand-made records.</summary>
internal static class DefinitionTesting
{
    public static CodelistLibrary Codelists { get; } = CodelistLibrary.LoadShipped();

    public static CohortDefinition Definition(string name) =>
        BuiltInDefinitions.Find(Codelists, name) ?? throw new ArgumentException($"No built-in {name}.", nameof(name));

    /// <summary>A code of <paramref name="codelistId"/> (the smallest, so tests are repeatable).</summary>
    public static string Code(string codelistId) => Codelists.Get(codelistId).Codes.Order(StringComparer.Ordinal).First();

    public static async Task<CohortResult> RunAsync(string engine, string name, Records records) =>
        await records.RunAsync(engine, Definition(name).Query);

    public static long[] Ids(CohortResult result) => [.. result.Rows.Select(r => r.PatientId)];

    public static string Reason(string name, CohortResult result, long patientId) =>
        ReasonTemplate.Fill(Definition(name).Reason, result.ColumnNames, result.Rows.Single(r => r.PatientId == patientId).Values);
}

using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>The JSON form of a definition (one place, so the format's owner can change without touching callers).</summary>
internal static class DefinitionJson
{
    public static string Serialize(CohortDefinition definition) =>
        throw new NotSupportedException($"CohortJson is not merged yet ({definition.Name}).");

    public static CohortDefinition Deserialize(string json, Func<string, Codelist> codelists) =>
        throw new NotSupportedException($"CohortJson is not merged yet ({json.Length}, {codelists}).");
}

using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Language.Json;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>The JSON form of a definition (one place, so the format's owner can change it without touching callers).</summary>
internal static class DefinitionJson
{
    public static string Serialize(CohortDefinition definition) => CohortJson.Serialize(definition);

    public static CohortDefinition Deserialize(string json, Func<string, Codelist?> codelists) => CohortJson.Deserialize(json, codelists);
}

using System.Runtime.CompilerServices;
using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Language;

namespace OpenPcn.Cohorts.Definitions;

/// <summary>
/// The built-in definitions: the QOF disease registers and the case-finding cohorts of the Network Contract DES
/// national service requirements. See <c>docs/case-finding.md</c> for the list.
/// </summary>
public static class BuiltInDefinitions
{
    private static readonly ConditionalWeakTable<CodelistLibrary, IReadOnlyList<CohortDefinition>> Cache = [];

    /// <summary>
    /// Every built-in definition, registers first, built from <paramref name="codelists"/>. The list is made once per
    /// library and then reused.
    /// </summary>
    /// <exception cref="Model.CohortModelException">A codelist a definition needs is not in the library.</exception>
    public static IReadOnlyList<CohortDefinition> Create(CodelistLibrary codelists) =>
        Cache.GetValue(codelists, Build);

    /// <summary>The built-in definition called <paramref name="name"/> (a slug such as <c>undiagnosed-hypertension</c>), or null.</summary>
    public static CohortDefinition? Find(CodelistLibrary codelists, string name) =>
        Create(codelists).FirstOrDefault(d => d.Name == name);

    private static IReadOnlyList<CohortDefinition> Build(CodelistLibrary codelists) =>
        [.. Registers.Create(codelists), .. Smr.Create(codelists), .. CaseFinding.Create(codelists)];
}

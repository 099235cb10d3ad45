using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Definitions;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>
/// The codelists and built-in definitions shipped with OpenPCN, loaded once per process (they are immutable).
/// </summary>
public sealed class ShippedDefinitions
{
    // The codelists beside the program (data/ in the output folder), read on first use.
    private readonly Lazy<CodelistLibrary> _library = new(CodelistLibrary.LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The built-in definitions, registers first.</summary>
    public IReadOnlyList<CohortDefinition> BuiltIns => BuiltInDefinitions.Create(_library.Value);

    /// <summary>The shipped codelists as listed in the manifest (for the builder's choice of codelist).</summary>
    public IReadOnlyList<CodelistInfo> Codelists => _library.Value.All;

    /// <summary>A shipped codelist by id, or null.</summary>
    public Codelist? Codelist(string id) => _library.Value.TryGet(id, out var codelist) ? codelist : null;

    /// <summary>A built-in definition by name, or null.</summary>
    public CohortDefinition? BuiltIn(string name) => BuiltIns.FirstOrDefault(d => d.Name == name);
}

using OpenPcn.Cohorts.Language;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>The definitions a network can run: the built-ins, then its own local definitions, by name.</summary>
public sealed class DefinitionCatalogue(ShippedDefinitions shipped, LocalDefinitionService locals)
{
    /// <summary>Every definition the network can run: built-ins first, then local ones by title.</summary>
    public async Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken ct = default)
    {
        var builtIns = shipped.BuiltIns.Select(d => Summarise(d, false));
        var local = (await locals.LoadAllAsync(ct)).Select(d => Summarise(d, true)).OrderBy(d => d.Title, StringComparer.OrdinalIgnoreCase);
        return [.. builtIns, .. local];
    }

    /// <summary>A definition by name (built-in first), or null when the network has none of that name.</summary>
    public async Task<CohortDefinition?> FindAsync(string name, CancellationToken ct = default) =>
        shipped.BuiltIn(name) ?? await locals.LoadAsync(name, ct);

    /// <summary>A definition in full, with its JSON form, or null.</summary>
    public async Task<DefinitionDetail?> DetailAsync(string name, CancellationToken ct = default)
    {
        var definition = await FindAsync(name, ct);
        return definition is null
            ? null
            : new DefinitionDetail(Summarise(definition, shipped.BuiltIn(name) is null), definition.Reason,
                [.. definition.Query.Columns.Select(c => c.Name)], DefinitionJson.Serialize(definition));
    }

    internal static DefinitionSummary Summarise(CohortDefinition d, bool isLocal) =>
        new(d.Name, d.Title, d.Description, d.Category, d.Source, d.Year, [.. d.Codelists.Select(c => c.Id)], isLocal);
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>A local definition as shown and edited: its form, its definition JSON and who made and changed it.</summary>
public sealed record LocalDefinitionView(
    string Name, string Title, string Description, CohortBuilderForm Form, string DefinitionJson,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>
/// The network's own definitions made in the cohort builder: preview (a count only), save (the definition as JSON and
/// the form to edit it again), load (the JSON deserialised), delete. Runs like a built-in through the catalogue.
/// </summary>
public sealed class LocalDefinitionService(
    PcnDbContext db, ShippedDefinitions shipped, CohortRunner runner, TenantScope scope, AuditLog audit, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions FormJson = new(JsonSerializerDefaults.Web);

    /// <summary>The network's local definitions, by title.</summary>
    public async Task<IReadOnlyList<LocalDefinitionView>> ListAsync(CancellationToken ct = default) =>
        [.. (await db.Set<LocalDefinition>().AsNoTracking().ToListAsync(ct)).OrderBy(d => d.Title, StringComparer.OrdinalIgnoreCase).Select(View)];

    /// <summary>One local definition, or null.</summary>
    public async Task<LocalDefinitionView?> GetAsync(string name, CancellationToken ct = default) =>
        await db.Set<LocalDefinition>().AsNoTracking().SingleOrDefaultAsync(d => d.Name == name, ct) is { } d ? View(d) : null;

    /// <summary>The definition a form makes (not saved), named <paramref name="name"/>.</summary>
    /// <exception cref="RuleViolationException">The form has errors.</exception>
    public CohortDefinition Build(string name, CohortBuilderForm form) =>
        CohortBuilder.Build(name, form, shipped.Codelist, clock.TodayInEngland().Year);

    /// <summary>How many patients the form finds now (or on <paramref name="indexDate"/>), for the network or a practice.</summary>
    public async Task<int> PreviewAsync(CohortBuilderForm form, PracticeCode? practice = null, DateOnly? indexDate = null, CancellationToken ct = default) =>
        await runner.CountAsync(Build("preview", form), practice, indexDate, ct);

    /// <summary>Saves a new local definition named after its title (made unique in the network).</summary>
    public async Task<LocalDefinitionView> CreateAsync(CohortBuilderForm form, CancellationToken ct = default)
    {
        var pcnId = scope.PcnId ?? throw new InvalidOperationException("A local definition needs a network.");
        var baseName = CohortBuilder.Slug(form.Title);
        // A deleted definition's worklists stay: a new definition must not take their name and inherit their statuses.
        var taken = (await db.Set<LocalDefinition>().Select(d => d.Name).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        taken.UnionWith(await db.Set<Worklist>().Select(w => w.DefinitionName).Distinct().ToListAsync(ct));
        var name = baseName;
        for (var n = 2; taken.Contains(name) || shipped.BuiltIn(name) is not null; n++)
        {
            name = FormattableString.Invariant($"{baseName}-{n}");
        }

        var definition = Build(name, form);
        var by = await ActorNames.CurrentAsync(db, scope, ct);
        var entity = new LocalDefinition(pcnId, name, clock.GetUtcNow(), by);
        entity.Update(definition.Title, definition.Description, DefinitionJson.Serialize(definition), JsonSerializer.Serialize(form, FormJson),
            clock.GetUtcNow(), by);
        db.Add(entity);
        audit.Record("cohorts.local-definition.created", name);
        await db.SaveChangesAsync(ct);
        return View(entity);
    }

    /// <summary>Replaces a local definition's form (and so its definition); its name stays.</summary>
    public async Task<LocalDefinitionView> UpdateAsync(string name, CohortBuilderForm form, CancellationToken ct = default)
    {
        var entity = await db.Set<LocalDefinition>().SingleOrDefaultAsync(d => d.Name == name, ct)
            ?? throw new NotFoundException($"There is no local definition {name}.");
        var definition = Build(name, form);
        entity.Update(definition.Title, definition.Description, DefinitionJson.Serialize(definition), JsonSerializer.Serialize(form, FormJson),
            clock.GetUtcNow(), await ActorNames.CurrentAsync(db, scope, ct));
        audit.Record("cohorts.local-definition.updated", name);
        await db.SaveChangesAsync(ct);
        return View(entity);
    }

    /// <summary>Deletes a local definition. Its worklists stay, with their statuses, but can no longer be re-run.</summary>
    public async Task DeleteAsync(string name, CancellationToken ct = default)
    {
        var entity = await db.Set<LocalDefinition>().SingleOrDefaultAsync(d => d.Name == name, ct)
            ?? throw new NotFoundException($"There is no local definition {name}.");
        db.Remove(entity);
        audit.Record("cohorts.local-definition.deleted", name);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A saved local definition, deserialised from its JSON, or null.</summary>
    public async Task<CohortDefinition?> LoadAsync(string name, CancellationToken ct = default) =>
        await db.Set<LocalDefinition>().AsNoTracking().SingleOrDefaultAsync(d => d.Name == name, ct) is { } d ? Load(d) : null;

    /// <summary>Every saved local definition of the network, deserialised.</summary>
    internal async Task<IReadOnlyList<CohortDefinition>> LoadAllAsync(CancellationToken ct = default) =>
        [.. (await db.Set<LocalDefinition>().AsNoTracking().ToListAsync(ct)).Select(Load)];

    // Typed-in codes are not shipped codelists: rebuild them from the saved form so the JSON's references resolve.
    private CohortDefinition Load(LocalDefinition saved)
    {
        var form = ReadForm(saved.FormJson);
        var local = CohortBuilder.Build(saved.Name, form, shipped.Codelist, 2000).Codelists.ToDictionary(c => c.Id, StringComparer.Ordinal);
        return DefinitionJson.Deserialize(saved.DefinitionJson, id =>
            local.GetValueOrDefault(id) ?? shipped.Codelist(id) ?? throw new CohortModelException($"There is no codelist {id}."));
    }

    private static CohortBuilderForm ReadForm(string json) => JsonSerializer.Deserialize<CohortBuilderForm>(json, FormJson) ?? new CohortBuilderForm();

    private static LocalDefinitionView View(LocalDefinition d) =>
        new(d.Name, d.Title, d.Description, ReadForm(d.FormJson), d.DefinitionJson, d.CreatedAt, d.CreatedBy, d.UpdatedAt, d.UpdatedBy);
}

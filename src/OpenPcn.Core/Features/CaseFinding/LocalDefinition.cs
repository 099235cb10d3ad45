using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>
/// A network's own cohort definition, made in the cohort builder: the definition as JSON (what runs) and the builder
/// form as JSON (to edit it again).
/// </summary>
public sealed class LocalDefinition : ITenantOwned
{
    internal LocalDefinition(int pcnId, string name, DateTimeOffset at, string by)
    {
        PcnId = pcnId;
        Name = name;
        CreatedAt = at;
        CreatedBy = by;
        UpdatedAt = at;
        UpdatedBy = by;
        Title = string.Empty;
        Description = string.Empty;
        DefinitionJson = string.Empty;
        FormJson = string.Empty;
    }

    private LocalDefinition()
    {
        Name = string.Empty;
        Title = string.Empty;
        Description = string.Empty;
        DefinitionJson = string.Empty;
        FormJson = string.Empty;
        CreatedBy = string.Empty;
        UpdatedBy = string.Empty;
    }

    public int PcnId { get; private set; }

    /// <summary>The slug, unique in the network and never the name of a built-in.</summary>
    public string Name { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    /// <summary>The definition in its JSON form (CohortJson).</summary>
    public string DefinitionJson { get; private set; }

    /// <summary>The cohort builder form it was made from.</summary>
    public string FormJson { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; }

    internal void Update(string title, string description, string definitionJson, string formJson, DateTimeOffset at, string by)
    {
        Title = title;
        Description = description;
        DefinitionJson = definitionJson;
        FormJson = formJson;
        UpdatedAt = at;
        UpdatedBy = by;
    }
}

internal sealed class LocalDefinitionConfiguration : IEntityTypeConfiguration<LocalDefinition>
{
    public void Configure(EntityTypeBuilder<LocalDefinition> builder)
    {
        builder.HasKey(d => new { d.PcnId, d.Name });
        builder.Property(d => d.Name).HasMaxLength(80);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Description).HasMaxLength(2000);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.UpdatedBy).HasMaxLength(256);
        builder.HasOne<Pcn>().WithMany().HasForeignKey(d => d.PcnId).OnDelete(DeleteBehavior.Cascade);
    }
}

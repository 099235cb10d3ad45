using System.Collections.Frozen;

namespace OpenPcn.Cohorts.Model;

/// <summary>
/// A versioned set of codes, such as an NHS primary care domain cluster (<c>HYP_COD</c>) or a dm+d medicines list.
/// Two codelists are the same when their id and version are.
/// </summary>
public sealed class Codelist : IEquatable<Codelist>
{
    /// <summary>A codelist with id <paramref name="id"/> (e.g. <c>HYP_COD</c>), version and codes.</summary>
    /// <exception cref="CohortModelException">No id, or no codes.</exception>
    public Codelist(string id, string version, IEnumerable<string> codes, string? description = null)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new CohortModelException("A codelist needs an id.");
        }

        Id = id;
        Version = version;
        Codes = codes.ToFrozenSet(StringComparer.Ordinal);
        if (Codes.Count == 0)
        {
            throw new CohortModelException($"Codelist {id} has no codes.");
        }

        Description = description;
    }

    /// <summary>The id definitions use, e.g. <c>HYP_COD</c>.</summary>
    public string Id { get; }

    /// <summary>The version (a release date or content hash).</summary>
    public string Version { get; }

    /// <summary>The codes.</summary>
    public FrozenSet<string> Codes { get; }

    /// <summary>What the codelist is, in words.</summary>
    public string? Description { get; }

    /// <summary>Whether <paramref name="code"/> is in the list.</summary>
    public bool Contains(string code) => Codes.Contains(code);

    /// <inheritdoc />
    public bool Equals(Codelist? other) => other is not null && Id == other.Id && Version == other.Version;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Codelist);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Version);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Version})";
}

using System.Collections.Frozen;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Schema;

/// <summary>
/// A table a definition can see. A patient table has at most one row per patient; an event table has any number.
/// Every table is keyed by patient; event tables also have a hidden row order (the order records were imported in)
/// that breaks ties when one row is picked per patient, so every engine picks the same row.
/// </summary>
public sealed class CohortTable
{
    internal CohortTable(string name, bool isPatientTable, string description, params CohortColumn[] columns)
    {
        Name = name;
        IsPatientTable = isPatientTable;
        Description = description;
        Columns = columns;
        ColumnsByName = columns.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The name used in definitions, e.g. <c>clinical_events</c>.</summary>
    public string Name { get; }

    /// <summary>Whether the table has at most one row per patient.</summary>
    public bool IsPatientTable { get; }

    /// <summary>What the table holds, for the language reference.</summary>
    public string Description { get; }

    /// <summary>The columns, in their documented order.</summary>
    public IReadOnlyList<CohortColumn> Columns { get; }

    internal FrozenDictionary<string, CohortColumn> ColumnsByName { get; }

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="CohortModelException">The table has no such column.</exception>
    public CohortColumn Column(string name) =>
        ColumnsByName.TryGetValue(name, out var column)
            ? column
            : throw new CohortModelException($"Table {Name} has no column {name}; it has {string.Join(", ", Columns.Select(c => c.Name))}.");

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A column of a <see cref="CohortTable"/>.</summary>
/// <param name="Name">The name used in definitions, e.g. <c>date</c>.</param>
/// <param name="Type">The type of its values.</param>
/// <param name="Description">What it holds, for the language reference.</param>
public sealed record CohortColumn(string Name, CohortType Type, string Description);

using OpenPcn.Cohorts.Schema;

namespace OpenPcn.Cohorts.Model;

/// <summary>
/// A set of rows: a whole table, an event table's rows that meet a condition, or one row per patient picked from
/// event rows. Frames are immutable and compare by value, so the same frame written twice is the same domain.
/// </summary>
public abstract record Frame
{
    /// <summary>The table the rows come from.</summary>
    public abstract CohortTable Table { get; }

    /// <summary>Whether the frame has at most one row per patient (a patient table or a picked row).</summary>
    public abstract bool IsPatientFrame { get; }

    /// <summary>The domain of a column selected from this frame.</summary>
    public Domain RowDomain => IsPatientFrame ? Domain.Patient : Domain.Events(this);

    internal static void RequireEvents(Frame frame, string what)
    {
        if (frame.IsPatientFrame)
        {
            throw new CohortModelException($"{what} needs event rows, but {frame} has one row per patient.");
        }
    }
}

/// <summary>Every row of a table.</summary>
/// <param name="Source">The table.</param>
public sealed record TableFrame(CohortTable Source) : Frame
{
    /// <inheritdoc />
    public override CohortTable Table => Source;

    /// <inheritdoc />
    public override bool IsPatientFrame => Source.IsPatientTable;

    /// <inheritdoc />
    public override string ToString() => Source.Name;
}

/// <summary>The rows of an event frame for which <see cref="Condition"/> is true (not false, not null).</summary>
public sealed record FilteredFrame : Frame
{
    /// <summary>Keeps the rows of <paramref name="source"/> where <paramref name="condition"/> is true.</summary>
    /// <exception cref="CohortModelException">The source is not event rows, or the condition is not a boolean over them.</exception>
    public FilteredFrame(Frame source, Series condition)
    {
        RequireEvents(source, "A filter");
        if (condition.Type != CohortType.Boolean)
        {
            throw new CohortModelException($"A filter condition must be true or false, not {condition.Type}.");
        }

        if (!Equals(Domain.Combine(source.RowDomain, condition.Domain), source.RowDomain))
        {
            throw new CohortModelException($"A filter on {source} can only use that frame's columns, patient values and constants.");
        }

        Source = source;
        Condition = condition;
    }

    /// <summary>The rows filtered.</summary>
    public Frame Source { get; }

    /// <summary>The condition each kept row meets.</summary>
    public Series Condition { get; }

    /// <inheritdoc />
    public override CohortTable Table => Source.Table;

    /// <inheritdoc />
    public override bool IsPatientFrame => false;

    /// <inheritdoc />
    public override string ToString() => $"{Source} where …";
}

/// <summary>Which row <see cref="PickedRow"/> takes.</summary>
public enum PickPosition
{
    /// <summary>The row with the smallest sort value (nulls sort first).</summary>
    First,

    /// <summary>The row with the largest sort value (nulls sort first, so last is the largest non-null).</summary>
    Last,
}

/// <summary>
/// One row per patient: the first or last of an event frame ordered by <see cref="SortBy"/>. Ties are broken by
/// the hidden import order (later imported counts as later), so every engine picks the same row. A patient with no
/// rows has a row of nulls.
/// </summary>
public sealed record PickedRow : Frame
{
    /// <summary>Picks the first or last row per patient of <paramref name="source"/> ordered by <paramref name="sortBy"/>.</summary>
    /// <exception cref="CohortModelException">The source is not event rows, or the sort key is not an ordered value of them.</exception>
    public PickedRow(Frame source, Series sortBy, PickPosition position)
    {
        RequireEvents(source, "Picking a row");
        if (!sortBy.Type.IsOrdered())
        {
            throw new CohortModelException($"Rows can be sorted by a date or a number, not by {sortBy.Type}.");
        }

        if (!Equals(sortBy.Domain, source.RowDomain))
        {
            throw new CohortModelException($"The sort key must be a column (or value) of {source} itself.");
        }

        Source = source;
        SortBy = sortBy;
        Position = position;
    }

    /// <summary>The rows picked from.</summary>
    public Frame Source { get; }

    /// <summary>The sort key.</summary>
    public Series SortBy { get; }

    /// <summary>First or last.</summary>
    public PickPosition Position { get; }

    /// <inheritdoc />
    public override CohortTable Table => Source.Table;

    /// <inheritdoc />
    public override bool IsPatientFrame => true;

    /// <inheritdoc />
    public override string ToString() => $"{Position.ToString().ToLowerInvariant()} of {Source}";
}

namespace OpenPcn.Cohorts.Model;

/// <summary>Aggregations of an event frame to one value per patient.</summary>
public enum AggregateFunction
{
    /// <summary>Whether the patient has any row (false, never null, when none).</summary>
    Exists,

    /// <summary>How many rows the patient has (0 when none).</summary>
    Count,

    /// <summary>How many different non-null values of a column the patient has (0 when none).</summary>
    CountDistinct,

    /// <summary>The smallest non-null value (null when none); numbers and dates.</summary>
    Minimum,

    /// <summary>The largest non-null value (null when none); numbers and dates.</summary>
    Maximum,

    /// <summary>The sum of the non-null values (null when none); numbers.</summary>
    Sum,
}

/// <summary>One value per patient computed from the rows of an event frame.</summary>
public sealed record Aggregate : Series
{
    /// <summary>
    /// <paramref name="function"/> over <paramref name="frame"/>; <paramref name="of"/> is the column or value
    /// aggregated (none for <see cref="AggregateFunction.Exists"/> and <see cref="AggregateFunction.Count"/>).
    /// </summary>
    public Aggregate(AggregateFunction function, Frame frame, Series? of)
    {
        Frame.RequireEvents(frame, $"{function}");
        if (function is AggregateFunction.Exists or AggregateFunction.Count)
        {
            Require(of is null, $"{function} counts rows; it takes no value.");
        }
        else
        {
            Require(of is not null, $"{function} needs the value to aggregate.");
            Require(Equals(Domain.Combine(frame.RowDomain, of!.Domain), frame.RowDomain), $"{function} can only aggregate values of {frame}.");
            Require(function == AggregateFunction.CountDistinct || of.Type.IsOrdered(), $"{function} needs numbers or dates, not {of.Type}.");
            Require(function != AggregateFunction.Sum || of.Type.IsNumeric(), $"Sum needs numbers, not {of.Type}.");
        }

        Function = function;
        Frame = frame;
        Of = of;
    }

    /// <summary>The aggregation.</summary>
    public AggregateFunction Function { get; }

    /// <summary>The rows aggregated.</summary>
    public Frame Frame { get; }

    /// <summary>The value aggregated, if any.</summary>
    public Series? Of { get; }

    /// <inheritdoc />
    public override CohortType Type => Function switch
    {
        AggregateFunction.Exists => CohortType.Boolean,
        AggregateFunction.Count or AggregateFunction.CountDistinct => CohortType.Integer,
        _ => Of!.Type,
    };

    /// <inheritdoc />
    public override Domain Domain => Domain.Patient;
}

using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Transforms;

namespace OpenPcn.Cohorts.Engines.InMemory;

/// <summary>
/// Evaluates series for one patient at a time: patient values once each (remembered by node), event values per row
/// of the patient's rows. Rows are positions in a <see cref="StoredTable"/>, ascending in the hidden import order.
/// </summary>
internal sealed class PatientEvaluator(RecordTables tables, DateOnly indexDate)
{
    private const int NoRow = -1;

    private readonly Dictionary<Frame, int[]> _frameRows = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Frame, int> _picked = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Series, object?> _patientValues = new(ReferenceEqualityComparer.Instance);
    private int _patientIndex;
    private long _patientId;

    /// <summary>Forgets the previous patient and evaluates for the patient at <paramref name="patientIndex"/>.</summary>
    public void Start(int patientIndex, long patientId)
    {
        _patientIndex = patientIndex;
        _patientId = patientId;
        _frameRows.Clear();
        _picked.Clear();
        _patientValues.Clear();
    }

    /// <summary>The value of a constant or patient series for the current patient.</summary>
    public object? Evaluate(Series series) => Evaluate(series, NoRow);

    private object? Evaluate(Series series, int row)
    {
        switch (series.Domain.Kind)
        {
            case DomainKind.Constant:
                return series is Value value ? value.Constant : ConstantFolding.Evaluate(series, indexDate);
            case DomainKind.Patient:
                if (!_patientValues.TryGetValue(series, out var known))
                {
                    known = Compute(series, NoRow);
                    _patientValues[series] = known;
                }

                return known;
            default:
                if (row == NoRow)
                {
                    throw new InvalidOperationException($"An event value ({series.GetType().Name}) was evaluated without a row.");
                }

                return Compute(series, row);
        }
    }

    private object? Compute(Series series, int row) => series switch
    {
        Column c => ColumnValue(c, row),
        Unary u => Scalar.Unary(u.Operator, Evaluate(u.Operand, row)),
        Binary b => Binary(b, row),
        InCodelist c => Evaluate(c.Code, row) is string code ? c.Codelist.Contains(code) : null,
        AddDays a => Scalar.AddDays(Evaluate(a.Date, row), Evaluate(a.Days, row)),
        DaysBetween d => Scalar.DaysBetween(Evaluate(d.From, row), Evaluate(d.To, row)),
        YearsBetween y => Scalar.YearsBetween(Evaluate(y.From, row), Evaluate(y.To, row)),
        Case c => Evaluate(c.When, row) is true ? Evaluate(c.Then, row) : c.Else is null ? null : Evaluate(c.Else, row),
        Coalesce c => Evaluate(c.First, row) ?? Evaluate(c.Second, row),
        Aggregate a => Aggregate(a),
        _ => throw new CohortModelException($"The in-memory engine cannot evaluate {series.GetType().Name}."),
    };

    private object? Binary(Binary binary, int row)
    {
        // Both sides are always evaluated: the result must not depend on evaluation order.
        var left = Evaluate(binary.Left, row);
        var right = Evaluate(binary.Right, row);
        return Scalar.Binary(binary.Operator, left, right, binary.Type);
    }

    private object? ColumnValue(Column column, int row) => column.Frame switch
    {
        TableFrame { Source.IsPatientTable: true } => tables.Patients.Get(column.Name, _patientIndex),
        PickedRow picked => Picked(picked) is var at && at == NoRow ? null : tables.Table(column.Frame.Table).Get(column.Name, at),
        _ => tables.Table(column.Frame.Table).Get(column.Name, row),
    };

    private int[] Rows(Frame frame)
    {
        if (_frameRows.TryGetValue(frame, out var rows))
        {
            return rows;
        }

        rows = frame switch
        {
            TableFrame t => TableRows(t),
            FilteredFrame f => Rows(f.Source).Where(r => Evaluate(f.Condition, r) is true).ToArray(),
            _ => throw new CohortModelException($"{frame} has one row per patient; it has no event rows."),
        };
        _frameRows[frame] = rows;
        return rows;
    }

    private int[] TableRows(TableFrame frame)
    {
        var (start, count) = tables.Table(frame.Source).RowsOf(_patientId);
        var rows = new int[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = start + i;
        }

        return rows;
    }

    /// <summary>
    /// The picked row: rows ordered by the sort key (nulls first) and then by import order; last takes the last of
    /// that order, first the first.
    /// </summary>
    private int Picked(PickedRow picked)
    {
        if (_picked.TryGetValue(picked, out var chosen))
        {
            return chosen;
        }

        chosen = NoRow;
        object? chosenKey = null;
        foreach (var row in Rows(picked.Source))
        {
            var key = Evaluate(picked.SortBy, row);
            var order = chosen == NoRow ? 0 : CompareNullsFirst(key, chosenKey);
            var better = chosen == NoRow || (picked.Position == PickPosition.Last ? order >= 0 : order < 0);
            if (better)
            {
                chosen = row;
                chosenKey = key;
            }
        }

        _picked[picked] = chosen;
        return chosen;
    }

    private object? Aggregate(Aggregate aggregate)
    {
        var rows = Rows(aggregate.Frame);
        switch (aggregate.Function)
        {
            case AggregateFunction.Exists:
                return rows.Length > 0;
            case AggregateFunction.Count:
                return (long)rows.Length;
            case AggregateFunction.CountDistinct:
                return (long)rows.Select(r => Evaluate(aggregate.Of!, r)).OfType<object>().Distinct().Count();
        }

        object? result = null;
        foreach (var row in rows)
        {
            var value = Evaluate(aggregate.Of!, row);
            if (value is null)
            {
                continue;
            }

            result = result is null ? value : aggregate.Function switch
            {
                AggregateFunction.Minimum => Scalar.Compare(value, result) < 0 ? value : result,
                AggregateFunction.Maximum => Scalar.Compare(value, result) > 0 ? value : result,
                _ => Scalar.Binary(BinaryOperator.Add, result, value, aggregate.Type),
            };
        }

        return result;
    }

    private static int CompareNullsFirst(object? left, object? right) => (left, right) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => Scalar.Compare(left, right),
    };
}

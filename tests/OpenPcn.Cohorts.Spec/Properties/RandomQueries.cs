using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Schema;
using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec.Properties;

/// <summary>
/// Random well-typed queries over every node of the model, depth-limited. Series are generated for a wanted type in a
/// context: per patient (no row frame) or per row of an event frame (that frame's columns, patient values and
/// constants).
/// </summary>
public sealed class RandomQueries(Choices c)
{
    private const int MaxDepth = 3;

    private int _aggregateNesting;

    private static readonly CohortType[] Types = [CohortType.Boolean, CohortType.Integer, CohortType.Decimal, CohortType.Date, CohortType.Text];

    private static readonly CohortTable[] EventTables = [CohortTables.ClinicalEvents, CohortTables.Medications, CohortTables.Registrations];

    public CohortQuery Query()
    {
        var population = c.Chance(50) ? new Value(true, CohortType.Boolean) : Series(CohortType.Boolean, null, 0);
        var columns = Enumerable.Range(0, 3).Select(i => new QueryColumn($"c{i}", Series(c.Pick(Types), null, 0))).ToList();
        return new CohortQuery(population, columns);
    }

    /// <summary>A series of <paramref name="type"/>; with a row frame, possibly one value per row of it.</summary>
    public Series Series(CohortType type, Frame? rows, int depth)
    {
        if (depth >= MaxDepth || c.Chance(25))
        {
            return Leaf(type, rows, depth);
        }

        Series Sub(CohortType t) => Series(t, rows, depth + 1);
        switch (c.Next(5))
        {
            case 0:
                return new Case(Sub(CohortType.Boolean), Sub(type), c.Chance(30) ? null : Sub(type));
            case 1:
                return new Coalesce(Sub(type), Sub(type));
            case 2:
                return Aggregate(type, depth) ?? Leaf(type, rows, depth);
        }

        return type switch
        {
            CohortType.Boolean => c.Next(6) switch
            {
                0 => new Unary(UnaryOperator.Not, Sub(CohortType.Boolean)),
                1 => new Unary(c.Chance(50) ? UnaryOperator.IsNull : UnaryOperator.IsNotNull, Sub(c.Pick(Types))),
                2 => new Binary(c.Chance(50) ? BinaryOperator.And : BinaryOperator.Or, Sub(CohortType.Boolean), Sub(CohortType.Boolean)),
                3 => new InCodelist(Sub(CohortType.Text), c.Pick(SpecCodelists.All)),
                4 => Comparison(Sub),
                _ => new Binary(c.Chance(50) ? BinaryOperator.Equal : BinaryOperator.NotEqual, Sub(CohortType.Text), Sub(CohortType.Text)),
            },
            CohortType.Integer => c.Next(3) switch
            {
                0 => new Binary(c.Chance(50) ? BinaryOperator.Add : BinaryOperator.Subtract, Sub(CohortType.Integer), Sub(CohortType.Integer)),
                1 => new DaysBetween(Sub(CohortType.Date), Sub(CohortType.Date)),
                _ => new YearsBetween(Sub(CohortType.Date), Sub(CohortType.Date)),
            },
            CohortType.Decimal => new Binary(c.Chance(50) ? BinaryOperator.Add : BinaryOperator.Subtract, Sub(CohortType.Decimal), Sub(c.Chance(50) ? CohortType.Integer : CohortType.Decimal)),
            CohortType.Date => c.Next(3) switch
            {
                0 => new AddDays(Sub(CohortType.Date), Sub(CohortType.Integer)),
                1 => new AddMonths(new IndexDate(), c.Next(40) - 20),
                _ => new FinancialYearStart(new IndexDate()),
            },
            _ => Leaf(type, rows, depth),
        };
    }

    private Binary Comparison(Func<CohortType, Series> sub)
    {
        var op = c.Pick(new[] { BinaryOperator.Equal, BinaryOperator.NotEqual, BinaryOperator.LessThan, BinaryOperator.LessThanOrEqual, BinaryOperator.GreaterThan, BinaryOperator.GreaterThanOrEqual });
        return c.Next(3) switch
        {
            0 => new Binary(op, sub(CohortType.Date), sub(CohortType.Date)),
            1 => new Binary(op, sub(CohortType.Integer), sub(c.Chance(50) ? CohortType.Integer : CohortType.Decimal)),
            _ => new Binary(op, sub(CohortType.Decimal), sub(CohortType.Decimal)),
        };
    }

    private Series Leaf(CohortType type, Frame? rows, int depth)
    {
        var choice = c.Next(7);
        if (choice == 6)
        {
            return Constant(type);
        }

        if (choice is 0 or 1 && rows is null)
        {
            var patientColumns = CohortTables.Patients.Columns.Where(col => col.Type == type).ToList();
            if (patientColumns.Count > 0)
            {
                return new Column(new TableFrame(CohortTables.Patients), c.Pick(patientColumns).Name);
            }
        }
        else if (choice is 0 or 1 && rows is not null)
        {
            var rowColumns = rows.Table.Columns.Where(col => col.Type == type).ToList();
            if (rowColumns.Count > 0)
            {
                return new Column(rows, c.Pick(rowColumns).Name);
            }
        }
        else if (choice is 2 or 3 && depth < MaxDepth)
        {
            var picked = Picked(depth);
            var pickedColumns = picked.Table.Columns.Where(col => col.Type == type).ToList();
            if (pickedColumns.Count > 0)
            {
                return new Column(picked, c.Pick(pickedColumns).Name);
            }
        }

        return Constant(type);
    }

    private Value Constant(CohortType type)
    {
        if (c.Chance(10))
        {
            return new Value(null, type);
        }

        return type switch
        {
            CohortType.Boolean => new Value(c.Chance(50), type),
            CohortType.Integer => new Value((long)(c.Next(200) - 20), type),
            CohortType.Decimal => new Value(c.Next(400) * 0.5, type),
            CohortType.Date => new Value(DateOnly.Parse(c.Pick(RandomTables.Dates), System.Globalization.CultureInfo.InvariantCulture), type),
            _ => new Value(c.Pick(RandomTables.Codes.Concat(["female", "A", "A81001", "final"]).ToList()), type),
        };
    }

    /// <summary>An aggregate giving <paramref name="type"/> per patient, or null when none does.</summary>
    private Aggregate? Aggregate(CohortType type, int depth)
    {
        if (SpecEngines.AvoidDeeplyNestedAggregates && _aggregateNesting >= 2)
        {
            return null;
        }

        _aggregateNesting++;
        try
        {
            return NewAggregate(type, depth);
        }
        finally
        {
            _aggregateNesting--;
        }
    }

    private Aggregate? NewAggregate(CohortType type, int depth)
    {
        var frame = EventFrame(depth);
        var function = type switch
        {
            CohortType.Boolean => AggregateFunction.Exists,
            CohortType.Integer => c.Pick(new[] { AggregateFunction.Count, AggregateFunction.CountDistinct, AggregateFunction.Minimum, AggregateFunction.Maximum, AggregateFunction.Sum }),
            CohortType.Decimal => c.Pick(new[] { AggregateFunction.Minimum, AggregateFunction.Maximum, AggregateFunction.Sum }),
            CohortType.Date => c.Pick(new[] { AggregateFunction.Minimum, AggregateFunction.Maximum }),
            _ => (AggregateFunction?)null,
        };
        if (function is null)
        {
            return null;
        }

        if (function is AggregateFunction.Exists or AggregateFunction.Count)
        {
            return new Aggregate(function.Value, frame, null);
        }

        var of = function == AggregateFunction.CountDistinct ? Series(c.Pick(Types), frame, depth + 1) : Series(type, frame, depth + 1);
        return new Aggregate(function.Value, frame, of);
    }

    private Frame EventFrame(int depth)
    {
        Frame frame = new TableFrame(c.Pick(EventTables));
        while (depth < MaxDepth && c.Chance(50))
        {
            frame = new FilteredFrame(frame, Series(CohortType.Boolean, frame, ++depth));
        }

        return frame;
    }

    private PickedRow Picked(int depth)
    {
        var source = EventFrame(depth + 1);
        var keys = source.Table.Columns.Where(col => col.Type.IsOrdered()).ToList();
        Series key = new Column(source, c.Pick(keys).Name);
        if (key.Type == CohortType.Date && c.Chance(30))
        {
            key = new DaysBetween(key, new Column(new TableFrame(CohortTables.Patients), "date_of_birth"));
        }

        return new PickedRow(source, key, c.Chance(50) ? PickPosition.First : PickPosition.Last);
    }
}

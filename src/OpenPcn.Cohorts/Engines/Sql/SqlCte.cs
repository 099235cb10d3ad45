using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Engines.Sql;

/// <summary>A derived table with one row per patient (column <c>pid</c>) that has rows in an event frame.</summary>
internal abstract class SqlCte(string name, Frame frame)
{
    /// <summary>The name the WITH clause gives it.</summary>
    public string Name { get; } = name;

    /// <summary>The event frame (for a pick, the frame picked from).</summary>
    public Frame Frame { get; } = frame;

    /// <summary>The SELECT over the frame's rows.</summary>
    public abstract SqlScope Scope { get; }

    /// <summary>Whether this table joins <paramref name="other"/>, directly or through others.</summary>
    public bool DependsOn(SqlCte other) => Scope.Joins.Any(j => j == other || j.DependsOn(other));

    /// <summary>The SELECT, once every value it holds has been added.</summary>
    public abstract string Render();
}

/// <summary>The first or last row per patient of an event frame, with the columns of it that the query uses.</summary>
internal sealed class PickCte : SqlCte
{
    private readonly PickedRow _pick;
    private readonly SqlDialect _dialect;
    private readonly List<string> _conditions;
    private readonly string _order;
    private readonly List<string> _columns = [];

    public PickCte(string name, PickedRow pick, SqlCompiler compiler)
        : base(name, pick)
    {
        _pick = pick;
        _dialect = compiler.Dialect;
        Scope = new SqlScope(pick.Table, this);
        _conditions = compiler.Conditions(pick.Source, Scope);
        var descending = pick.Position == PickPosition.Last;
        _order = string.Join(", ", [
            compiler.Dialect.OrderBy(compiler.Series(pick.SortBy, Scope), descending),
            $"{SqlScope.Rows}.{PhysicalSchema.SourceKey}{(descending ? " DESC" : string.Empty)}",
            $"{SqlScope.Rows}.{PhysicalSchema.Seq}{(descending ? " DESC" : string.Empty)}",
        ]);
    }

    public override SqlScope Scope { get; }

    /// <summary>The column holding logical column <paramref name="name"/> of the picked row (added once).</summary>
    public string Column(string name)
    {
        if (!_columns.Contains(name))
        {
            _columns.Add(name);
        }

        return $"c_{name}";
    }

    public override string Render()
    {
        var outer = string.Concat(_columns.Select(c => $", c_{c}"));
        var inner = string.Concat(_columns.Select(c => $", {PhysicalSchema.Expression(_pick.Table, c, SqlScope.Rows, _dialect)} AS c_{c}"));
        return $"SELECT pid{outer} FROM (\n  SELECT {Scope.PatientKey} AS pid{inner},\n    ROW_NUMBER() OVER (PARTITION BY {Scope.PatientKey} ORDER BY {_order}) AS rn\n  {Scope.From(_conditions)}) ranked\n  WHERE rn = 1";
    }
}

/// <summary>The aggregates of one event frame, grouped by patient.</summary>
internal sealed class AggregateCte : SqlCte
{
    private readonly List<string> _conditions;
    private readonly Dictionary<Aggregate, string> _aliases = [];
    private readonly List<string> _values = [];

    public AggregateCte(string name, Frame frame, SqlCompiler compiler)
        : base(name, frame)
    {
        Scope = new SqlScope(frame.Table, this);
        _conditions = compiler.Conditions(frame, Scope);
    }

    public override SqlScope Scope { get; }

    /// <summary>The column holding <paramref name="aggregate"/> (added once).</summary>
    public string Column(Aggregate aggregate, SqlCompiler compiler)
    {
        if (_aliases.TryGetValue(aggregate, out var alias))
        {
            return alias;
        }

        var of = aggregate.Of is null ? null : compiler.Series(aggregate.Of, Scope);
        var value = aggregate.Function switch
        {
            AggregateFunction.Exists => "1",
            AggregateFunction.Count => "COUNT(*)",
            AggregateFunction.CountDistinct => $"COUNT(DISTINCT {of})",
            AggregateFunction.Minimum => $"MIN({of})",
            AggregateFunction.Maximum => $"MAX({of})",
            _ => aggregate.Type == CohortType.Integer ? compiler.Dialect.IntegerSum(of!) : $"SUM({of})",
        };
        alias = $"v{_values.Count}";
        _values.Add($"{value} AS {alias}");
        _aliases[aggregate] = alias;
        return alias;
    }

    public override string Render()
    {
        var values = _values.Count == 0 ? string.Empty : ", " + string.Join(", ", _values);
        return $"SELECT {Scope.PatientKey} AS pid{values}\n  {Scope.From(_conditions)}\n  GROUP BY {Scope.PatientKey}";
    }
}

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

/// <summary>The first or last row per patient of an event frame, with every column of its table.</summary>
internal sealed class PickCte : SqlCte
{
    private readonly string _body;

    public PickCte(string name, PickedRow pick, SqlCompiler compiler)
        : base(name, pick)
    {
        Scope = new SqlScope(pick.Table, this);
        var conditions = compiler.Conditions(pick.Source, Scope);
        var descending = pick.Position == PickPosition.Last;
        var order = string.Join(", ", [
            compiler.Dialect.OrderBy(compiler.Series(pick.SortBy, Scope), descending),
            $"{SqlScope.Rows}.{PhysicalSchema.SourceKey}{(descending ? " DESC" : string.Empty)}",
            $"{SqlScope.Rows}.{PhysicalSchema.Seq}{(descending ? " DESC" : string.Empty)}",
        ]);
        var columns = pick.Table.Columns.Select(c => $"{PhysicalSchema.Expression(pick.Table, c.Name, SqlScope.Rows, compiler.Dialect)} AS c_{c.Name}");
        _body = $"SELECT {Scope.PatientKey} AS pid, {string.Join(", ", columns)},\n    ROW_NUMBER() OVER (PARTITION BY {Scope.PatientKey} ORDER BY {order}) AS rn\n  {Scope.From(conditions)}";
        Columns = pick.Table.Columns.Select(c => $"c_{c.Name}").ToList();
    }

    public override SqlScope Scope { get; }

    private IReadOnlyList<string> Columns { get; }

    public override string Render() => $"SELECT pid, {string.Join(", ", Columns)} FROM (\n  {_body}) ranked WHERE rn = 1";
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

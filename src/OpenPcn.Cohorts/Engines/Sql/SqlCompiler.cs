using System.Text;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Engines.Sql;

/// <summary>
/// Compiles a folded <see cref="CohortQuery"/> to one SELECT: a WITH clause holding one derived table per distinct
/// aggregated frame (GROUP BY patient) and per picked row (ROW_NUMBER per patient), left-joined to the network's
/// patients. Series compile to SQL expressions in <c>SqlCompiler.Series.cs</c>.
/// </summary>
internal sealed partial class SqlCompiler(SqlDialect dialect)
{
    private readonly Dictionary<Frame, List<SqlCte>> _ctes = [];
    private readonly List<SqlCte> _created = [];
    private int _next;

    public SqlDialect Dialect { get; } = dialect;

    /// <summary>The SQL for <paramref name="query"/>, whose constants are already folded; it takes parameter <c>@pcn</c>.</summary>
    public string Compile(CohortQuery query)
    {
        var scope = new SqlScope(null, null);
        var population = Conjuncts(query.Population, scope);
        var columns = query.Columns.Select((c, i) => $"{Series(c.Value, scope)} AS v{i}").ToList();

        var sql = new StringBuilder();
        var ordered = InDependencyOrder();
        if (ordered.Count > 0)
        {
            sql.Append("WITH ").AppendJoin(",\n", ordered.Select(c => $"{c.Name} AS (\n  {c.Render()})")).Append('\n');
        }

        sql.Append("SELECT ").Append(scope.PatientKey).Append(" AS patient_id");
        foreach (var column in columns)
        {
            sql.Append(",\n  ").Append(column);
        }

        sql.Append('\n').Append(scope.From(population)).Append("\nORDER BY ").Append(scope.PatientKey);
        return sql.ToString();
    }

    /// <summary>The conditions of an event frame's filters, outermost last, compiled over its rows.</summary>
    public List<string> Conditions(Frame frame, SqlScope scope)
    {
        var filters = new List<Series>();
        for (var f = frame; f is FilteredFrame filtered; f = filtered.Source)
        {
            filters.Add(filtered.Condition);
        }

        filters.Reverse();
        return filters.SelectMany(f => Conjuncts(f, scope)).ToList();
    }

    /// <summary>
    /// A WHERE condition as its top-level AND terms (true exactly when all are): terms on the row alone stay as they
    /// are, so an index can serve them; terms that read a joined derived table go through
    /// <see cref="SqlDialect.JoinedCondition"/>.
    /// </summary>
    private List<string> Conjuncts(Series condition, SqlScope scope)
    {
        if (condition is Binary { Operator: BinaryOperator.And } and)
        {
            return [.. Conjuncts(and.Left, scope), .. Conjuncts(and.Right, scope)];
        }

        scope.ReadsJoins = false;
        var sql = Series(condition, scope);
        return [scope.ReadsJoins ? Dialect.JoinedCondition(sql) : sql];
    }

    private PickCte Pick(PickedRow pick, SqlScope requester) =>
        Find<PickCte>(pick, requester) ?? Register(new PickCte(NextName("pick"), pick, this));

    private AggregateCte Aggregated(Frame frame, SqlScope requester) =>
        Find<AggregateCte>(frame, requester) ?? Register(new AggregateCte(NextName("agg"), frame, this));

    private T? Find<T>(Frame frame, SqlScope requester)
        where T : SqlCte =>
        _ctes.TryGetValue(frame, out var list) ? list.OfType<T>().FirstOrDefault(c => !requester.WouldCycle(c)) : null;

    private T Register<T>(T cte)
        where T : SqlCte
    {
        if (!_ctes.TryGetValue(cte.Frame, out var list))
        {
            _ctes[cte.Frame] = list = [];
        }

        list.Add(cte);
        _created.Add(cte);
        return cte;
    }

    private string NextName(string prefix) => $"{prefix}{_next++}";

    private List<SqlCte> InDependencyOrder()
    {
        var ordered = new List<SqlCte>();
        var seen = new HashSet<SqlCte>();
        void Visit(SqlCte cte)
        {
            if (seen.Add(cte))
            {
                foreach (var dependency in cte.Scope.Joins)
                {
                    Visit(dependency);
                }

                ordered.Add(cte);
            }
        }

        foreach (var cte in _created)
        {
            Visit(cte);
        }

        return ordered;
    }
}

using System.Text;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Engines.Sql;

/// <summary>
/// Compiles a folded <see cref="CohortQuery"/> to one SELECT: a WITH clause holding one derived table per distinct
/// aggregated frame (GROUP BY patient) and per picked row (ROW_NUMBER per patient), left-joined to the network's
/// patients. Series compile to SQL expressions in <c>SqlCompiler.Series.cs</c>.
/// </summary>
/// <param name="dialect">The database's dialect.</param>
/// <param name="codesPresent">
/// For each stored events table, the codes of the query's codelists that its rows hold; the lists are cut down to
/// them (see <see cref="SqlCohortEngine"/>). Null to write every list whole and record them in <see cref="CodesLookedUp"/>.
/// </param>
internal sealed partial class SqlCompiler(SqlDialect dialect, IReadOnlyDictionary<string, HashSet<string>>? codesPresent = null)
{
    private readonly Dictionary<Frame, List<SqlCte>> _ctes = [];
    private readonly List<SqlCte> _created = [];
    private readonly HashSet<SqlCte> _building = [];
    private int _next;

    public SqlDialect Dialect { get; } = dialect;

    /// <summary>The codes looked up in each stored events table's code column, by table (filled as the query compiles).</summary>
    public Dictionary<string, HashSet<string>> CodesLookedUp { get; } = [];

    /// <summary>The SQL for <paramref name="query"/>, whose constants are already folded; it takes parameter <c>@pcn</c>.</summary>
    /// <remarks>
    /// Derived tables that only the reported columns need are computed for the cohort's patients alone: the population
    /// becomes a <c>cohort</c> table first and those derived tables keep only its patients' rows (a patient's values
    /// never depend on another patient's rows, so this changes nothing but the work). Every derived table is
    /// <c>MATERIALIZED</c> (SQLite from 3.35): otherwise PostgreSQL inlines one used once and may plan a filter that
    /// reads others as a nested loop over them (1 s instead of 0.08 s for the lower-GI referral cohort at 50,000
    /// patients), and SQLite flattens a pick into every query that reads it and computes it again there.
    /// </remarks>
    public string Compile(CohortQuery query)
    {
        var populationScope = new SqlScope(null, null);
        var population = Conjuncts(query.Population, populationScope);
        var forPopulation = _created.ToList();
        var scope = new SqlScope(null, null);
        var columns = query.Columns.Select((c, i) => $"{Series(c.Value, scope)} AS v{i}").ToList();
        var forColumns = _created.Except(forPopulation).ToList();

        var with = new List<string>();
        var written = new HashSet<SqlCte>();
        with.AddRange(InDependencyOrder(forPopulation, written).Select(c => $"{c.Name} AS MATERIALIZED (\n  {c.Render()})"));
        if (forColumns.Count > 0)
        {
            with.Add($"cohort AS MATERIALIZED (\n  SELECT {populationScope.PatientKey} AS pid\n  {populationScope.From(population)})");
            // Rows a codelist selects are few and the code index finds them; keeping only the cohort's would make the
            // planner read them patient by patient instead (PostgreSQL: 130 ms instead of 50 for the hypertension register).
            foreach (var cte in forColumns.Where(c => !SelectsByCode(c.Frame)))
            {
                cte.Restrict($"{SqlScope.Rows}.{PhysicalSchema.PatientId} IN (SELECT pid FROM cohort)");
            }

            with.AddRange(InDependencyOrder(forColumns, written).Select(c => $"{c.Name} AS MATERIALIZED (\n  {c.Render()})"));
            population = [$"{SqlScope.Patients}.{PhysicalSchema.PatientId} IN (SELECT pid FROM cohort)"];
        }
        else
        {
            scope = populationScope.Merge(scope);
        }

        var sql = new StringBuilder();
        if (with.Count > 0)
        {
            sql.Append("WITH ").AppendJoin(",\n", with).Append('\n');
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
        scope.SemiJoins.Clear();
        var terms = filters.SelectMany(f => Conjuncts(f, scope)).ToList();
        if (!filters.Any(CodeSelective))
        {
            // With no codelist to narrow the rows, reading them through the patient index for the patients another
            // derived table holds beats scanning the table; with one, the code index is better (and the semi-join can
            // mislead the planner into probing the patient index tens of thousands of times).
            terms.AddRange(scope.SemiJoins);
        }

        return terms;
    }

    /// <summary>Whether an event frame (or the frame a row is picked from) has a filter that tests the code against a codelist.</summary>
    private static bool SelectsByCode(Frame frame)
    {
        for (var f = frame is PickedRow pick ? pick.Source : frame; f is FilteredFrame filtered; f = filtered.Source)
        {
            if (CodeSelective(filtered.Condition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a filter (or one of its AND terms) tests the row's code against a codelist.</summary>
    private static bool CodeSelective(Series filter) => filter switch
    {
        Binary { Operator: BinaryOperator.And } and => CodeSelective(and.Left) || CodeSelective(and.Right),
        Binary { Operator: BinaryOperator.Or } or => CodeSelective(or.Left) && CodeSelective(or.Right),
        InCodelist { Code: Model.Column } => true,
        Value { Constant: false } => true,
        _ => false,
    };

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
        scope.Touched.Clear();
        var sql = Series(condition, scope);
        var excludesMissing = FalseWhenMissing(condition);
        if (excludesMissing)
        {
            // A patient with no row in a derived table this term reads fails the term, so an inner join loses nobody,
            // and the database may then start from the derived table instead of every patient or row.
            scope.Require(scope.Touched);
        }

        List<string> terms = [scope.ReadsJoins && !excludesMissing ? Dialect.JoinedCondition(sql) : sql];
        if (scope.EventTable is not null && IsStrict(condition))
        {
            // The term is null, so the row is dropped, when a derived table it reads has no row for the patient:
            // keeping only those patients' rows lets the database read them through the patient index.
            scope.SemiJoins.AddRange(scope.Touched.Select(cte => $"{SqlScope.Rows}.{PhysicalSchema.PatientId} IN (SELECT pid FROM {cte.Name})"));
        }

        return terms;
    }

    /// <summary>Whether a condition is null or false whenever any value it reads is null (conservatively).</summary>
    private static bool FalseWhenMissing(Series condition) => IsStrict(condition) || condition switch
    {
        Coalesce { Second: Value { Constant: false } } c => IsStrict(c.First),
        Unary { Operator: UnaryOperator.IsNotNull } u => IsStrict(u.Operand),
        _ => false,
    };

    /// <summary>Whether <paramref name="series"/> is null whenever any value it reads is null (conservatively).</summary>
    private static bool IsStrict(Series series) => series switch
    {
        Value or Model.Column => true,
        Unary u => u.Operator == UnaryOperator.Not && IsStrict(u.Operand),
        Binary b => b.Operator is not (BinaryOperator.And or BinaryOperator.Or) && IsStrict(b.Left) && IsStrict(b.Right),
        InCodelist c => IsStrict(c.Code),
        AddDays a => IsStrict(a.Date) && IsStrict(a.Days),
        DaysBetween d => IsStrict(d.From) && IsStrict(d.To),
        YearsBetween y => IsStrict(y.From) && IsStrict(y.To),
        Aggregate a => a.Function is AggregateFunction.Minimum or AggregateFunction.Maximum or AggregateFunction.Sum,
        _ => false,
    };

    private PickCte Pick(PickedRow pick, SqlScope requester) =>
        Find<PickCte>(pick, requester) ?? Register(new PickCte(NextName("pick"), pick, this));

    private AggregateCte Aggregated(Frame frame, SqlScope requester) =>
        Find<AggregateCte>(frame, requester) ?? Register(new AggregateCte(NextName("agg"), frame, this));

    private T? Find<T>(Frame frame, SqlScope requester)
        where T : SqlCte =>
        _ctes.TryGetValue(frame, out var list) ? list.OfType<T>().FirstOrDefault(c => !requester.WouldCycle(c) && !_building.Contains(c)) : null;

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

    private static List<SqlCte> InDependencyOrder(List<SqlCte> created, HashSet<SqlCte> seen)
    {
        var ordered = new List<SqlCte>();
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

        foreach (var cte in created)
        {
            Visit(cte);
        }

        return ordered;
    }
}

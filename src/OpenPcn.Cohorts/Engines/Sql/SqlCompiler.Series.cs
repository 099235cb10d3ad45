using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Engines.Sql;

/// <summary>Series to SQL expressions, with the meaning <see cref="Scalar"/> gives each operation.</summary>
internal sealed partial class SqlCompiler
{
    /// <summary>The SQL expression for <paramref name="series"/> in <paramref name="scope"/>.</summary>
    public string Series(Series series, SqlScope scope) => series switch
    {
        Value v => Constant(v),
        Column c => Column(c, scope),
        Unary u => u.Operator switch
        {
            UnaryOperator.Not => $"(NOT {Series(u.Operand, scope)})",
            UnaryOperator.IsNull => $"({Series(u.Operand, scope)} IS NULL)",
            _ => $"({Series(u.Operand, scope)} IS NOT NULL)",
        },
        Binary b => EnumComparison(b, scope) ?? CodeUnion(b, scope) ?? $"({Series(b.Left, scope)} {Operator(b.Operator)} {Series(b.Right, scope)})",
        InCodelist c => InList(c.Code, c.Codelist.Codes, scope),
        AddDays a => a.Days is Value { Constant: long days }
            ? Dialect.AddDays(Series(a.Date, scope), days)
            : Dialect.AddDays(Series(a.Date, scope), Series(a.Days, scope)),
        DaysBetween d => Dialect.DaysBetween(Series(d.From, scope), Series(d.To, scope)),
        YearsBetween y => Dialect.YearsBetween(Series(y.From, scope), Series(y.To, scope)),
        Case c => $"(CASE WHEN {Series(c.When, scope)} THEN {Series(c.Then, scope)}{(c.Else is null ? string.Empty : $" ELSE {Series(c.Else, scope)}")} END)",
        Coalesce c => $"COALESCE({Series(c.First, scope)}, {Series(c.Second, scope)})",
        Aggregate a => Aggregate(a, scope),
        _ => throw new CohortModelException($"The SQL engine cannot compile {series.GetType().Name}; fold constants first."),
    };

    private string InList(Series code, IEnumerable<string> codes, SqlScope scope)
    {
        var list = codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (code is Model.Column { Name: "code" } column && column.Frame.Table.Name is "clinical_events" or "medications")
        {
            var table = PhysicalSchema.Table(column.Frame.Table);
            if (codesPresent is null)
            {
                CodesLookedUp.TryAdd(table, new HashSet<string>(StringComparer.Ordinal));
                CodesLookedUp[table].UnionWith(list);
            }
            else if (codesPresent.TryGetValue(table, out var present))
            {
                // A stored code outside the list never matches either way. One absent code stays when none is present,
                // so a missing row's null code still gives null rather than false.
                var kept = list.Where(present.Contains).ToList();
                list = kept.Count > 0 ? kept : list.Take(1).ToList();
            }
        }

        return $"({Series(code, scope)} IN ({string.Join(", ", list.Select(SqlDialect.Text))}))";
    }

    /// <summary>
    /// <c>code IN a OR code IN b</c> as one <c>code IN (a ∪ b)</c> (the same value, null included), so the database
    /// reads the codes through its index once instead of scanning the whole index for an OR.
    /// </summary>
    private string? CodeUnion(Binary binary, SqlScope scope)
    {
        if (binary.Operator != BinaryOperator.Or)
        {
            return null;
        }

        var lists = new List<InCodelist>();
        void Collect(Series series)
        {
            if (series is Binary { Operator: BinaryOperator.Or } or)
            {
                Collect(or.Left);
                Collect(or.Right);
            }
            else if (series is not Value { Constant: false })
            {
                // false OR x is x, so a constant false (a definition's starting value) is left out.
                lists.Add(series as InCodelist ?? new InCodelist(new Value(null, CohortType.Text), new Codelist("-", "-", ["-"])));
            }
        }

        Collect(binary);
        if (lists.Count == 0)
        {
            return null;
        }

        var code = lists[0].Code;
        return lists.All(l => l.Code.Equals(code) && l.Code is not Value)
            ? InList(code, lists.SelectMany(l => l.Codelist.Codes), scope)
            : null;
    }

    private string Constant(Value value) => value.Constant switch
    {
        null => Dialect.Null(value.Type),
        bool b => Dialect.Boolean(b),
        long l => SqlDialect.Integer(l),
        double d => Dialect.Decimal(d),
        DateOnly d => Dialect.Date(d),
        string s => SqlDialect.Text(s),
        _ => throw new CohortModelException($"The constant {value.Constant} cannot be written in SQL."),
    };

    private string Column(Column column, SqlScope scope)
    {
        if (column.Frame is PickedRow pick)
        {
            var cte = Pick(pick, scope);
            scope.Join(cte);
            return $"{cte.Name}.{cte.Column(column.Name)}";
        }

        return PhysicalSchema.Expression(column.Frame.Table, column.Name, Alias(column, scope), Dialect);
    }

    /// <summary>The alias of a stored table's column: the patients (joined to a row SELECT when needed) or the rows.</summary>
    private static string Alias(Column column, SqlScope scope)
    {
        if (column.Frame.IsPatientFrame)
        {
            scope.UsesPatients |= scope.EventTable is not null;
            return SqlScope.Patients;
        }

        return scope.EventTable == column.Frame.Table
            ? SqlScope.Rows
            : throw new CohortModelException($"Column {column.Name} of {column.Frame} is used outside its rows.");
    }

    private string Aggregate(Aggregate aggregate, SqlScope scope)
    {
        if (aggregate.Function == AggregateFunction.Exists && scope.EventTable is null && CorrelatedExists(aggregate.Frame) is { } exists)
        {
            return exists;
        }

        var cte = Aggregated(aggregate.Frame, scope);
        string? value = null;
        if (aggregate.Function != AggregateFunction.Exists)
        {
            // While the value compiles, this table may not be reused by what the value reads: it would join itself.
            _building.Add(cte);
            try
            {
                value = $"{cte.Name}.{cte.Column(aggregate, this)}";
            }
            finally
            {
                _building.Remove(cte);
            }
        }

        scope.Join(cte);
        return aggregate.Function switch
        {
            AggregateFunction.Exists => $"({cte.Name}.pid IS NOT NULL)",
            AggregateFunction.Count or AggregateFunction.CountDistinct => $"COALESCE({value}, 0)",
            _ => value!,
        };
    }

    /// <summary>
    /// Whether a patient has rows, as a correlated <c>EXISTS</c> rather than a derived table over every patient: the
    /// database probes the patient index only for the patients still in question (registration, checked for every
    /// definition, costs a full GROUP BY otherwise). Not for codelist-filtered rows, and not when the rows' filter reads
    /// patient values, whose alias the subquery would shadow.
    /// </summary>
    private string? CorrelatedExists(Frame frame)
    {
        for (var f = frame; f is FilteredFrame filtered; f = filtered.Source)
        {
            if (CodeSelective(filtered.Condition))
            {
                return null; // codelist rows are few: one grouped read through the code index beats a probe per patient
            }
        }

        var inner = new SqlScope(frame.Table, null);
        var conditions = Conditions(frame, inner);
        if (inner.UsesPatients)
        {
            return null;
        }

        conditions.Add($"{SqlScope.Rows}.{PhysicalSchema.PatientId} = {SqlScope.Patients}.{PhysicalSchema.PatientId}");
        return $"EXISTS (SELECT 1 {inner.From(conditions)})";
    }

    /// <summary>
    /// <c>kind = 'observation'</c> on a stored enum compiles to the stored number (<c>"Kind" = 2</c>), so no CASE runs
    /// per row; anything else (an unknown name, a picked row's column) compiles as usual.
    /// </summary>
    private static string? EnumComparison(Binary binary, SqlScope scope)
    {
        if (binary.Operator is not (BinaryOperator.Equal or BinaryOperator.NotEqual))
        {
            return null;
        }

        var (column, name) = (binary.Left, binary.Right) switch
        {
            (Column c, Value { Constant: string s }) => (c, s),
            (Value { Constant: string s }, Column c) => (c, s),
            _ => (null, null),
        };
        if (column is null || column.Frame is PickedRow || PhysicalSchema.Column(column.Frame.Table, column.Name).Number(name!) is not { } number)
        {
            return null;
        }

        var alias = Alias(column, scope);
        var stored = PhysicalSchema.Column(column.Frame.Table, column.Name).Name;
        return $"({alias}.\"{stored}\" {Operator(binary.Operator)} {SqlDialect.Integer(number)})";
    }

    private static string Operator(BinaryOperator op) => op switch
    {
        BinaryOperator.And => "AND",
        BinaryOperator.Or => "OR",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "<>",
        BinaryOperator.LessThan => "<",
        BinaryOperator.LessThanOrEqual => "<=",
        BinaryOperator.GreaterThan => ">",
        BinaryOperator.GreaterThanOrEqual => ">=",
        BinaryOperator.Add => "+",
        _ => "-",
    };
}

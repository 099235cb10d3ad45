using OpenPcn.Cohorts.Schema;

namespace OpenPcn.Cohorts.Engines.Sql;

/// <summary>
/// One SELECT being compiled: the patients (alias <c>p</c>) or the rows of an event table (alias <c>e</c>), and the
/// per-patient derived tables it joins on patient id. Patient values used in a row SELECT join <c>p</c> to the row.
/// </summary>
internal sealed class SqlScope(CohortTable? eventTable, SqlCte? owner)
{
    public const string Patients = "p";
    public const string Rows = "e";

    private readonly List<SqlCte> _joins = [];

    /// <summary>The event table whose rows this SELECT runs over, or null for the SELECT over patients.</summary>
    public CohortTable? EventTable { get; } = eventTable;

    /// <summary>The derived table this SELECT defines (null for the outer SELECT).</summary>
    public SqlCte? Owner { get; } = owner;

    /// <summary>Whether a row SELECT needs the patients table joined.</summary>
    public bool UsesPatients { get; set; }

    /// <summary>The derived tables joined, in order.</summary>
    public IReadOnlyList<SqlCte> Joins => _joins;

    /// <summary>The patient id of the current row.</summary>
    public string PatientKey => $"{(EventTable is null ? Patients : Rows)}.{PhysicalSchema.PatientId}";

    /// <summary>Whether joining <paramref name="cte"/> here would make a derived table depend on itself.</summary>
    public bool WouldCycle(SqlCte cte) => Owner is not null && (cte == Owner || cte.DependsOn(Owner));

    /// <summary>Set whenever an expression reads a joined derived table (see <see cref="SqlCompiler"/>'s conjuncts).</summary>
    public bool ReadsJoins { get; set; }

    /// <summary>The derived tables read since the current condition term began (see <see cref="SqlCompiler"/>).</summary>
    public HashSet<SqlCte> Touched { get; } = [];

    /// <summary>Patient-key restrictions implied by strict terms that read derived tables (see <see cref="SqlCompiler"/>).</summary>
    public List<string> SemiJoins { get; } = [];

    /// <summary>The derived tables joined as inner joins: a row with none of their rows fails a condition anyway.</summary>
    private readonly HashSet<SqlCte> _required = [];

    /// <summary>Joins <paramref name="ctes"/> as inner joins (see <see cref="SqlCompiler"/>'s conjuncts).</summary>
    public void Require(IEnumerable<SqlCte> ctes) => _required.UnionWith(ctes);

    /// <summary>The outer SELECT of <paramref name="other"/>'s joins added to this one's (both over patients).</summary>
    public SqlScope Merge(SqlScope other)
    {
        foreach (var cte in other._joins.Where(j => !_joins.Contains(j)))
        {
            _joins.Add(cte);
        }

        return this;
    }

    /// <summary>Joins <paramref name="cte"/> (once) on patient id.</summary>
    public void Join(SqlCte cte)
    {
        ReadsJoins = true;
        Touched.Add(cte);
        if (!_joins.Contains(cte))
        {
            _joins.Add(cte);
        }
    }

    /// <summary>FROM … WHERE for this SELECT, every table scoped to the network.</summary>
    public string From(IEnumerable<string> conditions)
    {
        var from = new List<string>();
        var where = new List<string>();
        if (EventTable is null)
        {
            from.Add($"FROM \"Patients\" {Patients}");
            where.Add($"{Patients}.{PhysicalSchema.PcnId} = @pcn");
        }
        else
        {
            from.Add($"FROM {PhysicalSchema.Table(EventTable)} {Rows}");
            if (UsesPatients)
            {
                from.Add($"LEFT JOIN \"Patients\" {Patients} ON {Patients}.{PhysicalSchema.PcnId} = @pcn AND {Patients}.{PhysicalSchema.PatientId} = {PatientKey}");
            }

            where.Add($"{Rows}.{PhysicalSchema.PcnId} = @pcn");
        }

        from.AddRange(_joins.Select(j => $"{(_required.Contains(j) ? "JOIN" : "LEFT JOIN")} {j.Name} ON {j.Name}.pid = {PatientKey}"));
        where.AddRange(conditions.Select(c => $"({c})"));
        return string.Join("\n  ", from) + "\n  WHERE " + string.Join("\n    AND ", where);
    }
}

using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Schema;

namespace OpenPcn.Cohorts.Engines.InMemory;

/// <summary>
/// Collects rows for <see cref="RecordTables"/>. Values are the CLR values of the column types (<c>bool</c>,
/// <c>long</c>, <c>double</c>, <see cref="DateOnly"/>, <c>string</c>) or null; columns not given are null.
/// </summary>
public sealed class RecordTablesBuilder
{
    private readonly Dictionary<string, Pending> _tables = CohortTables.All.ToDictionary(t => t.Name, t => new Pending(t), StringComparer.Ordinal);

    /// <summary>Adds a patient with the <c>patients</c> columns named in <paramref name="values"/>.</summary>
    /// <exception cref="CohortModelException">The patient is already added, or a column is unknown or has a value of another type.</exception>
    public RecordTablesBuilder AddPatient(long patientId, IReadOnlyDictionary<string, object?> values) =>
        AddRow(CohortTables.Patients, patientId, 0, 0, values);

    /// <summary>Adds a patient with every <c>patients</c> column.</summary>
    /// <exception cref="CohortModelException">The patient is already added.</exception>
    public RecordTablesBuilder AddPatient(long patientId, DateOnly? dateOfBirth, string? sex, string? ethnicCategory, string? lsoa,
        long? deprivationDecile, DateOnly? dateOfDeath, string? practice) =>
        AddRow(CohortTables.Patients, patientId, 0, 0, new object?[] { dateOfBirth, sex, ethnicCategory, lsoa, deprivationDecile, dateOfDeath, practice });

    /// <summary>
    /// Adds a row to the event table <paramref name="table"/> with the columns named in <paramref name="values"/>;
    /// (<paramref name="sourceKey"/>, <paramref name="seq"/>) is the hidden import order (larger is later).
    /// </summary>
    /// <exception cref="CohortModelException">A column is unknown or has a value of another type.</exception>
    public RecordTablesBuilder AddRow(CohortTable table, long patientId, long sourceKey, int seq, IReadOnlyDictionary<string, object?> values)
    {
        foreach (var name in values.Keys)
        {
            table.Column(name);
        }

        return AddRow(table, patientId, sourceKey, seq, table.Columns.Select(c => values.GetValueOrDefault(c.Name)).ToArray());
    }

    /// <summary>
    /// Adds a row to <paramref name="table"/> with a value for every column, in the table's column order
    /// (<see cref="CohortTable.Columns"/>); the fastest way to load many rows.
    /// </summary>
    /// <exception cref="CohortModelException">The wrong number of values, a value of another type, or a second row of a patient table.</exception>
    public RecordTablesBuilder AddRow(CohortTable table, long patientId, long sourceKey, int seq, ReadOnlySpan<object?> values)
    {
        var pending = _tables.GetValueOrDefault(table.Name) ?? throw new CohortModelException($"There is no table {table.Name}.");
        if (values.Length != table.Columns.Count)
        {
            throw new CohortModelException($"Table {table.Name} has {table.Columns.Count} columns, not {values.Length}.");
        }

        if (table.IsPatientTable && !pending.Patients.Add(patientId))
        {
            throw new CohortModelException($"Patient {patientId} is already in {table.Name}.");
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (!pending.Columns[i].TryAdd(values[i]))
            {
                throw new CohortModelException($"Column {table.Name}.{table.Columns[i].Name} holds {table.Columns[i].Type} values, not {values[i]?.GetType().Name}.");
            }
        }

        pending.PatientIds.Add(patientId);
        pending.SourceKeys.Add(sourceKey);
        pending.Seqs.Add(seq);
        return this;
    }

    /// <summary>The tables, each sorted by patient and import order.</summary>
    public RecordTables Build() => new(_tables.ToDictionary(t => t.Key, t => t.Value.Build(), StringComparer.Ordinal));

    private sealed class Pending(CohortTable table)
    {
        public HashSet<long> Patients { get; } = [];

        public List<long> PatientIds { get; } = [];

        public List<long> SourceKeys { get; } = [];

        public List<int> Seqs { get; } = [];

        public ColumnStore[] Columns { get; } = table.Columns.Select(c => ColumnStore.For(c.Type)).ToArray();

        public StoredTable Build()
        {
            var order = Enumerable.Range(0, PatientIds.Count).ToArray();
            Array.Sort(order, (a, b) =>
            {
                var byPatient = PatientIds[a].CompareTo(PatientIds[b]);
                if (byPatient != 0)
                {
                    return byPatient;
                }

                var byKey = SourceKeys[a].CompareTo(SourceKeys[b]);
                if (byKey != 0)
                {
                    return byKey;
                }

                var bySeq = Seqs[a].CompareTo(Seqs[b]);
                return bySeq != 0 ? bySeq : a.CompareTo(b);
            });
            var columns = new Dictionary<string, ColumnStore>(StringComparer.Ordinal);
            for (var i = 0; i < Columns.Length; i++)
            {
                columns[table.Columns[i].Name] = Columns[i].Reorder(order);
            }

            return new StoredTable(table, order.Select(i => PatientIds[i]).ToArray(), columns);
        }
    }
}

using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Schema;

namespace OpenPcn.Cohorts.Engines.InMemory;

/// <summary>
/// One network's records held in memory as the logical tables of <see cref="CohortTables"/>: the patients keyed by
/// patient id, and the rows of each event table with their patient and hidden import order. Build one with
/// <see cref="RecordTablesBuilder"/>; it is immutable and safe to share between threads.
/// </summary>
public sealed class RecordTables
{
    private readonly Dictionary<string, StoredTable> _tables;

    internal RecordTables(Dictionary<string, StoredTable> tables) => _tables = tables;

    /// <summary>How many patients there are.</summary>
    public int PatientCount => _tables[CohortTables.Patients.Name].RowCount;

    /// <summary>How many rows <paramref name="table"/> has.</summary>
    public int RowCount(CohortTable table) => Table(table).RowCount;

    internal StoredTable Patients => _tables[CohortTables.Patients.Name];

    internal StoredTable Table(CohortTable table) =>
        _tables.TryGetValue(table.Name, out var stored) ? stored : throw new CohortModelException($"There is no table {table.Name}.");
}

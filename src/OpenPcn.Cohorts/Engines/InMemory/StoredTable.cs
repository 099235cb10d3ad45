using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Schema;

namespace OpenPcn.Cohorts.Engines.InMemory;

/// <summary>
/// The rows of one logical table, sorted by patient and then by the hidden import order (source key, seq), with the
/// range of rows of each patient.
/// </summary>
internal sealed class StoredTable
{
    private readonly Dictionary<string, ColumnStore> _columns;
    private readonly Dictionary<long, (int Start, int Count)> _ranges;

    public StoredTable(CohortTable table, long[] patientIds, Dictionary<string, ColumnStore> columns)
    {
        Table = table;
        PatientIds = patientIds;
        _columns = columns;
        _ranges = [];
        for (var row = 0; row < patientIds.Length;)
        {
            var start = row;
            while (row < patientIds.Length && patientIds[row] == patientIds[start])
            {
                row++;
            }

            _ranges[patientIds[start]] = (start, row - start);
        }
    }

    public CohortTable Table { get; }

    /// <summary>The patient of each row, ascending.</summary>
    public long[] PatientIds { get; }

    public int RowCount => PatientIds.Length;

    /// <summary>The patient's rows, in the hidden import order.</summary>
    public (int Start, int Count) RowsOf(long patientId) => _ranges.TryGetValue(patientId, out var range) ? range : (0, 0);

    public object? Get(string column, int row) =>
        _columns.TryGetValue(column, out var store)
            ? store.Get(row)
            : throw new CohortModelException($"Table {Table.Name} has no column {column}.");
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// Inserts rows of one table several at a time: rows wait in memory and go in multi-row statements of
/// <see cref="RowsPerStatement"/> (the rest one by one). On SQLite few parameters a statement, because
/// Microsoft.Data.Sqlite binds by name and finding a name grows with the parameter count (see BulkUpsert; measured on
/// 200,000 observations: 60 parameters 17,600 rows/s, 150 15,000/s, 400 8,900/s); on PostgreSQL many, to save round
/// trips. The owner flushes before anything that must see these rows (a look-up, a delete, a commit).
/// </summary>
internal sealed class BufferedInsert : IDisposable
{
    private const int MaxParametersSqlite = 60;
    private const int MaxParametersPostgres = 2_000;

    private readonly RowCommand _one;
    private readonly RowCommand _many;
    private readonly int _columns;
    private readonly List<object?[]> _rows = [];

    private BufferedInsert(RowCommand one, RowCommand many, int columns, int rowsPerStatement)
    {
        _one = one;
        _many = many;
        _columns = columns;
        RowsPerStatement = rowsPerStatement;
    }

    public int RowsPerStatement { get; }

    public int Count => _rows.Count;

    public static BufferedInsert For<T>(DbContext db, DbConnection connection, params string[] properties)
    {
        var rows = Math.Max(1, (db.Database.IsSqlite() ? MaxParametersSqlite : MaxParametersPostgres) / properties.Length);
        return new BufferedInsert(RowCommand.Insert<T>(db, connection, properties), RowCommand.InsertMany<T>(db, connection, rows, properties),
            properties.Length, rows);
    }

    public void Add(object?[] row) => _rows.Add(row);

    public void Flush(DbTransaction transaction)
    {
        var at = 0;
        for (; at + RowsPerStatement <= _rows.Count; at += RowsPerStatement)
        {
            var p = 0;
            for (var r = 0; r < RowsPerStatement; r++)
            {
                foreach (var value in _rows[at + r])
                {
                    _many.Set(p++, value);
                }
            }

            _many.Execute(transaction);
        }

        for (; at < _rows.Count; at++)
        {
            for (var c = 0; c < _columns; c++)
            {
                _one.Set(c, _rows[at][c]);
            }

            _one.Execute(transaction);
        }

        _rows.Clear();
    }

    /// <summary>Drops rows not yet written (the chunk they belonged to was rolled back).</summary>
    public void Discard() => _rows.Clear();

    public void Dispose()
    {
        _one.Dispose();
        _many.Dispose();
    }
}

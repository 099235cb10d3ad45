using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpenPcn.Core.Storage;

/// <summary>What an upsert did to one row.</summary>
internal enum UpsertOutcome
{
    Unchanged = 0,
    Updated = 1,
    Inserted = 2,
}

/// <summary>How a column of an existing row is updated.</summary>
internal enum UpsertPolicy
{
    /// <summary>The new value replaces the stored one (a file is the authority on what it carries).</summary>
    Overwrite = 0,

    /// <summary>The later of the stored and new values (e.g. "the latest extract that showed this").</summary>
    KeepLatest = 1,

    /// <summary>The earlier of the stored and new values (e.g. "the first extract that showed this").</summary>
    KeepEarliest = 2,

    /// <summary>The new value only where none is stored (another file owns this column; this one fills gaps).</summary>
    FillIfEmpty = 3,

    /// <summary>The new value unless it is empty (a file without the column must not erase it).</summary>
    IgnoreEmpty = 4,
}

/// <summary>One column an upsert writes: an entity property and how an existing row's value is updated.</summary>
internal sealed class UpsertColumn<T>(string propertyName, Func<T, object?> getter, UpsertPolicy policy)
{
    public string PropertyName { get; } = propertyName;

    public Func<T, object?> Getter { get; } = getter;

    public UpsertPolicy Policy { get; } = policy;

    public static UpsertColumn<T> Of<TValue>(Expression<Func<T, TValue>> property, UpsertPolicy policy = UpsertPolicy.Overwrite)
    {
        var member = property.Body as MemberExpression
            ?? throw new ArgumentException("Give a property, e.g. p => p.Name.", nameof(property));
        var compiled = property.Compile();
        return new UpsertColumn<T>(member.Member.Name, row => compiled(row), policy);
    }
}

/// <summary>
/// Writes many rows of one entity with batched, parameterised
/// <c>INSERT … ON CONFLICT (key) DO UPDATE SET … WHERE values differ RETURNING key</c> statements in the caller's
/// transaction, on SQLite and PostgreSQL alike. Bulk imports use it instead of EF change tracking so a national file
/// of hundreds of thousands of rows streams through in seconds; table, column names and value conversions come from
/// the EF model, so a renamed column cannot drift from the SQL. Each row's outcome (inserted, updated, unchanged) is
/// reported, because import reports count them.
/// </summary>
internal sealed class BulkUpsert<T> : IAsyncDisposable
    where T : class
{
    // Parameters per statement. PostgreSQL takes big batches well (fewer round trips; it allows 65,535). SQLite is in
    // process, so round trips cost nothing, but Microsoft.Data.Sqlite binds parameters by name and SQLite finds each
    // name by scanning the statement's list, so binding grows with the square of the count: small batches are
    // fastest there (measured on a 700,000-row file: 50 rows a statement 10 s, 1,000 rows 31 s).
    private const int MaxParametersPostgres = 30_000;
    private const int MaxParametersSqlite = 150;
    private const string Alias = "t";

    private readonly DbContext _db;
    private readonly ISqlGenerationHelper _sql;
    private readonly Column[] _columns;
    private readonly Column[] _keys;
    private readonly string _table;
    private readonly Dictionary<int, (string Exists, string Upsert)> _statements = [];
    private readonly Dictionary<(string Sql, DbTransaction Transaction), DbCommand> _commands = [];

    public BulkUpsert(DbContext db, params UpsertColumn<T>[] columns)
    {
        // It bypasses the tenancy query filters and SaveChanges' guard, so it is for install-wide reference data only.
        if (typeof(Features.Security.ITenantOwned).IsAssignableFrom(typeof(T)))
        {
            throw new InvalidOperationException($"{typeof(T).Name} belongs to a network; bulk upserts are for reference data only.");
        }

        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _table = _sql.DelimitIdentifier(store.Name, store.Schema);
        var key = entity.FindPrimaryKey()!.Properties;
        _columns = [.. columns.Select(c =>
        {
            var property = entity.FindProperty(c.PropertyName) ?? throw new InvalidOperationException($"{typeof(T).Name}.{c.PropertyName} is not mapped.");
            return new Column(_sql.DelimitIdentifier(property.GetColumnName(store)!), c.Getter, property.GetRelationalTypeMapping(),
                key.Contains(property), c.Policy, property.IsNullable);
        })];
        _keys = [.. _columns.Where(c => c.IsKey)];
        if (_keys.Length != key.Count)
        {
            throw new InvalidOperationException($"An upsert of {typeof(T).Name} must write every key column ({string.Join(", ", key.Select(k => k.Name))}).");
        }

        var maxParameters = db.Database.IsSqlite() ? MaxParametersSqlite : MaxParametersPostgres;
        BatchSize = Math.Clamp(maxParameters / _columns.Length, 1, 1000);
    }

    /// <summary>Rows per statement; callers flush at this size so progress and cancellation follow the batches.</summary>
    public int BatchSize { get; }

    /// <summary>Writes <paramref name="rows"/> (unique keys) and returns each row's outcome, in order.</summary>
    public async Task<UpsertOutcome[]> WriteAsync(IReadOnlyList<T> rows, CancellationToken ct)
    {
        var outcomes = new UpsertOutcome[rows.Count];
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk upserts run inside the caller's transaction.");
        for (var start = 0; start < rows.Count; start += BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            var count = Math.Min(BatchSize, rows.Count - start);
            var keys = new string[count];
            for (var i = 0; i < count; i++)
            {
                keys[i] = KeyText(rows[start + i]);
            }

            var (existsSql, upsertSql) = Statements(count);
            var existing = await ReadKeysAsync(transaction, existsSql, rows, start, count, keysOnly: true, ct);
            var written = await ReadKeysAsync(transaction, upsertSql, rows, start, count, keysOnly: false, ct);
            for (var i = 0; i < count; i++)
            {
                outcomes[start + i] = !existing.Contains(keys[i]) ? UpsertOutcome.Inserted
                    : written.Contains(keys[i]) ? UpsertOutcome.Updated
                    : UpsertOutcome.Unchanged;
            }
        }

        return outcomes;
    }

    private async Task<HashSet<string>> ReadKeysAsync(DbTransaction transaction, string sql, IReadOnlyList<T> rows, int start, int count,
        bool keysOnly, CancellationToken ct)
    {
        // Each statement is prepared once per batch size and reused with new values (the last batch may be shorter).
        var columns = keysOnly ? _keys : _columns;
        if (!_commands.TryGetValue((sql, transaction), out var command))
        {
            command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            if (_db.Database.GetCommandTimeout() is { } timeout)
            {
                command.CommandTimeout = timeout;
            }

            var n = 0;
            for (var i = 0; i < count; i++)
            {
                foreach (var column in columns)
                {
                    command.Parameters.Add(column.Mapping.CreateParameter(command, _sql.GenerateParameterName($"p{n++}"), column.Getter(rows[start + i]), column.Nullable));
                }
            }

            _commands[(sql, transaction)] = command;
        }
        else
        {
            var n = 0;
            for (var i = 0; i < count; i++)
            {
                foreach (var column in columns)
                {
                    command.Parameters[n++].Value = ProviderValue(column, column.Getter(rows[start + i])) ?? DBNull.Value;
                }
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new object?[_keys.Length];
        while (await reader.ReadAsync(ct))
        {
            for (var k = 0; k < _keys.Length; k++)
            {
                values[k] = ProviderType(_keys[k]) == typeof(DateOnly) ? reader.GetFieldValue<DateOnly>(k) : reader.GetValue(k);
            }

            keys.Add(Join(values));
        }

        return keys;
    }

    private (string Exists, string Upsert) Statements(int count)
    {
        if (_statements.TryGetValue(count, out var cached))
        {
            return cached;
        }

        // A join to the batch's keys as a VALUES list (columns column1, column2, … on both databases) finds each key
        // through the primary key's index; "(a, b) IN (VALUES …)" would make SQLite scan the whole table per batch.
        var keyList = string.Join(", ", _keys.Select(k => k.Name));
        var exists = new StringBuilder("SELECT " + string.Join(", ", _keys.Select(Stored)) + " FROM (VALUES ");
        AppendValues(exists, count, _keys.Length, tuples: true);
        exists.Append(") AS ").Append(_sql.DelimitIdentifier("v")).Append(" JOIN ").Append(_table).Append(" AS ").Append(_sql.DelimitIdentifier(Alias))
            .Append(" ON ").AppendJoin(" AND ", _keys.Select((k, i) => Stored(k) + " = " + _sql.DelimitIdentifier("v") + "." + _sql.DelimitIdentifier($"column{i + 1}")));

        var upsert = new StringBuilder("INSERT INTO " + _table + " AS " + _sql.DelimitIdentifier(Alias) + " (" + string.Join(", ", _columns.Select(c => c.Name)) + ") VALUES ");
        AppendValues(upsert, count, _columns.Length, tuples: true);
        upsert.Append(" ON CONFLICT (" + keyList + ") DO ");
        var values = _columns.Where(c => !c.IsKey).ToList();
        if (values.Count == 0)
        {
            upsert.Append("NOTHING");
        }
        else
        {
            upsert.Append("UPDATE SET ").AppendJoin(", ", values.Select(c => $"{c.Name} = {NewValue(c)}"));
            upsert.Append(" WHERE ").AppendJoin(" OR ", values.Select(Changed));
        }

        upsert.Append(" RETURNING " + keyList);
        var statements = (exists.ToString(), upsert.ToString());
        _statements[count] = statements;
        return statements;
    }

    private void AppendValues(StringBuilder sql, int rows, int columns, bool tuples)
    {
        var p = 0;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? string.Empty : ", ").Append(tuples ? "(" : string.Empty);
            for (var c = 0; c < columns; c++)
            {
                sql.Append(c == 0 ? string.Empty : ", ").Append(_sql.GenerateParameterNamePlaceholder($"p{p++}"));
            }

            sql.Append(tuples ? ")" : string.Empty);
        }
    }

    private string Stored(Column c) => $"{_sql.DelimitIdentifier(Alias)}.{c.Name}";

    private static string Incoming(Column c) => $"excluded.{c.Name}";

    private string NewValue(Column c) => c.Policy switch
    {
        UpsertPolicy.KeepLatest => $"CASE WHEN {Stored(c)} IS NULL OR {Incoming(c)} > {Stored(c)} THEN {Incoming(c)} ELSE {Stored(c)} END",
        UpsertPolicy.KeepEarliest => $"CASE WHEN {Stored(c)} IS NULL OR {Incoming(c)} < {Stored(c)} THEN {Incoming(c)} ELSE {Stored(c)} END",
        UpsertPolicy.FillIfEmpty => $"COALESCE({Stored(c)}, {Incoming(c)})",
        UpsertPolicy.IgnoreEmpty => $"COALESCE({Incoming(c)}, {Stored(c)})",
        _ => Incoming(c),
    };

    private string Changed(Column c) => c.Policy switch
    {
        UpsertPolicy.KeepLatest => $"({Incoming(c)} IS NOT NULL AND ({Stored(c)} IS NULL OR {Incoming(c)} > {Stored(c)}))",
        UpsertPolicy.KeepEarliest => $"({Incoming(c)} IS NOT NULL AND ({Stored(c)} IS NULL OR {Incoming(c)} < {Stored(c)}))",
        UpsertPolicy.FillIfEmpty => $"({Stored(c)} IS NULL AND {Incoming(c)} IS NOT NULL)",
        UpsertPolicy.IgnoreEmpty => $"({Incoming(c)} IS NOT NULL AND {Stored(c)} IS DISTINCT FROM {Incoming(c)})",
        _ => $"{Stored(c)} IS DISTINCT FROM {Incoming(c)}",
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
    }

    private string KeyText(T row)
    {
        var values = new object?[_keys.Length];
        for (var k = 0; k < _keys.Length; k++)
        {
            values[k] = ProviderValue(_keys[k], _keys[k].Getter(row));
        }

        return Join(values);
    }

    private static object? ProviderValue(Column column, object? value) =>
        value is null ? null : column.Mapping.Converter?.ConvertToProvider(value) ?? value;

    private static Type ProviderType(Column c) => c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType;

    private static string Join(object?[] values) => string.Join('\u001f', values.Select(v => v switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? string.Empty,
    }));

    private sealed record Column(string Name, Func<T, object?> Getter, RelationalTypeMapping Mapping, bool IsKey, UpsertPolicy Policy, bool Nullable);
}

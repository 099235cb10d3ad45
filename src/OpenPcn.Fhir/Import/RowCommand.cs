using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// One parameterised SQL statement over an entity's table, built from the EF model (table, column names and value
/// conversions), created once and re-executed with new values: SQLite keeps the statement prepared between runs.
/// </summary>
internal sealed class RowCommand : IDisposable
{
    private readonly DbCommand _command;
    private readonly RelationalTypeMapping[] _mappings;

    private RowCommand(DbCommand command, RelationalTypeMapping[] mappings)
    {
        _command = command;
        _mappings = mappings;
    }

    public DbCommand Command => _command;

    /// <summary><c>INSERT INTO table (columns) VALUES (@p0, …)</c>.</summary>
    public static RowCommand Insert<T>(DbContext db, DbConnection connection, params string[] properties)
    {
        var t = new Table(db, typeof(T));
        var sql = $"INSERT INTO {t.Name} ({string.Join(", ", properties.Select(t.Column))}) VALUES ({string.Join(", ", properties.Select((_, i) => t.Parameter(i)))})";
        return Create(db, connection, sql, [.. properties.Select(t.Mapping)]);
    }

    /// <summary><c>INSERT INTO table (columns) VALUES (…), (…), …</c> for <paramref name="rows"/> rows at once.</summary>
    public static RowCommand InsertMany<T>(DbContext db, DbConnection connection, int rows, params string[] properties)
    {
        var t = new Table(db, typeof(T));
        var values = Enumerable.Range(0, rows)
            .Select(r => "(" + string.Join(", ", properties.Select((_, i) => t.Parameter((r * properties.Length) + i))) + ")");
        var sql = $"INSERT INTO {t.Name} ({string.Join(", ", properties.Select(t.Column))}) VALUES {string.Join(", ", values)}";
        return Create(db, connection, sql, [.. Enumerable.Repeat(properties, rows).SelectMany(p => p).Select(t.Mapping)]);
    }

    /// <summary><c>UPDATE table SET set… WHERE where…</c>; parameters are the set columns then the where columns.</summary>
    public static RowCommand Update<T>(DbContext db, DbConnection connection, string[] set, string[] where)
    {
        var t = new Table(db, typeof(T));
        var sql = $"UPDATE {t.Name} SET {string.Join(", ", set.Select((p, i) => $"{t.Column(p)} = {t.Parameter(i)}"))} WHERE "
            + string.Join(" AND ", where.Select((p, i) => $"{t.Column(p)} = {t.Parameter(set.Length + i)}"));
        return Create(db, connection, sql, [.. set.Concat(where).Select(t.Mapping)]);
    }

    /// <summary><c>DELETE FROM table WHERE where…</c>.</summary>
    public static RowCommand Delete<T>(DbContext db, DbConnection connection, params string[] where)
    {
        var t = new Table(db, typeof(T));
        var sql = $"DELETE FROM {t.Name} WHERE " + string.Join(" AND ", where.Select((p, i) => $"{t.Column(p)} = {t.Parameter(i)}"));
        return Create(db, connection, sql, [.. where.Select(t.Mapping)]);
    }

    /// <summary><c>SELECT columns FROM table WHERE where…</c>.</summary>
    public static RowCommand Select<T>(DbContext db, DbConnection connection, string[] columns, string[] where, string? suffix = null)
    {
        var t = new Table(db, typeof(T));
        var sql = $"SELECT {string.Join(", ", columns.Select(t.Column))} FROM {t.Name} WHERE "
            + string.Join(" AND ", where.Select((p, i) => $"{t.Column(p)} = {t.Parameter(i)}")) + (suffix is null ? string.Empty : " " + suffix);
        return Create(db, connection, sql, [.. where.Select(t.Mapping)]);
    }

    /// <summary>A statement written by hand, with <c>{Table}</c>-free SQL built by <paramref name="sql"/> from the model.</summary>
    public static RowCommand Custom<T>(DbContext db, DbConnection connection, Func<Table, string> sql, params string[] parameters)
    {
        var t = new Table(db, typeof(T));
        return Create(db, connection, sql(t), [.. parameters.Select(t.Mapping)]);
    }

    private static RowCommand Create(DbContext db, DbConnection connection, string sql, RelationalTypeMapping[] mappings)
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        for (var i = 0; i < mappings.Length; i++)
        {
            command.Parameters.Add(mappings[i].CreateParameter(command, helper.GenerateParameterName($"p{i}"), null, nullable: true));
        }

        return new RowCommand(command, mappings);
    }

    public RowCommand Set(int index, object? value)
    {
        var mapping = _mappings[index];
        var provider = value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value;
        _command.Parameters[index].Value = provider is DateTimeOffset offset ? offset.ToUniversalTime() : provider ?? DBNull.Value;
        return this;
    }

    public int Execute(DbTransaction transaction)
    {
        _command.Transaction = transaction;
        return _command.ExecuteNonQuery();
    }

    public DbDataReader Query(DbTransaction? transaction)
    {
        _command.Transaction = transaction;
        return _command.ExecuteReader();
    }

    public void Dispose() => _command.Dispose();

    /// <summary>An entity's table as the model maps it.</summary>
    internal sealed class Table
    {
        private readonly IEntityType _entity;
        private readonly StoreObjectIdentifier _store;
        private readonly ISqlGenerationHelper _sql;

        public Table(DbContext db, Type type)
        {
            _sql = db.GetService<ISqlGenerationHelper>();
            _entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            _store = StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
            Name = _sql.DelimitIdentifier(_store.Name, _store.Schema);
        }

        public string Name { get; }

        public string Column(string property) => _sql.DelimitIdentifier(Property(property).GetColumnName(_store)!);

        public string Parameter(int index) => _sql.GenerateParameterNamePlaceholder($"p{index}");

        public RelationalTypeMapping Mapping(string property) => Property(property).GetRelationalTypeMapping();

        private IProperty Property(string name) =>
            _entity.FindProperty(name) ?? throw new InvalidOperationException($"{_entity.ClrType.Name}.{name} is not mapped.");
    }
}

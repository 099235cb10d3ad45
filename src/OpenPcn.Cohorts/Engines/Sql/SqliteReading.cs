using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace OpenPcn.Cohorts.Engines.Sql;

/// <summary>What the engine does on a SQLite connection around a query (see <see cref="SqlDialect.CutsCodelists"/>).</summary>
internal static class SqliteReading
{
    /// <summary>
    /// Up to 1 GiB of the file read through memory mapping. A query reads the events rows it finds through an index
    /// by row id, in no order; through SQLite's 2 MB page cache each read is a system call, which made the
    /// blood-pressure cohorts twice as slow. The connection keeps the mapping (undoing it after each query would make
    /// the next fault every page in again).
    /// </summary>
    private const long MappedBytes = 1L << 30;

    /// <summary>Maps the file for this and later queries on the connection, unless it already maps as much.</summary>
    public static async Task MapAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) < MappedBytes)
        {
            command.CommandText = $"PRAGMA mmap_size = {MappedBytes.ToString(CultureInfo.InvariantCulture)}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Of the codes looked up in each table, those that the network's rows of that table hold (one index read each).</summary>
    public static async Task<Dictionary<string, HashSet<string>>> CodesPresentAsync(
        DbConnection connection, int pcnId, Dictionary<string, HashSet<string>> lookedUp, CancellationToken cancellationToken)
    {
        var present = new Dictionary<string, HashSet<string>>();
        foreach (var (table, codes) in lookedUp)
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the table name is one of PhysicalSchema's; the codes are a parameter
            command.CommandText = $"SELECT j.value FROM json_each(@codes) j WHERE EXISTS (SELECT 1 FROM {table} e WHERE e.{PhysicalSchema.PcnId} = @pcn AND e.\"Code\" = j.value)";
#pragma warning restore CA2100
            AddParameter(command, "@codes", DbType.String, JsonSerializer.Serialize(codes));
            AddParameter(command, "@pcn", DbType.Int32, pcnId);
            var found = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(reader.GetString(0));
                }
            }

            present[table] = found;
        }

        return present;
    }

    private static void AddParameter(DbCommand command, string name, DbType type, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

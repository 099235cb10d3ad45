using System.Data;
using System.Data.Common;
using System.Globalization;
using OpenPcn.Cohorts.Engines.InMemory;
using OpenPcn.Cohorts.Engines.Sql;
using OpenPcn.Cohorts.Schema;

namespace OpenPcn.Cohorts.Engines;

/// <summary>
/// Reads one network's records from the database into <see cref="RecordTables"/> for the in-memory engine, with
/// every column mapped as the SQL engine maps it — so both engines see the same values. Used by the cross-engine tests
/// and the benchmarks; the application itself runs the SQL engine.
/// </summary>
public static class RecordTablesLoader
{
    /// <summary>Every row of network <paramref name="pcnId"/> in the four tables.</summary>
    public static async Task<RecordTables> LoadAsync(DbConnection connection, SqlDialect dialect, int pcnId, CancellationToken cancellationToken = default)
    {
        var opened = false;
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
            opened = true;
        }

        try
        {
            var builder = new RecordTablesBuilder();
            foreach (var table in CohortTables.All)
            {
                await LoadTableAsync(connection, dialect, pcnId, table, builder, cancellationToken);
            }

            return builder.Build();
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task LoadTableAsync(DbConnection connection, SqlDialect dialect, int pcnId, CohortTable table, RecordTablesBuilder builder, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", table.Columns.Select(c => PhysicalSchema.Expression(table, c.Name, "t", dialect)));
        var order = table.IsPatientTable ? "0, 0" : $"t.{PhysicalSchema.SourceKey}, t.{PhysicalSchema.Seq}";
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // built from the fixed physical schema; the one value is a parameter
        command.CommandText = $"SELECT t.{PhysicalSchema.PatientId}, {order}, {columns} FROM {PhysicalSchema.Table(table)} t WHERE t.{PhysicalSchema.PcnId} = @pcn";
#pragma warning restore CA2100
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@pcn";
        parameter.DbType = DbType.Int32;
        parameter.Value = pcnId;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new object?[table.Columns.Count];
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = SqlDialect.Read(reader.GetValue(i + 3), table.Columns[i].Type);
            }

            var patientId = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            if (table.IsPatientTable)
            {
                builder.AddRow(table, patientId, 0, 0, values);
            }
            else
            {
                builder.AddRow(table, patientId, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture), values);
            }
        }
    }
}

using System.Data;
using System.Data.Common;
using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Transforms;

namespace OpenPcn.Cohorts.Engines.Sql;

/// <summary>
/// Runs a <see cref="CohortQuery"/> as one SQL statement over the records tables of one network, on SQLite or
/// PostgreSQL. Results are the same as the in-memory engine's (the meaning of each operation is <see cref="Scalar"/>'s).
/// </summary>
/// <param name="connection">A connection to the OpenPCN database; opened (and closed again) here if it is closed.</param>
/// <param name="dialect">The database's dialect: <see cref="SqlDialect.Sqlite"/> or <see cref="SqlDialect.Postgres"/>.</param>
/// <param name="pcnId">The network whose records are searched; rows of other networks are never seen.</param>
public sealed class SqlCohortEngine(DbConnection connection, SqlDialect dialect, int pcnId) : ICohortEngine
{
    /// <inheritdoc />
    /// <remarks>
    /// On SQLite the codelists are first cut down to the codes the network's events hold (a stored code outside a list
    /// never matches, so the answer is the same; a row written between the two reads may be missed, as it would be by
    /// a query that ran a moment earlier), and the connection reads the file through memory mapping from then on.
    /// </remarks>
    public async Task<CohortResult> RunAsync(CohortQuery query, DateOnly indexDate, CancellationToken cancellationToken = default)
    {
        var folded = ConstantFolding.Fold(query, indexDate);
        var types = query.Columns.Select(c => c.Value.Type).ToList();
        var opened = false;
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
            opened = true;
        }

        try
        {
            var compiler = new SqlCompiler(dialect);
            var sql = compiler.Compile(folded);
            if (dialect.CutsCodelists)
            {
                await SqliteReading.MapAsync(connection, cancellationToken);
                var present = await SqliteReading.CodesPresentAsync(connection, pcnId, compiler.CodesLookedUp, cancellationToken);
                sql = new SqlCompiler(dialect, present).Compile(folded);
            }

            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the text is compiled from the query model; every value in it is an escaped literal
            command.CommandText = sql;
#pragma warning restore CA2100
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@pcn";
            parameter.DbType = DbType.Int32;
            parameter.Value = pcnId;
            command.Parameters.Add(parameter);

            var rows = new List<CohortRow>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = new object?[types.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = SqlDialect.Read(reader.GetValue(i + 1), types[i]);
                }

                rows.Add(new CohortRow(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), values));
            }

            return new CohortResult(query.Columns.Select(c => c.Name).ToList(), rows);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>
    /// The SQL that <see cref="RunAsync"/> runs for <paramref name="query"/> on <paramref name="indexDate"/> (it takes
    /// one parameter, <c>@pcn</c>): for tests, benchmarks and the documentation.
    /// </summary>
    public string Compile(CohortQuery query, DateOnly indexDate) =>
        new SqlCompiler(dialect).Compile(ConstantFolding.Fold(query, indexDate));
}

using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Engines;

/// <summary>Runs a <see cref="CohortQuery"/> over one network's records.</summary>
public interface ICohortEngine
{
    /// <summary>
    /// The patients for whom the population is true on <paramref name="indexDate"/>, each with the query's column
    /// values, ordered by patient id.
    /// </summary>
    Task<CohortResult> RunAsync(CohortQuery query, DateOnly indexDate, CancellationToken cancellationToken = default);
}

/// <summary>The patients a query found, ordered by patient id.</summary>
/// <param name="ColumnNames">The query's column names, in order.</param>
/// <param name="Rows">One row per patient in the population.</param>
public sealed record CohortResult(IReadOnlyList<string> ColumnNames, IReadOnlyList<CohortRow> Rows);

/// <summary>
/// One patient in a result with the column values: <c>bool</c>, <c>long</c>, <c>double</c>, <see cref="DateOnly"/>,
/// <c>string</c> or null, by the column's type.
/// </summary>
/// <param name="PatientId">The patient's key within the network.</param>
/// <param name="Values">The values, in column order.</param>
public sealed record CohortRow(long PatientId, IReadOnlyList<object?> Values);

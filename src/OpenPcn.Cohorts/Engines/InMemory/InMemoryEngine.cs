using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Transforms;

namespace OpenPcn.Cohorts.Engines.InMemory;

/// <summary>
/// The reference semantics of the cohort language: a plain visitor over the query model that evaluates every
/// patient in turn over <see cref="RecordTables"/>, with every scalar operation taken from <see cref="Scalar"/>.
/// It does no optimisation; the SQL engines must give the same answers.
/// </summary>
public sealed class InMemoryEngine : ICohortEngine
{
    private readonly RecordTables _tables;

    /// <summary>An engine over <paramref name="tables"/>.</summary>
    public InMemoryEngine(RecordTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _tables = tables;
    }

    /// <inheritdoc />
    public Task<CohortResult> RunAsync(CohortQuery query, DateOnly indexDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var folded = ConstantFolding.Fold(query, indexDate);
        var evaluator = new PatientEvaluator(_tables, indexDate);
        var patients = _tables.Patients;
        var rows = new List<CohortRow>();
        for (var index = 0; index < patients.RowCount; index++)
        {
            if (index % 1024 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            evaluator.Start(index, patients.PatientIds[index]);
            if (evaluator.Evaluate(folded.Population) is not true)
            {
                continue;
            }

            var values = new object?[folded.Columns.Count];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = evaluator.Evaluate(folded.Columns[c].Value);
            }

            rows.Add(new CohortRow(patients.PatientIds[index], values));
        }

        return Task.FromResult(new CohortResult(folded.Columns.Select(c => c.Name).ToList(), rows));
    }
}

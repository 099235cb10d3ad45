namespace OpenPcn.Cohorts.Model;

/// <summary>
/// What an engine runs: the population (who is in the cohort) and the named values reported for each patient in it
/// (the facts that explain why they are on the list).
/// </summary>
public sealed class CohortQuery
{
    /// <summary>A query for <paramref name="population"/> with <paramref name="columns"/> per patient.</summary>
    /// <exception cref="CohortModelException">The population is not a true/false per patient, or a column is not one value per patient, or two columns share a name.</exception>
    public CohortQuery(Series population, IReadOnlyList<QueryColumn> columns)
    {
        if (population.Type != CohortType.Boolean || population.Domain.Kind == DomainKind.Events)
        {
            throw new CohortModelException("The population must be true or false for each patient.");
        }

        foreach (var column in columns)
        {
            if (column.Value.Domain.Kind == DomainKind.Events)
            {
                throw new CohortModelException($"Column {column.Name} has many values per patient; pick or aggregate one.");
            }
        }

        var duplicate = columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CohortModelException($"Two columns are called {duplicate.Key}.");
        }

        Population = population;
        Columns = columns;
    }

    /// <summary>True for each patient in the cohort.</summary>
    public Series Population { get; }

    /// <summary>The values reported per patient, in order.</summary>
    public IReadOnlyList<QueryColumn> Columns { get; }
}

/// <summary>A named value per patient in a <see cref="CohortQuery"/>.</summary>
/// <param name="Name">A short identifier (letters, digits, underscores), e.g. <c>latest_systolic</c>.</param>
/// <param name="Value">The value.</param>
public sealed record QueryColumn(string Name, Series Value);

using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Language;

/// <summary>
/// A named case-finding definition: who is in the cohort, the facts reported per patient, and the sentence that
/// says why each patient is on the list, with where the rule comes from.
/// </summary>
public sealed class CohortDefinition
{
    /// <summary>A definition; see the properties for each argument.</summary>
    /// <exception cref="CohortModelException">The name is not a slug, or the reason names a column the query lacks.</exception>
    public CohortDefinition(
        string name,
        string title,
        string description,
        string source,
        int year,
        CohortQuery query,
        string reason,
        IReadOnlyList<Codelist> codelists,
        string category)
    {
        if (name.Length is 0 or > 80 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            throw new CohortModelException($"A definition name is lower-case letters, digits and hyphens (at most 80): '{name}' is not.");
        }

        foreach (var placeholder in ReasonTemplate.Placeholders(reason))
        {
            if (!query.Columns.Any(c => c.Name == placeholder))
            {
                throw new CohortModelException($"The reason names {{{placeholder}}}, which is not a column of {name}.");
            }
        }

        Name = name;
        Title = title;
        Description = description;
        Source = source;
        Year = year;
        Query = query;
        Reason = reason;
        Codelists = codelists;
        Category = category;
    }

    /// <summary>The identifier used in URLs and the CLI, e.g. <c>undiagnosed-hypertension</c>.</summary>
    public string Name { get; }

    /// <summary>The title shown on pages.</summary>
    public string Title { get; }

    /// <summary>Who is in the cohort, in plain English.</summary>
    public string Description { get; }

    /// <summary>The rule it implements, e.g. "Network Contract DES 2025/26, CVD prevention; NICE NG136".</summary>
    public string Source { get; }

    /// <summary>The year of the source rule.</summary>
    public int Year { get; }

    /// <summary>The population and the facts per patient.</summary>
    public CohortQuery Query { get; }

    /// <summary>
    /// Why a patient is on the list, with column names in braces, e.g.
    /// <c>latest BP {systolic}/{diastolic} on {bp_date}; no HYP_COD</c>.
    /// </summary>
    public string Reason { get; }

    /// <summary>The codelists the definition uses.</summary>
    public IReadOnlyList<Codelist> Codelists { get; }

    /// <summary><c>register</c>, <c>case-finding</c> or <c>local</c>.</summary>
    public string Category { get; }
}

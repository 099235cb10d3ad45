using System.Runtime.CompilerServices;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Spec.Harness;

/// <summary>
/// One spec case: small tables, one patient-level expression (and optionally a population), and the expected value
/// per patient, written as a pipe table <c>patient | value</c>. Patients not listed are not in the population.
/// </summary>
public sealed record SpecCase(
    string Id,
    SpecSection Section,
    string Title,
    string Description,
    string Tables,
    Series Expression,
    string ExpressionText,
    Series? Population,
    string? PopulationText,
    string Expected,
    DateOnly IndexDate)
{
    public const string ValueColumn = "value";

    public CohortQuery Query =>
        new(Population ?? new Value(true, CohortType.Boolean), [new QueryColumn(ValueColumn, Expression)]);

    public TextTables Data => TextTables.Parse(Tables);

    /// <summary>The expected (patient, value) pairs, ordered by patient.</summary>
    public IReadOnlyList<(long PatientId, object? Value)> ExpectedRows()
    {
        var lines = Expected.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Skip(1)
            .Select(line => line.Split('|').Select(c => c.Trim()).ToArray())
            .Select(cells => (long.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture), TextTables.ParseValue(cells[1], Expression.Type)))
            .OrderBy(r => r.Item1)
            .ToList();
    }

    public override string ToString() => Id;
}

/// <summary>A feature of the language: a heading of the reference and the cases that show it.</summary>
public sealed class SpecSection(string id, string title, string description)
{
    /// <summary>The index date of every case unless one says otherwise.</summary>
    public static readonly DateOnly DefaultIndexDate = new(2025, 6, 30);

    private readonly List<SpecCase> _cases = [];

    public string Id { get; } = id;

    public string Title { get; } = title;

    public string Description { get; } = description;

    public IReadOnlyList<SpecCase> Cases => _cases;

    public SpecSection Case(string title, string description, string tables, Expr expression, string expected,
        DateOnly? indexDate = null, [CallerArgumentExpression(nameof(expression))] string text = "") =>
        Add(title, description, tables, expression.Series, text, null, null, expected, indexDate);

    public SpecSection Case(string title, string description, string tables, Series expression, string expected,
        DateOnly? indexDate = null, [CallerArgumentExpression(nameof(expression))] string text = "") =>
        Add(title, description, tables, expression, text, null, null, expected, indexDate);

    public SpecSection CaseWithPopulation(string title, string description, string tables, BoolExpr population, Expr expression,
        string expected, DateOnly? indexDate = null,
        [CallerArgumentExpression(nameof(population))] string populationText = "",
        [CallerArgumentExpression(nameof(expression))] string text = "") =>
        Add(title, description, tables, expression.Series, text, population.Series, populationText, expected, indexDate);

    private SpecSection Add(string title, string description, string tables, Series expression, string text,
        Series? population, string? populationText, string expected, DateOnly? indexDate)
    {
        var id = $"{Id}/{Slug(title)}";
        _cases.Add(new SpecCase(id, this, title, description, tables, expression, Tidy(text), population,
            populationText is null ? null : Tidy(populationText), expected, indexDate ?? DefaultIndexDate));
        return this;
    }

    private static string Slug(string title) =>
        string.Concat(title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');

    /// <summary>Removes the common indentation of a multi-line expression.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Split('\n');
        var indent = lines.Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select((l, i) => i == 0 || l.Length < indent ? l.TrimEnd() : l[indent..].TrimEnd()));
    }
}

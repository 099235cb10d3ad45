using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenPcn.Cohorts.Definitions;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Core.Common;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>
/// Turns a <see cref="CohortBuilderForm"/> into a cohort definition with the fluent language, exactly as a person
/// would write it in C#: registered and alive on the index date (<see cref="Populations.RegisteredOn"/>), in the age range and of the sex chosen, and every
/// criterion met. The facts are the age and, per criterion, the latest matching date (and value when tested).
/// </summary>
public static class CohortBuilder
{
    public const int MaxCriteria = 10;
    public const string Category = "local";
    public const string Source = "Local definition made in the cohort builder";

    /// <summary>The definition for <paramref name="form"/>, after <see cref="Validate"/> (which it calls).</summary>
    /// <exception cref="RuleViolationException">The form has errors, keyed by field.</exception>
    public static CohortDefinition Build(string name, CohortBuilderForm form, Func<string, Codelist?> codelists, int year)
    {
        var errors = Validate(form, codelists);
        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }

        var index = Cohort.IndexDate;
        var age = Cohort.Patients.AgeOn(index);
        var population = Populations.RegisteredOn(index);
        if (form.AgeFrom is { } from)
        {
            population &= age >= (IntExpr)from;
        }

        if (form.AgeTo is { } to)
        {
            population &= age <= (IntExpr)to;
        }

        if (!string.IsNullOrWhiteSpace(form.Sex))
        {
            population &= Cohort.Patients.Sex.Is(form.Sex);
        }

        var columns = new List<QueryColumn> { new("age", age.Series) };
        var reasons = new List<string> { "aged {age}" };
        var used = new List<Codelist>();
        for (var i = 0; i < form.Criteria.Count; i++)
        {
            var criterion = form.Criteria[i];
            var codelist = CodelistOf(name, i, criterion, codelists);
            used.Add(codelist);
            var (condition, latestDate, latestValue) = Criterion(criterion, codelist, index);
            var prefix = FormattableString.Invariant($"c{i + 1}");
            columns.Add(new QueryColumn($"{prefix}_date", latestDate.Series));
            if (latestValue is not null)
            {
                columns.Add(new QueryColumn($"{prefix}_value", latestValue.Series));
            }

            population &= criterion.Presence == CriterionPresence.MustHave ? condition : !condition;
            reasons.Add(Reason(criterion, codelist, prefix));
        }

        var query = new CohortQuery(population.Series, columns);
        return new CohortDefinition(name, form.Title.Trim(), form.Description.Trim(), Source, year, query, string.Join("; ", reasons),
            [.. used.Distinct()], Category);
    }

    /// <summary>The form's errors by field (<c>Title</c>, <c>Criteria[0].Days</c>, ...); empty when it is valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(CohortBuilderForm form, Func<string, Codelist?> codelists)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(form.Title) || form.Title.Length > 200)
        {
            errors[nameof(form.Title)] = ["Enter a title of up to 200 characters."];
        }

        if (form.Description.Length > 2000)
        {
            errors[nameof(form.Description)] = ["The description can be up to 2,000 characters."];
        }

        if (form.AgeFrom is < 0 or > 130)
        {
            errors[nameof(form.AgeFrom)] = ["Enter an age from 0 to 130."];
        }

        if (form.AgeTo is < 0 or > 130)
        {
            errors[nameof(form.AgeTo)] = ["Enter an age from 0 to 130."];
        }
        else if (form.AgeFrom is { } from && form.AgeTo is { } to && to < from)
        {
            errors[nameof(form.AgeTo)] = ["The oldest age must not be below the youngest."];
        }

        if (!string.IsNullOrWhiteSpace(form.Sex) && form.Sex is not ("female" or "male" or "other" or "unknown"))
        {
            errors[nameof(form.Sex)] = ["Choose female, male, other, unknown or any."];
        }

        if (form.Criteria.Count > MaxCriteria)
        {
            errors[nameof(form.Criteria)] = [FormattableString.Invariant($"Use at most {MaxCriteria} criteria.")];
        }

        for (var i = 0; i < form.Criteria.Count; i++)
        {
            ValidateCriterion(form.Criteria[i], FormattableString.Invariant($"Criteria[{i}]"), codelists, errors);
        }

        return errors;
    }

    /// <summary>A definition name from a title: lower-case letters, digits and hyphens.</summary>
    public static string Slug(string title)
    {
        var text = new StringBuilder();
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        var slug = text.ToString().Trim('-');
        slug = slug.Length > 60 ? slug[..60].Trim('-') : slug;
        return slug.Length == 0 ? "local-definition" : slug;
    }

    private static void ValidateCriterion(CohortCriterion c, string field, Func<string, Codelist?> codelists, Dictionary<string, string[]> errors)
    {
        var hasList = !string.IsNullOrWhiteSpace(c.CodelistId);
        var codes = c.Codes.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (hasList == (codes.Count > 0))
        {
            errors[$"{field}.{nameof(c.CodelistId)}"] = ["Choose a codelist or type codes (one or the other)."];
        }
        else if (hasList && codelists(c.CodelistId!.Trim()) is null)
        {
            errors[$"{field}.{nameof(c.CodelistId)}"] = [$"There is no codelist {c.CodelistId}."];
        }
        else if (codes.Any(code => code.Trim().Length is < 6 or > 20 || !code.Trim().All(char.IsAsciiDigit)))
        {
            errors[$"{field}.{nameof(c.Codes)}"] = ["Codes are SNOMED CT or dm+d identifiers: 6 to 20 digits."];
        }
        else if (codes.Count > 500)
        {
            errors[$"{field}.{nameof(c.Codes)}"] = ["Type at most 500 codes; use a codelist for more."];
        }

        if (!Enum.IsDefined(c.Table) || !Enum.IsDefined(c.Presence) || !Enum.IsDefined(c.When))
        {
            errors[field] = ["Choose the table, must have or must not have, and when."];
        }

        if (c.When == CriterionWhen.InLastDays && c.Days is not (>= 1 and <= 36600))
        {
            errors[$"{field}.{nameof(c.Days)}"] = ["Enter a number of days from 1 to 36,600."];
        }

        if (c.When == CriterionWhen.OnOrAfter && c.Since is null)
        {
            errors[$"{field}.{nameof(c.Since)}"] = ["Enter the date records count from."];
        }

        if (c.Comparison is { } op && !Enum.IsDefined(op))
        {
            errors[$"{field}.{nameof(c.Comparison)}"] = ["Choose a comparison."];
        }

        if ((c.Comparison is null) != (c.Value is null) || c.Value is { } v && !double.IsFinite(v))
        {
            errors[$"{field}.{nameof(c.Value)}"] = ["A value test needs both a comparison and a number."];
        }
    }

    private static (BoolExpr Condition, DateExpr LatestDate, DecimalExpr? LatestValue) Criterion(CohortCriterion c, Codelist codelist, DateExpr index)
    {
        if (c.Table == CriterionTable.Medications)
        {
            var rows = Cohort.Medications.WithCode(codelist).Where(m => InWindow(m.Date, c, index));
            var latest = c.Comparison is null ? null : rows.Latest(m => m.Date).Quantity;
            return (Test(rows.Exists(), latest, c), rows.Maximum(m => m.Date), latest);
        }

        var events = Cohort.ClinicalEvents.WithCode(codelist).Where(e => InWindow(e.Date, c, index));
        var value = c.Comparison is null ? null : events.Latest(e => e.Date).Value;
        return (Test(events.Exists(), value, c), events.Maximum(e => e.Date), value);
    }

    private static BoolExpr InWindow(DateExpr date, CohortCriterion c, DateExpr index) => c.When switch
    {
        CriterionWhen.InLastDays => date.IsBetween(index.AddDays(-(long)c.Days!.Value), index),
        CriterionWhen.OnOrAfter => date.IsBetween(c.Since!.Value, index),
        _ => date <= index,
    };

    private static BoolExpr Test(BoolExpr exists, DecimalExpr? latest, CohortCriterion c)
    {
        if (latest is null || c.Comparison is not { } op || c.Value is not { } number)
        {
            return exists;
        }

        DecimalExpr bound = number;
        var test = op switch
        {
            ValueComparison.GreaterThan => latest > bound,
            ValueComparison.AtLeast => latest >= bound,
            ValueComparison.LessThan => latest < bound,
            ValueComparison.AtMost => latest <= bound,
            _ => latest.Is(bound),
        };
        return exists & test.OrFalse();
    }

    private static Codelist CodelistOf(string name, int index, CohortCriterion c, Func<string, Codelist?> codelists)
    {
        if (!string.IsNullOrWhiteSpace(c.CodelistId))
        {
            return codelists(c.CodelistId.Trim())!;
        }

        var codes = c.Codes.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().Order(StringComparer.Ordinal).ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', codes))))[..12];
        return new Codelist(LocalCodelistId(name, index), hash, codes, "Codes typed into the cohort builder");
    }

    /// <summary>The id given to the typed-in codes of criterion <paramref name="index"/> (from 0) of a local definition.</summary>
    public static string LocalCodelistId(string name, int index) => FormattableString.Invariant($"{name}-c{index + 1}");

    private static string Reason(CohortCriterion c, Codelist codelist, string prefix)
    {
        var label = codelist.Id.EndsWith(prefix, StringComparison.Ordinal) && c.CodelistId is null
            ? "codes " + string.Join(", ", codelist.Codes.Order(StringComparer.Ordinal).Take(3)) + (codelist.Codes.Count > 3 ? $" and {codelist.Codes.Count - 3} more" : "")
            : codelist.Id;
        var window = c.When switch
        {
            CriterionWhen.InLastDays => FormattableString.Invariant($" in the last {c.Days} days"),
            CriterionWhen.OnOrAfter => FormattableString.Invariant($" since {c.Since:yyyy-MM-dd}"),
            _ => "",
        };
        var test = c.Comparison is { } op && c.Value is { } v
            ? $" with latest {(c.Table == CriterionTable.Medications ? "quantity" : "value")} {Symbol(op)} {v.ToString("0.###", CultureInfo.InvariantCulture)}"
            : "";
        if (c.Presence == CriterionPresence.MustNotHave)
        {
            return $"no {label}{window}{test}";
        }

        var value = c.Comparison is null ? "" : $" (value {{{prefix}_value}})";
        return $"{label}{window}{test}: latest {{{prefix}_date}}{value}";
    }

    private static string Symbol(ValueComparison op) => op switch
    {
        ValueComparison.GreaterThan => ">",
        ValueComparison.AtLeast => ">=",
        ValueComparison.LessThan => "<",
        ValueComparison.AtMost => "<=",
        _ => "=",
    };
}

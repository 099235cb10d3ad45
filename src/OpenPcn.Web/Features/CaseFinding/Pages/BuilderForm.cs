using System.Globalization;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Web.Components.Shared;

namespace OpenPcn.Web.Features.CaseFinding.Pages;

/// <summary>
/// The cohort builder page's form as typed (text boxes stay text until read, so a mistyped number is shown back with
/// its error), and its conversion to and from the service's <see cref="CohortBuilderForm"/>.
/// </summary>
public sealed class BuilderForm
{
    public const string AddAction = "add";
    public const string PreviewAction = "preview";
    public const string SaveAction = "save";
    public const string RemovePrefix = "remove-";

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? AgeFrom { get; set; }

    public string? AgeTo { get; set; }

    public string? Sex { get; set; }

    /// <summary>Which button was pressed: add, preview, save or remove-N.</summary>
    public string? Action { get; set; }

#pragma warning disable CA2227 // the form binds to the list
    public List<CriterionForm> Criteria { get; set; } = [];
#pragma warning restore CA2227

    public static BuilderForm From(CohortBuilderForm form) => new()
    {
        Title = form.Title,
        Description = form.Description,
        AgeFrom = form.AgeFrom?.ToString(CultureInfo.InvariantCulture),
        AgeTo = form.AgeTo?.ToString(CultureInfo.InvariantCulture),
        Sex = form.Sex,
        Criteria = [.. form.Criteria.Select(CriterionForm.From)],
    };

    /// <summary>
    /// The service's form, adding an error (by field id) for each box that cannot be read. Criteria with no codelist
    /// and no codes are left out; <paramref name="indexes"/> maps the service's criterion numbers back to this form's.
    /// </summary>
    public CohortBuilderForm Read(FormErrors errors, out List<int> indexes)
    {
        indexes = [];
        var form = new CohortBuilderForm
        {
            Title = Title?.Trim() ?? string.Empty,
            Description = Description?.Trim() ?? string.Empty,
            AgeFrom = ReadWhole(AgeFrom, "age-from", "Enter the youngest age as a whole number, like 40", errors),
            AgeTo = ReadWhole(AgeTo, "age-to", "Enter the oldest age as a whole number, like 74", errors),
            Sex = string.IsNullOrWhiteSpace(Sex) ? null : Sex,
        };
        for (var i = 0; i < Criteria.Count; i++)
        {
            if (!Criteria[i].IsBlank)
            {
                form.Criteria.Add(Criteria[i].Read(i, errors));
                indexes.Add(i);
            }
        }

        return form;
    }

    /// <summary>The id of the field a service error key names ("Criteria[0].Days" → "criteria-2-days" when it is the form's third).</summary>
    public static string FieldId(string key, IReadOnlyList<int> indexes)
    {
        if (!key.StartsWith("Criteria[", StringComparison.Ordinal))
        {
            return key switch
            {
                "Title" => "title",
                "Description" => "description",
                "AgeFrom" => "age-from",
                "AgeTo" => "age-to",
                "Sex" => "sex",
                _ => "add-criterion",
            };
        }

        var close = key.IndexOf(']', StringComparison.Ordinal);
        var n = int.Parse(key["Criteria[".Length..close], CultureInfo.InvariantCulture);
        var i = n < indexes.Count ? indexes[n] : n;
        return key[(close + 1)..] switch
        {
            ".CodelistId" => CriterionForm.Id(i, "codelist"),
            ".Codes" => CriterionForm.Id(i, "codes"),
            ".Days" => CriterionForm.Id(i, "days"),
            ".Since" => CriterionForm.Id(i, "since-day"),
            ".Comparison" => CriterionForm.Id(i, "comparison"),
            ".Value" => CriterionForm.Id(i, "value"),
            _ => CriterionForm.Id(i, "table"),
        };
    }

    internal static int? ReadWhole(string? text, string fieldId, string message, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(fieldId, message);
        return null;
    }
}

/// <summary>One criterion of the builder page's form, as typed.</summary>
public sealed class CriterionForm
{
    public string? Table { get; set; } = nameof(CriterionTable.ClinicalEvents);

    public string? Presence { get; set; } = nameof(CriterionPresence.MustHave);

    public string? CodelistId { get; set; }

    /// <summary>Codes separated by spaces, commas or new lines.</summary>
    public string? Codes { get; set; }

    public string? When { get; set; } = nameof(CriterionWhen.Ever);

    public string? Days { get; set; }

    public DateParts Since { get; set; } = new();

    public string? Comparison { get; set; }

    public string? Value { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(CodelistId) && string.IsNullOrWhiteSpace(Codes);

    public static string Id(int index, string field) => string.Create(CultureInfo.InvariantCulture, $"criteria-{index}-{field}");

    public static CriterionForm From(CohortCriterion c) => new()
    {
        Table = c.Table.ToString(),
        Presence = c.Presence.ToString(),
        CodelistId = c.CodelistId,
        Codes = string.Join(' ', c.Codes),
        When = c.When.ToString(),
        Days = c.Days?.ToString(CultureInfo.InvariantCulture),
        Since = DateParts.From(c.Since),
        Comparison = c.Comparison?.ToString(),
        Value = c.Value?.ToString(CultureInfo.InvariantCulture),
    };

    public CohortCriterion Read(int index, FormErrors errors)
    {
        var criterion = new CohortCriterion
        {
            Table = ReadChoice<CriterionTable>(Table, index, "table", "Choose where to look: clinical events or medicines", errors),
            Presence = ReadChoice<CriterionPresence>(Presence, index, "presence", "Choose must have or must not have", errors),
            CodelistId = string.IsNullOrWhiteSpace(CodelistId) ? null : CodelistId.Trim(),
            Codes = [.. (Codes ?? string.Empty).Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)],
            When = ReadChoice<CriterionWhen>(When, index, "when", "Choose when the records count", errors),
        };
        if (criterion.When == CriterionWhen.InLastDays)
        {
            criterion.Days = BuilderForm.ReadWhole(Days, Id(index, "days"), "Enter the number of days as a whole number, like 365", errors);
        }

        if (criterion.When == CriterionWhen.OnOrAfter && !Since.IsBlank())
        {
            if (Since.TryReadDate("The date records count from", out var since, out var error))
            {
                criterion.Since = since;
            }
            else
            {
                errors.Add(Id(index, "since-day"), error!);
            }
        }

        if (!string.IsNullOrWhiteSpace(Comparison))
        {
            criterion.Comparison = ReadChoice<ValueComparison>(Comparison, index, "comparison", "Choose a comparison from the list", errors);
        }

        if (!string.IsNullOrWhiteSpace(Value))
        {
            if (double.TryParse(Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                criterion.Value = value;
            }
            else
            {
                errors.Add(Id(index, "value"), "Enter the value as a number, like 7.5");
            }
        }

        return criterion;
    }

    private static T ReadChoice<T>(string? text, int index, string field, string message, FormErrors errors)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(text, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        errors.Add(Id(index, field), message);
        return default;
    }
}

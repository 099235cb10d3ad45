using System.Text.Json.Serialization;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>
/// The cohort builder's form: a base population (age range on the index date, sex) and criteria on codes, each
/// "must have" or "must not have", with a time window and an optional test of the latest matching value. Mutable so
/// that pages can bind to it; <see cref="CohortBuilder"/> turns it into a definition.
/// </summary>
public sealed class CohortBuilderForm
{
    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    /// <summary>Youngest age (whole years on the index date) included; null for no lower limit.</summary>
    public int? AgeFrom { get; set; }

    /// <summary>Oldest age included; null for no upper limit.</summary>
    public int? AgeTo { get; set; }

    /// <summary><c>female</c>, <c>male</c>, <c>other</c>, <c>unknown</c>, or null for any.</summary>
    public string? Sex { get; set; }

    /// <summary>All must hold (and).</summary>
#pragma warning disable CA2227 // pages and JSON bind to the list
    public List<CohortCriterion> Criteria { get; set; } = [];
#pragma warning restore CA2227
}

/// <summary>Which table a criterion looks in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CriterionTable>))]
public enum CriterionTable
{
    /// <summary>Diagnoses, observations, procedures, referrals, care plans and other coded events.</summary>
    ClinicalEvents = 0,

    /// <summary>Medicines issued, on repeat or stated.</summary>
    Medications = 1,
}

/// <summary>Whether the patient must or must not have a matching record.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CriterionPresence>))]
public enum CriterionPresence
{
    /// <summary>At least one matching record.</summary>
    MustHave = 0,

    /// <summary>No matching record.</summary>
    MustNotHave = 1,
}

/// <summary>Which records count, by date (never after the index date).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CriterionWhen>))]
public enum CriterionWhen
{
    /// <summary>Any time up to the index date.</summary>
    Ever = 0,

    /// <summary>In the <see cref="CohortCriterion.Days"/> days up to and including the index date.</summary>
    InLastDays = 1,

    /// <summary>On or after <see cref="CohortCriterion.Since"/> (and not after the index date).</summary>
    OnOrAfter = 2,
}

/// <summary>A test of the latest matching record's value (a medicine's quantity).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValueComparison>))]
public enum ValueComparison
{
    /// <summary>&gt;</summary>
    GreaterThan = 0,

    /// <summary>&gt;=</summary>
    AtLeast = 1,

    /// <summary>&lt;</summary>
    LessThan = 2,

    /// <summary>&lt;=</summary>
    AtMost = 3,

    /// <summary>=</summary>
    EqualTo = 4,
}

/// <summary>One criterion of a <see cref="CohortBuilderForm"/>: a shipped codelist or typed-in codes.</summary>
public sealed class CohortCriterion
{
    public CriterionTable Table { get; set; }

    /// <summary>A shipped codelist's id (e.g. <c>HYP_COD</c>); or leave empty and type <see cref="Codes"/>.</summary>
    public string? CodelistId { get; set; }

    /// <summary>SNOMED CT or dm+d codes typed in, when no codelist is chosen.</summary>
#pragma warning disable CA2227 // pages and JSON bind to the list
    public List<string> Codes { get; set; } = [];
#pragma warning restore CA2227

    public CriterionPresence Presence { get; set; }

    public CriterionWhen When { get; set; }

    /// <summary>For <see cref="CriterionWhen.InLastDays"/>.</summary>
    public int? Days { get; set; }

    /// <summary>For <see cref="CriterionWhen.OnOrAfter"/>.</summary>
    public DateOnly? Since { get; set; }

    /// <summary>Optional test of the latest matching record's value; needs <see cref="Value"/>.</summary>
    public ValueComparison? Comparison { get; set; }

    public double? Value { get; set; }
}

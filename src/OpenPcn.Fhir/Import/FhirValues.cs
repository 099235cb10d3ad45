using System.Globalization;
using Hl7.Fhir.Model;
using OpenPcn.Core.Features.Population;

namespace OpenPcn.Fhir.Import;

/// <summary>Small readers of FHIR data types: codings, partial dates, references. Firely types stay in here.</summary>
internal static class FhirValues
{
    public const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
    public const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";
    public const int MaxCode = 64;
    public const int MaxSystem = 200;
    public const int MaxDisplay = 300;
    public const int MaxId = 200;

    /// <summary>A chosen coding, or why none could be taken.</summary>
    public readonly record struct PickedCode(string System, string Value, string? Display, string? Problem)
    {
        public bool Ok => Problem is null;
    }

    /// <summary>The SNOMED CT coding when there is one, else the first coding with a code.</summary>
    public static PickedCode Pick(CodeableConcept? concept) => Pick(concept?.Coding);

    public static PickedCode Pick(IEnumerable<Coding>? codings)
    {
        Coding? chosen = null;
        foreach (var coding in codings ?? [])
        {
            if (string.IsNullOrWhiteSpace(coding?.Code))
            {
                continue;
            }

            if (CodeSystems.Normalise(coding.System) == CodeSystems.Snomed)
            {
                chosen = coding;
                break;
            }

            chosen ??= coding;
        }

        return chosen is null ? new PickedCode(string.Empty, string.Empty, null, "missing code") : Make(chosen);
    }

    public static PickedCode Make(Coding coding)
    {
        var system = CodeSystems.Normalise(coding.System);
        var code = coding.Code!.Trim();
        return code.Length > MaxCode ? new PickedCode(system, string.Empty, null, $"code longer than {MaxCode} characters")
            : system.Length > MaxSystem ? new PickedCode(string.Empty, code, null, $"code system longer than {MaxSystem} characters")
            : new PickedCode(system, code, Truncate(coding.Display, MaxDisplay), null);
    }

    /// <summary>The text cut to at most <paramref name="max"/> characters.</summary>
    public static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>Like <see cref="Cut"/>, and null for null or empty text.</summary>
    public static string? Truncate(string? text, int max) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= max ? text : text[..max];

    /// <summary>A FHIR date or dateTime (possibly partial: <c>2020</c>, <c>2020-05</c>) as a date; partial dates take the first day.</summary>
    public static DateOnly? ToDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = value.Trim();
        var formats = s.Length switch
        {
            4 => "yyyy",
            7 => "yyyy-MM",
            _ => "yyyy-MM-dd",
        };
        var text = s.Length >= 10 ? s[..10] : s;
        return DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    public static DateOnly? ToDate(DataType? value) => value switch
    {
        FhirDateTime d => ToDate(d.Value),
        Hl7.Fhir.Model.Date d => ToDate(d.Value),
        Instant i => i.Value is { } v ? DateOnly.FromDateTime(v.DateTime) : null,
        Period p => ToDate(p.Start),
        _ => null,
    };

    public static DateOnly? ToEnd(DataType? value) => value switch
    {
        Period p => ToDate(p.End),
        _ => null,
    };

    public static PatientRef? Patient(ResourceReference? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var nhs = reference.Identifier is { } id && id.System == NhsNumberSystem ? id.Value : null;
        var target = Normalise(reference.Reference, "Patient");
        return target is null && nhs is null ? null : new PatientRef(target, nhs);
    }

    public static OrgRef? Organisation(ResourceReference? reference)
    {
        if (reference is null)
        {
            return null;
        }

        var ods = reference.Identifier is { } id && id.System == OdsSystem ? id.Value?.Trim() : null;
        var target = Normalise(reference.Reference, "Organization");
        return target is null && ods is null ? null : new OrgRef(target, ods);
    }

    /// <summary>
    /// <c>Patient/1</c>, <c>https://server/fhir/Patient/1/_history/2</c> → <c>Patient/1</c>; <c>urn:uuid:…</c> and
    /// <c>#contained</c> as given; a reference to another type → null.
    /// </summary>
    public static string? Normalise(string? reference, string type)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var r = reference.Trim();
        if (r.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) || r.StartsWith('#'))
        {
            return r;
        }

        var history = r.IndexOf("/_history", StringComparison.Ordinal);
        if (history >= 0)
        {
            r = r[..history];
        }

        var marker = type + "/";
        var at = r.StartsWith(marker, StringComparison.Ordinal) ? 0 : r.LastIndexOf("/" + marker, StringComparison.Ordinal) + 1;
        if (at < 0 || (at == 0 && !r.StartsWith(marker, StringComparison.Ordinal)))
        {
            return null;
        }

        var id = r[(at + marker.Length)..];
        return id.Length == 0 || id.Contains('/', StringComparison.Ordinal) ? null : marker + id;
    }

    public static string? Extension(DomainResource resource, string url) =>
        resource.Extension.Find(e => e.Url == url)?.Value switch
        {
            FhirString s => s.Value,
            Hl7.Fhir.Model.Code c => c.Value,
            Integer i => i.Value?.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
}

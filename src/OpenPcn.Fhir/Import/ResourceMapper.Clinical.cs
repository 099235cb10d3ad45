using Hl7.Fhir.Model;
using OpenPcn.Core.Features.Population;
using static OpenPcn.Fhir.Import.FhirValues;

namespace OpenPcn.Fhir.Import;

internal sealed partial class ResourceMapper
{
    private ImportItem MapClinical(ImportItem item, Resource resource)
    {
        var (subject, result) = resource switch
        {
            Condition c => (c.Subject, Event(EventKind.Condition, Pick(c.Code), ToDate(c.Onset) ?? ToDate(c.RecordedDate), ToDate(c.Abatement) ?? ToEnd(c.Abatement),
                Pick(c.ClinicalStatus).Value)),
            Observation o => (o.Subject, Observation(o)),
            Procedure p => (p.Subject, Event(EventKind.Procedure, Pick(p.Code), ToDate(p.Performed), ToEnd(p.Performed), Literal(p.Status))),
            ServiceRequest s => (s.Subject, Event(EventKind.Referral, Pick(s.Code), ToDate(s.AuthoredOn), null, Literal(s.Status), Literal(s.Priority))),
            CarePlan c => (c.Subject, Event(EventKind.CarePlan, Pick(c.Category.SelectMany(x => x.Coding)), ToDate(c.Period?.Start) ?? ToDate(c.Created),
                ToDate(c.Period?.End), Literal(c.Status))),
            Appointment a => (a.Participant.Select(x => x.Actor).FirstOrDefault(r => Patient(r)?.Reference?.StartsWith("Patient/", StringComparison.Ordinal) == true || r?.Identifier?.System == NhsNumberSystem)
                    ?? a.Participant.Select(x => x.Actor).FirstOrDefault(r => Patient(r) is not null),
                Event(EventKind.Appointment, a.ServiceType.Count > 0 ? Pick(a.ServiceType.SelectMany(x => x.Coding)) : Pick(a.AppointmentType),
                    a.Start is { } start ? DateOnly.FromDateTime(start.DateTime) : null, null, Literal(a.Status))),
            Immunization i => (i.Patient, Event(EventKind.Immunisation, Pick(i.VaccineCode), ToDate(i.Occurrence) ?? ToDate(i.Recorded), null, Literal(i.Status))),
            AllergyIntolerance a => (a.Patient, Event(EventKind.Allergy, Pick(a.Code), ToDate(a.Onset) ?? ToDate(a.RecordedDate), null, Pick(a.ClinicalStatus).Value)),
            Encounter e => (e.Subject, Event(EventKind.Encounter, e.Type.Count > 0 ? Pick(e.Type.SelectMany(x => x.Coding)) : Pick(e.Class is null ? [] : [e.Class]),
                ToDate(e.Period?.Start), ToDate(e.Period?.End), Literal(e.Status))),
            MedicationRequest m => (m.Subject, MedicationRequest(m)),
            MedicationStatement m => (m.Subject, Medicine(MedicationKind.Statement, MedicineCode(m.Medication, m.Contained),
                ToDate(m.Effective) ?? ToDate(m.DateAsserted), ToEnd(m.Effective), null, null, Literal(m.Status))),
            _ => (null, (Rows: (object?)null, Problem: (string?)"unsupported")),
        };

        item.Subject = Patient(subject);
        if (result.Problem is not null)
        {
            return Reject(item, result.Problem);
        }

        if (item.Subject is null)
        {
            return Reject(item, "unknown patient (no patient reference)");
        }

        item.Kind = ItemKind.Record;
        if (result.Rows is List<EventRow> events)
        {
            item.Events = events;
        }
        else
        {
            item.Medicines = (List<MedicationRow>)result.Rows!;
        }

        return item;
    }

    private static (object? Rows, string? Problem) Event(EventKind kind, PickedCode code, DateOnly? date, DateOnly? end, string? status, string? priority = null)
    {
        if (!code.Ok)
        {
            return (null, code.Problem);
        }

        return date is not { } d
            ? (null, "missing date")
            : (new List<EventRow> { new(kind, code.System, code.Value, code.Display, d, end, null, null, Truncate(status, 40), Truncate(priority, 10)) }, null);
    }

    private static (object? Rows, string? Problem) Observation(Observation o)
    {
        var date = ToDate(o.Effective) ?? ToDate(o.Issued is { } issued ? new Instant(issued) : null);
        if (date is not { } d)
        {
            return (null, "missing date");
        }

        var status = Literal(o.Status);
        var rows = new List<EventRow>();
        foreach (var component in o.Component)
        {
            if (component.Value is Quantity { Value: not null } q && Pick(component.Code) is { Ok: true } cc)
            {
                rows.Add(new EventRow(EventKind.Observation, cc.System, cc.Value, cc.Display, d, ToEnd(o.Effective), q.Value, Unit(q), status, null));
            }
        }

        var code = Pick(o.Code);
        if (rows.Count == 0 || o.Value is Quantity { Value: not null })
        {
            if (!code.Ok)
            {
                return (null, code.Problem);
            }

            var value = o.Value as Quantity;
            rows.Insert(0, new EventRow(EventKind.Observation, code.System, code.Value, code.Display, d, ToEnd(o.Effective), value?.Value,
                value is null ? null : Unit(value), status, null));
        }

        return (rows, null);
    }

    private (object? Rows, string? Problem) MedicationRequest(MedicationRequest m)
    {
        var kind = m.Intent == Hl7.Fhir.Model.MedicationRequest.MedicationRequestIntent.Plan ? MedicationKind.RepeatTemplate : MedicationKind.Issue;
        var quantity = m.DispenseRequest?.Quantity;
        return Medicine(kind, MedicineCode(m.Medication, m.Contained), ToDate(m.AuthoredOn), ToDate(m.DispenseRequest?.ValidityPeriod?.End),
            quantity?.Value, quantity is null ? null : Truncate(quantity.Unit ?? quantity.Code, 60), Literal(m.Status));
    }

    private static (object? Rows, string? Problem) Medicine(MedicationKind kind, PickedCode code, DateOnly? date, DateOnly? end, decimal? quantity,
        string? unit, string? status)
    {
        if (!code.Ok)
        {
            return (null, code.Problem);
        }

        return date is not { } d
            ? (null, "missing date")
            : (new List<MedicationRow> { new(kind, code.System, code.Value, code.Display, d, end, quantity, unit, Truncate(status, 40)) }, null);
    }

    /// <summary>The medicine's code: dm+d preferred, from the CodeableConcept or the referenced (or contained) Medication.</summary>
    private PickedCode MedicineCode(DataType? medication, List<Resource> contained)
    {
        IEnumerable<Coding>? codings = medication switch
        {
            CodeableConcept cc => cc.Coding,
            ResourceReference r when r.Reference?.StartsWith('#') == true =>
                contained.OfType<Medication>().FirstOrDefault(x => "#" + x.Id == r.Reference)?.Code?.Coding,
            ResourceReference r when Normalise(r.Reference, "Medication") is { } key && _medications.TryGetValue(key, out var coding) => [coding],
            _ => null,
        };
        var list = codings?.Where(c => !string.IsNullOrWhiteSpace(c.Code)).ToList() ?? [];
        var dmd = list.Find(c => CodeSystems.Normalise(c.System) == CodeSystems.Dmd);
        return dmd is not null ? Make(dmd) : Pick(list);
    }

    private static string? Unit(Quantity q) => Truncate(q.Code ?? q.Unit, 40);
}

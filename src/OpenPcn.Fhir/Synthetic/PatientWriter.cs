using System.Text.Json;

namespace OpenPcn.Fhir.Synthetic;

/// <summary>Writes a patient, their registration, conditions and the care events around them.</summary>
internal sealed class PatientWriter(PopulationFiles files, string[] practiceCodes, Areas areas)
{
    private static readonly JsonEncodedText NhsNumberSystem = JsonEncodedText.Encode("https://fhir.nhs.uk/Id/nhs-number");
    private static readonly JsonEncodedText OdsSystem = JsonEncodedText.Encode("https://fhir.nhs.uk/Id/ods-organization-code");
    private static readonly JsonEncodedText EthnicUrl = JsonEncodedText.Encode("https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory");
    private static readonly JsonEncodedText LsoaUrl = JsonEncodedText.Encode("https://openpcn.org/fhir/StructureDefinition/lsoa");
    private static readonly JsonEncodedText ImdUrl = JsonEncodedText.Encode("https://openpcn.org/fhir/StructureDefinition/imd-decile");
    private static readonly Code GpRegistration = Code.Sct("24531000000104", string.Empty); // the registration type the import contract names
    private static readonly JsonEncodedText AppointmentTypeSystem = JsonEncodedText.Encode("http://terminology.hl7.org/CodeSystem/v2-0276");

    public void WritePatient(PatientModel p, Rng rng)
    {
        var w = files.Patient.Begin("Patient"u8);
        w.WriteString("id"u8, p.Id);
        w.WritePropertyName("extension"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("url"u8, EthnicUrl);
        Json.Concept(w, "valueCodeableConcept"u8, Ethnicity.Codes[p.Ethnicity]);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("url"u8, LsoaUrl);
        w.WriteString("valueString"u8, areas.Lsoa(p.Area));
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("url"u8, ImdUrl);
        w.WriteNumber("valueInteger"u8, p.ImdDecile);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WritePropertyName("identifier"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("system"u8, NhsNumberSystem);
        w.WriteString("value"u8, p.NhsNumber);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("gender"u8, p.Female ? "female"u8 : "male"u8);
        Json.Date(w, "birthDate"u8, p.BirthDate);
        if (p.Died is { } died)
        {
            Json.DateTime(w, "deceasedDateTime"u8, died, rng.Between(0, 1439));
        }

        w.WritePropertyName("address"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("use"u8, "home"u8);
        w.WriteString("postalCode"u8, Areas.Postcode(p.Area, rng));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WritePropertyName("generalPractitioner"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WriteString("reference"u8, "Organization/" + practiceCodes[p.Practice]);
        w.WritePropertyName("identifier"u8);
        w.WriteStartObject();
        w.WriteString("system"u8, OdsSystem);
        w.WriteString("value"u8, practiceCodes[p.Practice]);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        files.Patient.End();

        w = files.EpisodeOfCare.Begin("EpisodeOfCare"u8);
        w.WriteString("id"u8, Json.Id('r', p.Index, 0));
        w.WriteString("status"u8, p.RegisteredAtAsOf ? "active"u8 : "finished"u8);
        w.WritePropertyName("type"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WritePropertyName("coding"u8);
        w.WriteStartArray();
        Json.Coding(w, GpRegistration);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        Json.Reference(w, "patient"u8, "Patient/" + p.Id);
        Json.Reference(w, "managingOrganization"u8, "Organization/" + practiceCodes[p.Practice]);
        w.WritePropertyName("period"u8);
        w.WriteStartObject();
        Json.Date(w, "start"u8, p.RegisteredFrom);
        if (!p.RegisteredAtAsOf)
        {
            Json.Date(w, "end"u8, p.RecordEnd);
        }

        w.WriteEndObject();
        files.EpisodeOfCare.End();
    }

    /// <summary>Diagnoses (active or resolved), with the cluster's resolved code as a later observation.</summary>
    public void WriteConditions(PatientModel p, ref int n)
    {
        foreach (var c in ConditionCatalogue.All)
        {
            var i = (int)c.Id;
            if (p.Diagnosis[i] is not { } code || p.Onset[i] > p.RecordEnd)
            {
                continue;
            }

            var resolved = p.HadResolved[i] && p.ResolvedOn[i] <= p.RecordEnd;
            var w = files.Condition.Begin("Condition"u8);
            w.WriteString("id"u8, Json.Id('c', p.Index, n++));
            Json.SimpleConcept(w, "clinicalStatus"u8, "http://terminology.hl7.org/CodeSystem/condition-clinical"u8, resolved ? "resolved"u8 : "active"u8);
            Json.Concept(w, "code"u8, code);
            Json.Reference(w, "subject"u8, "Patient/" + p.Id);
            Json.Date(w, "onsetDateTime"u8, p.Onset[i]);
            if (resolved)
            {
                Json.Date(w, "abatementDateTime"u8, p.ResolvedOn[i]);
            }

            files.Condition.End();
            if (resolved)
            {
                ObservationWriter.Coded(files.Observation, p, ref n, c.Resolved!, p.ResolvedOn[i]);
            }
        }
    }

    public void WriteProcedure(PatientModel p, ref int n, Code code, DateOnly date)
    {
        var w = files.Procedure.Begin("Procedure"u8);
        w.WriteString("id"u8, Json.Id('x', p.Index, n++));
        w.WriteString("status"u8, "completed"u8);
        Json.Concept(w, "code"u8, code);
        Json.Reference(w, "subject"u8, "Patient/" + p.Id);
        Json.Date(w, "performedDateTime"u8, date);
        files.Procedure.End();
    }

    public void WriteUrgentReferral(PatientModel p, ref int n, Code code, DateOnly date, bool completed)
    {
        var w = files.ServiceRequest.Begin("ServiceRequest"u8);
        w.WriteString("id"u8, Json.Id('s', p.Index, n++));
        w.WriteString("status"u8, completed ? "completed"u8 : "active"u8);
        w.WriteString("intent"u8, "order"u8);
        w.WriteString("priority"u8, "urgent"u8);
        Json.Concept(w, "code"u8, code);
        Json.Reference(w, "subject"u8, "Patient/" + p.Id);
        Json.Date(w, "authoredOn"u8, date);
        files.ServiceRequest.End();
    }

    public void WriteCarePlan(PatientModel p, ref int n, DateOnly date)
    {
        var w = files.CarePlan.Begin("CarePlan"u8);
        w.WriteString("id"u8, Json.Id('k', p.Index, n++));
        w.WriteString("status"u8, "active"u8);
        w.WriteString("intent"u8, "plan"u8);
        w.WritePropertyName("category"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        w.WritePropertyName("coding"u8);
        w.WriteStartArray();
        Json.Coding(w, Codes.CarePlan);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("title"u8, "Care home personalised care and support plan"u8);
        Json.Reference(w, "subject"u8, "Patient/" + p.Id);
        w.WritePropertyName("period"u8);
        w.WriteStartObject();
        Json.Date(w, "start"u8, date);
        w.WriteEndObject();
        Json.Date(w, "created"u8, date);
        files.CarePlan.End();
    }

    public void WriteAppointment(PatientModel p, ref int n, DateOnly date, Rng rng)
    {
        var w = files.Appointment.Begin("Appointment"u8);
        w.WriteString("id"u8, Json.Id('a', p.Index, n++));
        var x = rng.NextDouble();
        w.WriteString("status"u8, x < 0.92 ? "fulfilled"u8 : x < 0.97 ? "noshow"u8 : "cancelled"u8);
        var type = rng.NextDouble();
        Json.SimpleConcept(w, "appointmentType"u8, AppointmentTypeSystem.EncodedUtf8Bytes, type < 0.7 ? "ROUTINE"u8 : type < 0.9 ? "FOLLOWUP"u8 : "WALKIN"u8);
        var minute = (8 * 60) + (10 * rng.Next(54));
        Json.DateTime(w, "start"u8, date, minute);
        Json.DateTime(w, "end"u8, date, minute + 10);
        w.WritePropertyName("participant"u8);
        w.WriteStartArray();
        w.WriteStartObject();
        Json.Reference(w, "actor"u8, "Patient/" + p.Id);
        w.WriteString("status"u8, "accepted"u8);
        w.WriteEndObject();
        w.WriteEndArray();
        files.Appointment.End();
    }
}

using System.Collections.Frozen;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Schema;

/// <summary>
/// The tables every definition can see. They are views of the records the FHIR import fills (one network at a
/// time); <c>Engines/Sql</c> maps each column onto the physical table.
/// </summary>
public static class CohortTables
{
    /// <summary>One row per patient of the network, alive or dead, registered now or before.</summary>
    public static CohortTable Patients { get; } = new(
        "patients",
        isPatientTable: true,
        "One row per person registered (now or before) at a member practice.",
        new CohortColumn("date_of_birth", CohortType.Date, "Date of birth."),
        new CohortColumn("sex", CohortType.Text, "Administrative gender: female, male, other or unknown."),
        new CohortColumn("ethnic_category", CohortType.Text, "NHS Data Dictionary ethnic category letter (A–Z), when recorded."),
        new CohortColumn("lsoa", CohortType.Text, "Lower layer super output area (2021) of the address, when known."),
        new CohortColumn("deprivation_decile", CohortType.Integer, "IMD decile of the LSOA: 1 most deprived, 10 least."),
        new CohortColumn("date_of_death", CohortType.Date, "Date of death, when the person has died."),
        new CohortColumn("practice", CohortType.Text, "ODS code of the practice of the latest registration."));

    /// <summary>Periods of registration at a practice.</summary>
    public static CohortTable Registrations { get; } = new(
        "registrations",
        isPatientTable: false,
        "Periods of registration at a practice.",
        new CohortColumn("practice", CohortType.Text, "ODS code of the practice."),
        new CohortColumn("start_date", CohortType.Date, "First day registered, when known."),
        new CohortColumn("end_date", CohortType.Date, "Last day registered; null while the registration is open."));

    /// <summary>Coded entries in the record: diagnoses, findings, measurements, procedures, referrals, care plans.</summary>
    public static CohortTable ClinicalEvents { get; } = new(
        "clinical_events",
        isPatientTable: false,
        "Coded entries in the GP record: conditions, observations (one row per blood-pressure component), procedures, referrals, care plans, appointments, immunisations, allergies, encounters.",
        new CohortColumn("kind", CohortType.Text, "condition, observation, procedure, referral, care_plan, appointment, immunisation, allergy or encounter."),
        new CohortColumn("code", CohortType.Text, "The code (SNOMED CT concept id for most entries)."),
        new CohortColumn("date", CohortType.Date, "When it was recorded, took place or started."),
        new CohortColumn("end_date", CohortType.Date, "When it ended (a resolved condition, an ended care plan), when known."),
        new CohortColumn("value", CohortType.Decimal, "The numeric value of a measurement."),
        new CohortColumn("unit", CohortType.Text, "The unit of the value."),
        new CohortColumn("status", CohortType.Text, "The status as recorded (e.g. active, completed)."),
        new CohortColumn("priority", CohortType.Text, "A referral's priority (e.g. urgent)."));

    /// <summary>Prescriptions issued, repeat templates and medication statements (dm+d where known).</summary>
    public static CohortTable Medications { get; } = new(
        "medications",
        isPatientTable: false,
        "Medicines: prescriptions issued, repeat templates and medication statements, coded in dm+d where known.",
        new CohortColumn("kind", CohortType.Text, "issue, repeat_template or statement."),
        new CohortColumn("code", CohortType.Text, "The dm+d code (VMP or AMP) or the code as received."),
        new CohortColumn("date", CohortType.Date, "When issued, authorised or stated."),
        new CohortColumn("end_date", CohortType.Date, "When a repeat template or statement ended, when known."),
        new CohortColumn("quantity", CohortType.Decimal, "Quantity issued."),
        new CohortColumn("status", CohortType.Text, "The status as recorded (e.g. active, stopped)."));

    /// <summary>Every table, in documented order.</summary>
    public static IReadOnlyList<CohortTable> All { get; } = [Patients, Registrations, ClinicalEvents, Medications];

    private static readonly FrozenDictionary<string, CohortTable> ByName = All.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The table called <paramref name="name"/>.</summary>
    /// <exception cref="CohortModelException">There is no such table.</exception>
    public static CohortTable Named(string name) =>
        ByName.TryGetValue(name, out var table)
            ? table
            : throw new CohortModelException($"There is no table {name}; the tables are {string.Join(", ", All.Select(t => t.Name))}.");
}

using OpenPcn.Core.Features.Network;

namespace OpenPcn.Core.Features.Population;

/// <summary>Age bands the patient list filters by.</summary>
public enum AgeBand
{
    Under18 = 1,
    From18To64 = 2,
    From65To79 = 3,
    From80 = 4,
}

/// <summary>
/// A search of the network's patients. We store no names, so a person is found by NHS number (exact and checked) or
/// listed by practice and age band.
/// </summary>
public sealed record PatientSearch(string? NhsNumber = null, PracticeCode? Practice = null, AgeBand? AgeBand = null, int Page = 1, int PageSize = 50);

public sealed record PracticeOption(PracticeCode Code, string Name);

public sealed record PatientListItem(long PatientId, NhsNumber NhsNumber, PracticeCode PracticeCode, string PracticeName, int Age, Sex Sex, bool Deceased);

public sealed record PatientDemographics(
    long PatientId,
    NhsNumber NhsNumber,
    DateOnly DateOfBirth,
    int Age,
    Sex Sex,
    PracticeCode PracticeCode,
    string PracticeName,
    string? EthnicCategory,
    string? Lsoa,
    byte? DeprivationDecile,
    DateOnly? DateOfDeath);

public sealed record RegistrationRow(PracticeCode PracticeCode, string PracticeName, DateOnly? Start, DateOnly? End);

public sealed record ProblemRow(string Code, string? Display, DateOnly Onset, DateOnly? Resolved, bool Active);

/// <summary>The latest value of one code; a blood pressure is one row with both figures (<see cref="Text"/> <c>132/84</c>).</summary>
public sealed record ObservationRow(string Code, string? Display, DateOnly Date, string Text, string? Unit);

public sealed record MedicineRow(string Code, string? Display, MedicationKind Kind, DateOnly Date, decimal? Quantity, string? QuantityUnit);

/// <summary>The latest care-home code in the record and what kind of home it names.</summary>
public sealed record CareHomeStatus(string Code, string? Display, string Kind, DateOnly Date);

public sealed record ReferralRow(string Code, string? Display, DateOnly Date, string? Priority, bool Urgent, string? Status);

public sealed record CarePlanRow(string Code, string? Display, DateOnly Date, DateOnly? End, string? Status);

/// <summary>One patient's record as the record page and API show it.</summary>
public sealed record PatientRecord(
    PatientDemographics Demographics,
    IReadOnlyList<RegistrationRow> Registrations,
    IReadOnlyList<ProblemRow> Problems,
    IReadOnlyList<ObservationRow> LatestObservations,
    IReadOnlyList<MedicineRow> CurrentMedicines,
    CareHomeStatus? CareHome,
    IReadOnlyList<ReferralRow> RecentReferrals,
    IReadOnlyList<CarePlanRow> CarePlans);

/// <summary>Codes the record view reads by meaning. Care-home codes are those of the CAREHOME_COD cluster we know.</summary>
public static class RecordCodes
{
    public static readonly IReadOnlySet<string> Systolic = new HashSet<string>(StringComparer.Ordinal) { "72313002", "271649006", "163030003", "8480-6" };

    public static readonly IReadOnlySet<string> Diastolic = new HashSet<string>(StringComparer.Ordinal) { "1091811000000102", "271650006", "163031004", "8462-4" };

    /// <summary>
    /// The CAREHOME_COD cluster (NHS Digital primary care domain refset, 21 codes) with the kind of home each names.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> CareHome = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["160734000"] = NursingHome,
        ["185218006"] = NursingHome,
        ["193081000000106"] = NursingHome,
        ["193231000000103"] = NursingHome,
        ["299701000000103"] = NursingHome,
        ["306694006"] = NursingHome,
        ["306695007"] = NursingHome,
        ["763301000000108"] = NursingHome,
        ["838691000000105"] = NursingHome,
        ["394923006"] = ResidentialHome,
        ["160737007"] = ResidentialHome,
        ["275691001"] = ResidentialHome,
        ["751801000000106"] = ResidentialHome,
        ["248171000000108"] = CareHomeKind,
        ["185219003"] = CareHomeKind,
        ["1078511000000102"] = CareHomeKind,
        ["1129891000000107"] = CareHomeKind,
        ["719023008"] = CareHomeKind,
        ["889311000000109"] = CareHomeKind,
        ["889331000000101"] = CareHomeKind,
        ["889351000000108"] = CareHomeKind,
    };

    private const string NursingHome = "Nursing home";
    private const string ResidentialHome = "Residential home";
    private const string CareHomeKind = "Care home";

    /// <summary>Referral priorities that mean "faster than routine".</summary>
    public static bool IsUrgent(string? priority) => priority is "urgent" or "asap" or "stat";

    /// <summary>A condition's clinical status that means it no longer applies.</summary>
    public static bool IsResolvedStatus(string? status) => status is "resolved" or "inactive" or "remission" or "refuted" or "entered-in-error";

    public static string AgeBandText(AgeBand band) => band switch
    {
        AgeBand.Under18 => "Under 18",
        AgeBand.From18To64 => "18 to 64",
        AgeBand.From65To79 => "65 to 79",
        AgeBand.From80 => "80 and over",
        _ => band.ToString(),
    };
}

using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;

namespace OpenPcn.Fhir.Import;

/// <summary>What the reader made of one resource; the writer acts on it. Holds no Firely type.</summary>
internal enum ItemKind
{
    /// <summary>Refused with <see cref="ImportItem.Reason"/> (quarantined).</summary>
    Rejected = 0,

    /// <summary>A resource type OpenPCN does not keep, or one it only reads to resolve others (Medication).</summary>
    Skipped = 1,

    Organisation = 2,
    Patient = 3,
    Episode = 4,
    Record = 5,
}

/// <summary>
/// One resource as the writer sees it: its identity, content hash, where it was, and what it becomes. Built by the
/// reader (which owns the Firely parse) and consumed by the writer (which owns the database).
/// </summary>
internal sealed class ImportItem
{
    public required string File { get; init; }

    public required string Location { get; init; }

    public ItemKind Kind { get; set; }

    public string? ResourceType { get; init; }

    public string? LogicalId { get; set; }

    /// <summary>The bundle entry's fullUrl, when there is one (references may use it).</summary>
    public string? FullUrl { get; init; }

    public long Hash { get; init; }

    public DateTimeOffset? LastUpdated { get; set; }

    public string? Reason { get; set; }

    /// <summary>Whose record it is (clinical resources and episodes).</summary>
    public PatientRef? Subject { get; set; }

    public OrganisationData? Organisation { get; set; }

    public PatientData? Patient { get; set; }

    public EpisodeData? Episode { get; set; }

    public List<EventRow>? Events { get; set; }

    public List<MedicationRow>? Medicines { get; set; }

    public static ImportItem Reject(string file, string location, string? type, string? id, string reason) =>
        new() { File = file, Location = location, ResourceType = type, LogicalId = id, Kind = ItemKind.Rejected, Reason = reason };
}

/// <summary>A reference to a patient: <c>Patient/id</c> or a fullUrl, and/or an NHS number identifier.</summary>
internal sealed record PatientRef(string? Reference, string? NhsNumber);

/// <summary>A reference to an organisation: <c>Organization/id</c> or a fullUrl, and/or an ODS code.</summary>
internal sealed record OrgRef(string? Reference, string? OdsCode);

internal sealed record OrganisationData(string OdsCode, string Name, OrgRef? PartOf, Geography? Geography, string? Postcode,
    IReadOnlyList<ListSizeData> ListSizes);

internal sealed record ListSizeData(DateOnly CensusDate, int Registered, decimal? Weighted);

internal sealed record PatientData(NhsNumber NhsNumber, DateOnly DateOfBirth, Sex Sex, string? EthnicCategory, string? Postcode,
    string? Lsoa, byte? DeprivationDecile, DateOnly? DateOfDeath, OrgRef? GeneralPractice);

internal sealed record EpisodeData(OrgRef? ManagingOrganisation, bool IsRegistration, DateOnly? Start, DateOnly? End);

internal sealed record EventRow(EventKind Kind, string CodeSystem, string Code, string? Display, DateOnly Date, DateOnly? EndDate,
    decimal? Value, string? Unit, string? Status, string? Priority);

internal sealed record MedicationRow(MedicationKind Kind, string CodeSystem, string Code, string? Display, DateOnly Date, DateOnly? EndDate,
    decimal? Quantity, string? QuantityUnit, string? Status);

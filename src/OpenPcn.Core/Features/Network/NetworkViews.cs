namespace OpenPcn.Core.Features.Network;

// What pages, the API and the CLI show. Plain records: the API serialises them as they are.

public sealed record NetworkOverview(
    PcnSummary Pcn,
    NetworkTotals Totals,
    IReadOnlyList<PracticeRow> Practices,
    IReadOnlyList<FormationCheck> FormationChecks,
    IReadOnlyList<ClinicalDirectorView> ClinicalDirectors,
    IReadOnlyList<PopulationPoint> PopulationHistory,
    int PartnerCount,
    bool PracticeScoped);

public sealed record PcnSummary(
    PcnCode Code,
    string Name,
    string IcbCode,
    string IcbName,
    string SubIcbCode,
    string SubIcbName,
    bool IsDemo,
    NominatedPayee? NominatedPayee,
    PopulationVariation PopulationVariation,
    string? PopulationVariationNote);

/// <summary>
/// The network's population: each current member practice's latest list size, added up. <see cref="CensusDate"/> is
/// the latest census date among them; <see cref="MixedCensusDates"/> says when practices' latest dates differ.
/// </summary>
public sealed record NetworkTotals(
    int PracticeCount,
    DateOnly? CensusDate,
    bool MixedCensusDates,
    int Registered,
    decimal? Weighted,
    decimal? Adjusted);

public sealed record PracticeRow(
    PracticeCode Code,
    string Name,
    string Postcode,
    ClinicalSystem ClinicalSystem,
    bool IsCurrentMember,
    DateOnly? MemberSince,
    DateOnly? CensusDate,
    int? Registered,
    decimal? Weighted,
    decimal? Adjusted,
    string? MemberSinceBasis = null);

/// <summary>The network's total on one census date, over the practices that have a figure on that date.</summary>
public sealed record PopulationPoint(DateOnly CensusDate, int Registered, decimal? Weighted, int Practices);

public sealed record PracticeDetail(
    PracticeCode Code,
    string Name,
    string Postcode,
    ClinicalSystem ClinicalSystem,
    string IcbCode,
    string IcbName,
    string SubIcbCode,
    string SubIcbName,
    bool IsCurrentMember,
    IReadOnlyList<MembershipView> Memberships,
    IReadOnlyList<ListSizeView> ListSizes);

/// <param name="StartDate">First day as a member.</param>
/// <param name="EndDate">Last day as a member; empty while current.</param>
/// <param name="IsCurrent">A member today.</param>
/// <param name="StartBasis">Where the start date came from when it is evidence, not a known fact.</param>
public sealed record MembershipView(DateOnly StartDate, DateOnly? EndDate, bool IsCurrent, string? StartBasis = null);

public sealed record ListSizeView(DateOnly CensusDate, int Registered, decimal? Weighted, decimal? Adjusted, string Source);

public sealed record PartnerView(Guid PartnerId, string Name, PartnerKind Kind, string KindName, OdsCode? OdsCode, DateOnly StartDate, DateOnly? EndDate, bool IsCurrent, string? Contact);

public sealed record ClinicalDirectorView(Guid ClinicalDirectorId, string Name, PracticeCode? PracticeCode, decimal FundedSessionsPerWeek, DateOnly StartDate, DateOnly? EndDate, bool IsCurrent);

/// <summary>The network's partners: its Core Network Practices and the other partner organisations.</summary>
public sealed record PartnersView(IReadOnlyList<PracticeRow> CoreNetworkPractices, IReadOnlyList<PartnerView> OtherPartners);

// Inputs

public sealed record NewPracticeInput(PracticeCode Code, string Name, string Postcode, ClinicalSystem ClinicalSystem, DateOnly MemberFrom);

public sealed record PracticeUpdateInput(string Name, string Postcode, ClinicalSystem ClinicalSystem);

public sealed record MembershipInput(DateOnly StartDate, DateOnly? EndDate);

public sealed record ListSizeInput(DateOnly CensusDate, int Registered, decimal? Weighted, decimal? Adjusted);

public sealed record PartnerInput(string Name, PartnerKind Kind, OdsCode? OdsCode, DateOnly StartDate, DateOnly? EndDate, string? Contact);

public sealed record ClinicalDirectorInput(string Name, PracticeCode? PracticeCode, decimal FundedSessionsPerWeek, DateOnly StartDate, DateOnly? EndDate);

public sealed record NominatedPayeeInput(string OrganisationCode, string Name);

public sealed record PopulationVariationInput(PopulationVariation Variation, string? Note);

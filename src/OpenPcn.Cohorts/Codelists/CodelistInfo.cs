namespace OpenPcn.Cohorts.Codelists;

/// <summary>One entry of the shipped codelist manifest (<c>data/codelists/codelists.csv</c>).</summary>
/// <param name="Id">The id definitions use, e.g. <c>HYP_COD</c>.</param>
/// <param name="Version">The OpenCodelists version (a release date or hash), or <c>unrecorded-</c> and the commit it was copied from.</param>
/// <param name="File">The file under the data folder (e.g. <c>codelists/nhsd-primary-care-domain-refsets-hyp_cod.csv</c>); null for a local list whose codes are in the manifest.</param>
/// <param name="RefsetId">The NHS primary care domain refset id where known, else null.</param>
/// <param name="Description">What the codelist is, in words.</param>
/// <param name="CodeCount">How many distinct codes it has.</param>
/// <param name="IsLocal">True for a local list not taken from a published source (and not clinically checked).</param>
public sealed record CodelistInfo(
    string Id,
    string Version,
    string? File,
    string? RefsetId,
    string Description,
    int CodeCount,
    bool IsLocal);

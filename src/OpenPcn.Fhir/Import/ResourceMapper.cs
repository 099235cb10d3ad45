using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;
using static OpenPcn.Fhir.Import.FhirValues;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// Turns one parsed FHIR resource into an <see cref="ImportItem"/> per docs/fhir-import.md. Stateless except for the
/// Medication resources seen so far (to resolve medication references); patient and organisation references are
/// resolved later by the writer, which knows what is stored.
/// </summary>
internal sealed partial class ResourceMapper
{
    private const string EthnicCategoryUrl = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory";
    private const string LsoaUrl = "https://openpcn.org/fhir/StructureDefinition/lsoa";
    private const string ImdUrl = "https://openpcn.org/fhir/StructureDefinition/imd-decile";
    private const string GeographyUrl = "https://openpcn.org/fhir/StructureDefinition/pcn-geography";
    private const string ListSizeUrl = "https://openpcn.org/fhir/StructureDefinition/list-size";
    private const string GpRegistrationType = "24531000000104";

    // Medication id or fullUrl → its code; a bulk export lists Medication before the resources that refer to it.
    // Mapping runs on one thread, in file order (NDJSON lines are only parsed in parallel).
    private readonly Dictionary<string, Coding> _medications = new(StringComparer.Ordinal);

    /// <summary>Resource types the import keeps (or reads to resolve others); anything else is skipped.</summary>
    public static bool IsSupported(string type) => type is "Organization" or "Patient" or "EpisodeOfCare" or "Medication"
        or "Condition" or "Observation" or "Procedure" or "ServiceRequest" or "CarePlan" or "Appointment" or "Immunization"
        or "AllergyIntolerance" or "Encounter" or "MedicationRequest" or "MedicationStatement";

    public ImportItem Map(Resource resource, string file, string location, long hash, string? fullUrl)
    {
        var type = resource.TypeName;
        var id = string.IsNullOrWhiteSpace(resource.Id) ? fullUrl ?? "hash:" + hash.ToString("x16", CultureInfo.InvariantCulture) : resource.Id.Trim();
        var item = new ImportItem
        {
            File = file,
            Location = location,
            ResourceType = type,
            LogicalId = id,
            FullUrl = fullUrl,
            Hash = hash,
            LastUpdated = resource.Meta?.LastUpdated,
        };
        if (id.Length > MaxId)
        {
            item.LogicalId = id[..MaxId];
            return Reject(item, $"id longer than {MaxId} characters");
        }

        try
        {
            return resource switch
            {
                Organization o => MapOrganisation(item, o),
                Hl7.Fhir.Model.Patient p => MapPatient(item, p),
                EpisodeOfCare e => MapEpisode(item, e),
                Medication m => RememberMedication(item, m, fullUrl),
                _ when IsSupported(type) => MapClinical(item, resource),
                _ => Skip(item),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A value of the wrong shape Firely let through in recoverable mode; the reason names no patient value.
            return Reject(item, "malformed value: " + e.GetType().Name);
        }
    }

    private static ImportItem Reject(ImportItem item, string reason)
    {
        item.Kind = ItemKind.Rejected;
        item.Reason = reason;
        return item;
    }

    private static ImportItem Skip(ImportItem item)
    {
        item.Kind = ItemKind.Skipped;
        return item;
    }

    private static ImportItem MapOrganisation(ImportItem item, Organization o)
    {
        var ods = o.Identifier.Find(i => i.System == OdsSystem)?.Value?.Trim();
        if (string.IsNullOrEmpty(ods) || !(PcnCode.TryParse(ods, out _) || PracticeCode.TryParse(ods, out _)))
        {
            // Trusts, pharmacies, the ICB: organisations a record mentions but the network does not consist of.
            return Skip(item);
        }

        Geography? geography = null;
        if (o.Extension.Find(e => e.Url == GeographyUrl) is { } g)
        {
            string Part(string url) => (g.Extension.Find(x => x.Url == url)?.Value as FhirString)?.Value?.Trim() ?? string.Empty;
            geography = new Geography(Cut(Part("icb-code"), 10), Cut(Part("icb-name"), 200), Cut(Part("sub-icb-code"), 10), Cut(Part("sub-icb-name"), 200));
        }

        var sizes = new List<ListSizeData>();
        foreach (var e in o.Extension.Where(e => e.Url == ListSizeUrl))
        {
            var census = ToDate((e.Extension.Find(x => x.Url == "census-date")?.Value as Hl7.Fhir.Model.Date)?.Value);
            var registered = (e.Extension.Find(x => x.Url == "registered")?.Value as Integer)?.Value;
            var weighted = (e.Extension.Find(x => x.Url == "weighted")?.Value as FhirDecimal)?.Value;
            if (census is { } c && registered is { } r and >= 0 && weighted is null or >= 0)
            {
                sizes.Add(new ListSizeData(c, r, weighted));
            }
        }

        var postcode = o.Address.FirstOrDefault()?.PostalCode?.Trim();
        item.Kind = ItemKind.Organisation;
        item.Organisation = new OrganisationData(ods.ToUpperInvariant(), Cut(o.Name?.Trim() is { Length: > 0 } n ? n : ods, 200),
            Organisation(o.PartOf), geography, postcode is { Length: <= 8 } ? postcode.ToUpperInvariant() : null, sizes);
        return item;
    }

    private static ImportItem MapPatient(ImportItem item, Hl7.Fhir.Model.Patient p)
    {
        var nhsIdentifier = p.Identifier.Find(i => i.System == NhsNumberSystem && !string.IsNullOrWhiteSpace(i.Value));
        if (nhsIdentifier is null)
        {
            return Reject(item, "no NHS number");
        }

        if (!NhsNumber.TryParse(nhsIdentifier.Value, out var nhs))
        {
            return Reject(item, "invalid NHS number");
        }

        if (ToDate(p.BirthDate) is not { } birth)
        {
            return Reject(item, "missing date (birthDate)");
        }

        var ethnic = (p.Extension.Find(e => e.Url == EthnicCategoryUrl)?.Value as CodeableConcept)?.Coding
            .Find(c => !string.IsNullOrWhiteSpace(c.Code))?.Code?.Trim();
        var home = p.Address.Find(a => a.Use == Address.AddressUse.Home) ?? p.Address.FirstOrDefault();
        var postcode = home?.PostalCode?.Trim().ToUpperInvariant();
        var lsoa = Extension(p, LsoaUrl)?.Trim();
        var imd = Extension(p, ImdUrl) is { } d && byte.TryParse(d, CultureInfo.InvariantCulture, out var decile) && decile is >= 1 and <= 10 ? decile : (byte?)null;
        var death = p.Deceased switch
        {
            FhirDateTime dt => ToDate(dt.Value),
            _ => null,
        };
        var sex = p.Gender switch
        {
            AdministrativeGender.Female => Sex.Female,
            AdministrativeGender.Male => Sex.Male,
            AdministrativeGender.Other => Sex.Other,
            _ => Sex.Unknown,
        };
        var gp = p.GeneralPractitioner.Select(Organisation).FirstOrDefault(r => r is not null);
        item.Kind = ItemKind.Patient;
        item.Patient = new PatientData(nhs, birth, sex, ethnic is { Length: <= 2 } ? ethnic : null, postcode is { Length: <= 8 } ? postcode : null,
            lsoa is { Length: <= 9 } ? lsoa : null, imd, death, gp);
        return item;
    }

    private static ImportItem MapEpisode(ImportItem item, EpisodeOfCare e)
    {
        item.Subject = Patient(e.Patient);
        if (item.Subject is null)
        {
            return Reject(item, "unknown patient (no patient reference)");
        }

        var registration = e.Type.Exists(t => t.Coding.Exists(c => c.Code == GpRegistrationType));
        item.Kind = ItemKind.Episode;
        item.Episode = new EpisodeData(Organisation(e.ManagingOrganization), registration, ToDate(e.Period?.Start), ToDate(e.Period?.End));
        return item;
    }

    private ImportItem RememberMedication(ImportItem item, Medication m, string? fullUrl)
    {
        var coding = m.Code?.Coding.Find(c => CodeSystems.Normalise(c.System) == CodeSystems.Dmd) ?? m.Code?.Coding.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Code));
        if (coding is not null)
        {
            _medications["Medication/" + item.LogicalId] = coding;
            if (fullUrl is not null)
            {
                _medications[fullUrl] = coding;
            }
        }

        return Skip(item);
    }

    private static string? Literal<T>(T? value)
        where T : struct, Enum => value?.GetLiteral() is { } s ? Truncate(s, 40) : null;
}

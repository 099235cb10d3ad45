using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;

namespace OpenPcn.Fhir.Import;

internal sealed partial class ImportWriter
{
    private async Task ProcessAsync(ImportItem item, CancellationToken ct)
    {
        switch (item.Kind)
        {
            case ItemKind.Rejected:
                Quarantine(item, item.Reason ?? "rejected");
                break;
            case ItemKind.Skipped:
                _counters.Count(item.ResourceType, Outcome.Skipped);
                break;
            case ItemKind.Organisation:
                await OrganisationAsync(item, ct);
                break;
            case ItemKind.Patient:
                Patient(item);
                break;
            case ItemKind.Episode:
                Episode(item);
                break;
            default:
                Record(item);
                break;
        }
    }

    private async Task OrganisationAsync(ImportItem item, CancellationToken ct)
    {
        var org = item.Organisation!;
        Remember(_organisations, item, org.OdsCode);
        var pcn = _network.Pcn!;
        string? refused = null;
        if (PcnCode.TryParse(org.OdsCode, out var pcnCode))
        {
            if (pcnCode != pcn.Code)
            {
                Quarantine(item, "PCN Organization of another network");
                return;
            }
        }
        else
        {
            var partOf = OdsCodeOf(org.PartOf);
            if (partOf is null || !string.Equals(partOf, pcn.Code.Value, StringComparison.OrdinalIgnoreCase))
            {
                // A practice of no network, or of another one: not a member here (its patients will be refused).
                _counters.Count(item.ResourceType, Outcome.Skipped);
                return;
            }

            refused = await _network.EnsurePracticeAsync(org, ct);
        }

        if (refused is not null)
        {
            Quarantine(item, refused);
            return;
        }

        Store(item, null, _ => { });
    }

    private void Patient(ImportItem item)
    {
        var p = item.Patient!;
        var existing = Lookup(item);
        if (existing is { } same && same.Hash == item.Hash && same.PatientId is { } known)
        {
            Remember(_patientsByReference, item, known);
            _counters.Count(item.ResourceType, Outcome.Skipped);
            return;
        }

        var practice = PracticeOf(p.GeneralPractice) ?? _defaultPractice;
        if (practice is not { } registered || !_network.IsMember(registered))
        {
            Quarantine(item, "patient not registered at a member practice");
            return;
        }

        var insert = !_patientsByNhsNumber.TryGetValue(p.NhsNumber.Value, out var patientId);
        if (insert)
        {
            patientId = ++_lastPatientId;
            _patientsByNhsNumber[p.NhsNumber.Value] = patientId;
        }

        _store.UpsertPatient(insert, patientId, p, registered);
        Remember(_patientsByReference, item, patientId);
        Store(item, patientId, key =>
        {
            if (!_patientSources.TryGetValue(patientId, out var keys))
            {
                _patientSources[patientId] = keys = [];
            }

            if (!keys.Contains(key))
            {
                keys.Add(key);
            }

            // The generalPractitioner gives an open registration only as a fallback: an EpisodeOfCare says more.
            if (!_registeredByEpisode.Contains(patientId))
            {
                _store.InsertRegistration(key, 0, patientId, registered, null, null);
            }
        }, existing);
    }

    private void Episode(ImportItem item)
    {
        var episode = item.Episode!;
        var existing = Lookup(item);
        if (existing is { } same && same.Hash == item.Hash)
        {
            _counters.Count(item.ResourceType, Outcome.Skipped);
            return;
        }

        if (ResolvePatient(item.Subject) is not { } patientId)
        {
            Quarantine(item, "unknown patient (subject does not resolve)");
            return;
        }

        var practice = PracticeOf(episode.ManagingOrganisation);
        if (practice is not { } code || !_network.IsMember(code))
        {
            if (episode.IsRegistration)
            {
                Quarantine(item, "patient not registered at a member practice");
            }
            else
            {
                // Another kind of episode (a smoking cessation course, a hospital stay): not a registration.
                _counters.Count(item.ResourceType, Outcome.Skipped);
            }

            return;
        }

        Store(item, patientId, key =>
        {
            _store.InsertRegistration(key, 0, patientId, code, episode.Start, episode.End);
            _registeredByEpisode.Add(patientId);
            foreach (var fallback in _patientSources.GetValueOrDefault(patientId) ?? [])
            {
                _store.DeleteRegistrationsLater(fallback);
            }
        }, existing);
    }

    private void Record(ImportItem item)
    {
        var existing = Lookup(item);
        if (existing is { } same && same.Hash == item.Hash)
        {
            _counters.Count(item.ResourceType, Outcome.Skipped);
            return;
        }

        if (ResolvePatient(item.Subject) is not { } patientId)
        {
            Quarantine(item, "unknown patient (subject does not resolve)");
            return;
        }

        Store(item, patientId, key =>
        {
            short seq = 0;
            foreach (var row in item.Events ?? [])
            {
                _store.InsertEvent(key, seq++, patientId, row);
            }

            foreach (var row in item.Medicines ?? [])
            {
                _store.InsertMedicine(key, seq++, patientId, row);
            }
        }, existing);
    }

    /// <summary>
    /// Records the resource (new, or changed: its old rows are deleted first) and writes its rows. Looks the resource
    /// up when the caller has not, so a duplicate within one import replaces the earlier copy (the later one wins).
    /// </summary>
    private void Store(ImportItem item, long? patientId, Action<long> writeRows, (long SourceKey, long Hash, long? PatientId)? existing = null)
    {
        existing ??= Lookup(item);
        if (existing is { } found && found.Hash == item.Hash && found.PatientId == patientId)
        {
            _counters.Count(item.ResourceType, Outcome.Skipped);
            return;
        }

        long key;
        if (existing is { } old)
        {
            key = old.SourceKey;
            _store.DeleteRows(key);
            _store.UpdateSource(key, item, patientId);
        }
        else
        {
            key = ++_lastSourceKey;
            _store.InsertSource(key, item, patientId);
        }

        _seen.Add(item.ResourceType!, item.LogicalId!, (key, item.Hash, patientId));

        writeRows(key);
        _counters.Count(item.ResourceType, Outcome.Accepted);
    }

    private void Quarantine(ImportItem item, string reason)
    {
        _counters.Count(item.ResourceType, Outcome.Rejected);
        _store.InsertQuarantine(++_quarantineSeq, item.File, item.Location, item.ResourceType, QuarantineId(item.ResourceType, item.LogicalId), reason);
    }

    /// <summary>
    /// The id a quarantine row may keep: none for a Patient (some systems use the NHS number as its id) or for an id or
    /// fullUrl with a run of ten digits that is a valid NHS number. Quarantine rows never hold an NHS number.
    /// </summary>
    internal static string? QuarantineId(string? type, string? logicalId)
    {
        if (logicalId is null || type == "Patient")
        {
            return null;
        }

        for (var start = 0; start < logicalId.Length; start++)
        {
            var end = start;
            while (end < logicalId.Length && char.IsAsciiDigit(logicalId[end]))
            {
                end++;
            }

            for (var at = start; at + 10 <= end; at++)
            {
                if (NhsNumber.TryParse(logicalId.Substring(at, 10), out _))
                {
                    return null;
                }
            }

            start = end;
        }

        return logicalId;
    }

    private long? ResolvePatient(PatientRef? subject)
    {
        if (subject?.Reference is { } reference && _patientsByReference.TryGetValue(reference, out var byReference))
        {
            return byReference;
        }

        return subject?.NhsNumber is { } nhs && NhsNumber.TryParse(nhs, out var number) && _patientsByNhsNumber.TryGetValue(number.Value, out var byNumber)
            ? byNumber
            : null;
    }

    private PracticeCode? PracticeOf(OrgRef? organisation) =>
        OdsCodeOf(organisation) is { } ods && PracticeCode.TryParse(ods, out var code) ? code : null;

    private string? OdsCodeOf(OrgRef? organisation) =>
        organisation is null ? null
            : organisation.OdsCode ?? (organisation.Reference is { } r && _organisations.TryGetValue(r, out var ods) ? ods : null);

    private static void Remember<T>(Dictionary<string, T> map, ImportItem item, T value)
    {
        map[item.ResourceType + "/" + item.LogicalId] = value;
        if (item.FullUrl is { } fullUrl)
        {
            map[fullUrl] = value;
        }
    }
}

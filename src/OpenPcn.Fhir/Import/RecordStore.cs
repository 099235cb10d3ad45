using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;

namespace OpenPcn.Fhir.Import;

/// <summary>
/// The import's writes to the record tables of one network: prepared, parameterised statements on the context's
/// connection in the current chunk's transaction, every one bound to <see cref="PcnId"/>. EF change tracking would
/// be far too slow for millions of rows; names still come from the EF model.
/// </summary>
internal sealed class RecordStore : IDisposable
{
    private readonly PcnDbContext _db;
    private bool _tuned;
    private readonly RowCommand _lookup, _updateSource;
    private readonly BufferedInsert _insertSource, _insertEvent, _insertMedicine, _insertRegistration;
    private readonly List<long> _registrationDeletes = [];
    private readonly RowCommand _deleteEvents, _deleteMedicines, _deleteRegistrations, _insertPatient, _updatePatient, _insertQuarantine;

    public RecordStore(PcnDbContext db, int pcnId, Guid importId)
    {
        _db = db;
        PcnId = pcnId;
        ImportId = importId;
        var c = db.Database.GetDbConnection();
        _lookup = RowCommand.Select<SourceResource>(db, c, ["SourceKey", "ContentHash", "PatientId"], ["PcnId", "ResourceType", "LogicalId"]);
        _insertSource = BufferedInsert.For<SourceResource>(db, c, "PcnId", "SourceKey", "ResourceType", "LogicalId", "ContentHash", "LastUpdated", "PatientId", "LastImportId");
        _updateSource = RowCommand.Update<SourceResource>(db, c, ["ContentHash", "LastUpdated", "PatientId", "LastImportId"], ["PcnId", "SourceKey"]);
        _insertEvent = BufferedInsert.For<ClinicalEvent>(db, c, "PcnId", "SourceKey", "Seq", "PatientId", "Kind", "CodeSystem", "Code", "Display", "Date",
            "EndDate", "Value", "Unit", "Status", "Priority");
        _insertMedicine = BufferedInsert.For<MedicationRecord>(db, c, "PcnId", "SourceKey", "Seq", "PatientId", "Kind", "CodeSystem", "Code", "Display",
            "Date", "EndDate", "Quantity", "QuantityUnit", "Status");
        _insertRegistration = BufferedInsert.For<Registration>(db, c, "PcnId", "SourceKey", "Seq", "PatientId", "PracticeCode", "Start", "End");
        _deleteEvents = RowCommand.Delete<ClinicalEvent>(db, c, "PcnId", "SourceKey");
        _deleteMedicines = RowCommand.Delete<MedicationRecord>(db, c, "PcnId", "SourceKey");
        _deleteRegistrations = RowCommand.Delete<Registration>(db, c, "PcnId", "SourceKey");
        string[] patientColumns = ["NhsNumber", "PracticeCode", "DateOfBirth", "Sex", "EthnicCategory", "Postcode", "Lsoa", "DeprivationDecile",
            "DateOfDeath", "LastImportId"];
        _insertPatient = RowCommand.Insert<Patient>(db, c, ["PcnId", "PatientId", .. patientColumns]);
        _updatePatient = RowCommand.Update<Patient>(db, c, patientColumns, ["PcnId", "PatientId"]);
        _insertQuarantine = RowCommand.Insert<QuarantinedResource>(db, c, "PcnId", "ImportId", "Seq", "File", "Location", "ResourceType", "LogicalId", "Reason");
    }

    public int PcnId { get; }

    public Guid ImportId { get; }

    private DbTransaction Transaction => _db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("Record writes run inside the import's chunk transaction.");

    public (long SourceKey, long Hash, long? PatientId)? Lookup(string type, string logicalId)
    {
        Flush();
        using var reader = _lookup.Set(0, PcnId).Set(1, type).Set(2, logicalId).Query(Transaction);
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)) : null;
    }

    public void InsertSource(long key, ImportItem item, long? patientId) =>
        Buffer(_insertSource, [PcnId, key, item.ResourceType, item.LogicalId, item.Hash, item.LastUpdated, patientId, ImportId]);

    public void UpdateSource(long key, ImportItem item, long? patientId) =>
        Flushed()._updateSource.Set(0, item.Hash).Set(1, item.LastUpdated).Set(2, patientId).Set(3, ImportId).Set(4, PcnId).Set(5, key).Execute(Transaction);

    /// <summary>Removes every row a source resource produced (it changed, and its new rows replace them).</summary>
    public void DeleteRows(long key)
    {
        Flush();
        _deleteEvents.Set(0, PcnId).Set(1, key).Execute(Transaction);
        _deleteMedicines.Set(0, PcnId).Set(1, key).Execute(Transaction);
        _deleteRegistrations.Set(0, PcnId).Set(1, key).Execute(Transaction);
    }

    public void InsertEvent(long key, short seq, long patientId, EventRow r) =>
        Buffer(_insertEvent, [PcnId, key, seq, patientId, r.Kind, r.CodeSystem, r.Code, r.Display, r.Date, r.EndDate, r.Value, r.Unit, r.Status, r.Priority]);

    public void InsertMedicine(long key, short seq, long patientId, MedicationRow r) =>
        Buffer(_insertMedicine, [PcnId, key, seq, patientId, r.Kind, r.CodeSystem, r.Code, r.Display, r.Date, r.EndDate, r.Quantity, r.QuantityUnit, r.Status]);

    public void InsertRegistration(long key, short seq, long patientId, PracticeCode practice, DateOnly? start, DateOnly? end) =>
        Buffer(_insertRegistration, [PcnId, key, seq, patientId, practice, start, end]);

    /// <summary>
    /// Deletes the registrations of source <paramref name="key"/> with the next <see cref="Flush"/>, after the rows
    /// waiting in memory are written (so writes stay batched and the delete sees them).
    /// </summary>
    public void DeleteRegistrationsLater(long key) => _registrationDeletes.Add(key);

    /// <summary>Writes the rows waiting in memory (before a look-up, a delete or a commit must see them).</summary>
    public void Flush()
    {
        if (_insertSource.Count + _insertEvent.Count + _insertMedicine.Count + _insertRegistration.Count + _registrationDeletes.Count == 0)
        {
            return;
        }

        var transaction = Transaction;
        _insertSource.Flush(transaction);
        _insertEvent.Flush(transaction);
        _insertMedicine.Flush(transaction);
        _insertRegistration.Flush(transaction);
        foreach (var key in _registrationDeletes)
        {
            _deleteRegistrations.Set(0, PcnId).Set(1, key).Execute(transaction);
        }

        _registrationDeletes.Clear();
    }

    /// <summary>Forgets rows not yet written (their chunk was rolled back).</summary>
    public void Discard()
    {
        _insertSource.Discard();
        _insertEvent.Discard();
        _insertMedicine.Discard();
        _insertRegistration.Discard();
        _registrationDeletes.Clear();
    }

    private void Buffer(BufferedInsert insert, object?[] row)
    {
        insert.Add(row);
        if (insert.Count >= Math.Max(500, 4 * insert.RowsPerStatement))
        {
            Flush();
        }
    }

    private RecordStore Flushed()
    {
        Flush();
        return this;
    }

    public void UpsertPatient(bool insert, long patientId, PatientData p, PracticeCode practice)
    {
        var command = insert ? _insertPatient : _updatePatient;
        var at = 0;
        if (insert)
        {
            command.Set(at++, PcnId).Set(at++, patientId);
        }

        command.Set(at++, p.NhsNumber).Set(at++, practice).Set(at++, p.DateOfBirth).Set(at++, p.Sex).Set(at++, p.EthnicCategory).Set(at++, p.Postcode)
            .Set(at++, p.Lsoa).Set(at++, p.DeprivationDecile).Set(at++, p.DateOfDeath).Set(at++, ImportId);
        if (!insert)
        {
            command.Set(at++, PcnId).Set(at, patientId);
        }

        command.Execute(Transaction);
    }

    public void InsertQuarantine(int seq, string file, string location, string? type, string? logicalId, string reason) =>
        _insertQuarantine.Set(0, PcnId).Set(1, ImportId).Set(2, seq).Set(3, FhirValues.Cut(file, 400)).Set(4, FhirValues.Cut(location, 60)).Set(5, type is null ? null : FhirValues.Cut(type, 40))
            .Set(6, logicalId is null ? null : FhirValues.Cut(logicalId, 200)).Set(7, FhirValues.Cut(reason, 1000)).Execute(Transaction);

    /// <summary>The highest SourceKey and PatientId so far in this network (new ones are allocated above them).</summary>
    public async Task<(long SourceKey, long PatientId)> MaxKeysAsync(CancellationToken ct)
    {
        var source = await _db.SourceResources.IgnoreQueryFilters().Where(s => s.PcnId == PcnId).MaxAsync(s => (long?)s.SourceKey, ct) ?? 0;
        var patient = await _db.Patients.IgnoreQueryFilters().Where(p => p.PcnId == PcnId).MaxAsync(p => (long?)p.PatientId, ct) ?? 0;
        return (source, patient);
    }

    /// <summary>
    /// The network's patients by NHS number and by the logical id of each Patient resource that named them; the
    /// source keys of each patient's Patient resources; the patients with a registration from an EpisodeOfCare.
    /// </summary>
    public async Task LoadPatientsAsync(Dictionary<string, long> byNhsNumber, Dictionary<string, long> byReference,
        Dictionary<long, List<long>> patientSources, HashSet<long> registeredByEpisode, CancellationToken ct)
    {
        await foreach (var p in _db.Patients.IgnoreQueryFilters().Where(p => p.PcnId == PcnId).Select(p => new { p.NhsNumber, p.PatientId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            byNhsNumber[p.NhsNumber.Value] = p.PatientId;
        }

        await foreach (var s in _db.SourceResources.IgnoreQueryFilters().Where(s => s.PcnId == PcnId && s.ResourceType == "Patient" && s.PatientId != null)
            .Select(s => new { s.LogicalId, s.PatientId, s.SourceKey }).AsAsyncEnumerable().WithCancellation(ct))
        {
            byReference["Patient/" + s.LogicalId] = s.PatientId!.Value;
            if (!patientSources.TryGetValue(s.PatientId.Value, out var keys))
            {
                patientSources[s.PatientId.Value] = keys = [];
            }

            keys.Add(s.SourceKey);
        }

        await foreach (var patientId in _db.SourceResources.IgnoreQueryFilters()
            .Where(s => s.PcnId == PcnId && s.ResourceType == "EpisodeOfCare" && s.PatientId != null)
            .Select(s => s.PatientId!.Value).Distinct().AsAsyncEnumerable().WithCancellation(ct))
        {
            registeredByEpisode.Add(patientId);
        }
    }

    /// <summary>
    /// Loads the network's source resources into <paramref name="seen"/> when there are few enough; else tells it
    /// which types to leave to the database.
    /// </summary>
    public async Task LoadSourcesAsync(SeenResources seen, CancellationToken ct)
    {
        var sources = _db.SourceResources.IgnoreQueryFilters().Where(s => s.PcnId == PcnId);
        if (await sources.CountAsync(ct) > SeenResources.MaxEntries)
        {
            seen.Start(await sources.Select(s => s.ResourceType).Distinct().ToListAsync(ct));
            return;
        }

        seen.Start([]);
        await foreach (var s in sources.Select(s => new { s.ResourceType, s.LogicalId, s.SourceKey, s.ContentHash, s.PatientId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            seen.Add(s.ResourceType, s.LogicalId, (s.SourceKey, s.ContentHash, s.PatientId));
        }
    }

    /// <summary>SQLite: a larger page cache for the import's connection (indexes of a big import outgrow the 2 MB default).</summary>
    public async Task TuneAsync(CancellationToken ct)
    {
        if (_db.Database.IsSqlite())
        {
            // In WAL mode NORMAL cannot corrupt the file; a power cut may lose the last chunks, which a re-run restores.
            await _db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -131072", ct);
            await _db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL", ct);
            _tuned = true;
        }
    }

    /// <summary>Puts the pooled connection's page cache back to SQLite's default.</summary>
    public void Untune()
    {
        if (_tuned && _db.Database.GetDbConnection() is { State: System.Data.ConnectionState.Open } connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA cache_size = -2000; PRAGMA synchronous = FULL";
            command.ExecuteNonQuery();
            _tuned = false;
        }
    }

    public void Dispose()
    {
        foreach (var command in new[] { _lookup, _updateSource, _deleteEvents, _deleteMedicines, _deleteRegistrations, _insertPatient, _updatePatient,
            _insertQuarantine })
        {
            command.Dispose();
        }

        foreach (var insert in new[] { _insertSource, _insertEvent, _insertMedicine, _insertRegistration })
        {
            insert.Dispose();
        }
    }
}

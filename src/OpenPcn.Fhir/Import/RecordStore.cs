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
    private readonly RowCommand _lookup, _insertSource, _updateSource, _insertEvent, _insertMedicine, _insertRegistration;
    private readonly RowCommand _deleteEvents, _deleteMedicines, _deleteRegistrations, _insertPatient, _updatePatient, _insertQuarantine;

    public RecordStore(PcnDbContext db, int pcnId, Guid importId)
    {
        _db = db;
        PcnId = pcnId;
        ImportId = importId;
        var c = db.Database.GetDbConnection();
        _lookup = RowCommand.Select<SourceResource>(db, c, ["SourceKey", "ContentHash", "PatientId"], ["PcnId", "ResourceType", "LogicalId"]);
        _insertSource = RowCommand.Insert<SourceResource>(db, c, "PcnId", "SourceKey", "ResourceType", "LogicalId", "ContentHash", "LastUpdated", "PatientId", "LastImportId");
        _updateSource = RowCommand.Update<SourceResource>(db, c, ["ContentHash", "LastUpdated", "PatientId", "LastImportId"], ["PcnId", "SourceKey"]);
        _insertEvent = RowCommand.Insert<ClinicalEvent>(db, c, "PcnId", "SourceKey", "Seq", "PatientId", "Kind", "CodeSystem", "Code", "Display", "Date",
            "EndDate", "Value", "Unit", "Status", "Priority");
        _insertMedicine = RowCommand.Insert<MedicationRecord>(db, c, "PcnId", "SourceKey", "Seq", "PatientId", "Kind", "CodeSystem", "Code", "Display",
            "Date", "EndDate", "Quantity", "QuantityUnit", "Status");
        _insertRegistration = RowCommand.Insert<Registration>(db, c, "PcnId", "SourceKey", "Seq", "PatientId", "PracticeCode", "Start", "End");
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
        using var reader = _lookup.Set(0, PcnId).Set(1, type).Set(2, logicalId).Query(Transaction);
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)) : null;
    }

    public void InsertSource(long key, ImportItem item, long? patientId) =>
        _insertSource.Set(0, PcnId).Set(1, key).Set(2, item.ResourceType).Set(3, item.LogicalId).Set(4, item.Hash).Set(5, item.LastUpdated)
            .Set(6, patientId).Set(7, ImportId).Execute(Transaction);

    public void UpdateSource(long key, ImportItem item, long? patientId) =>
        _updateSource.Set(0, item.Hash).Set(1, item.LastUpdated).Set(2, patientId).Set(3, ImportId).Set(4, PcnId).Set(5, key).Execute(Transaction);

    /// <summary>Removes every row a source resource produced (it changed, and its new rows replace them).</summary>
    public void DeleteRows(long key)
    {
        _deleteEvents.Set(0, PcnId).Set(1, key).Execute(Transaction);
        _deleteMedicines.Set(0, PcnId).Set(1, key).Execute(Transaction);
        _deleteRegistrations.Set(0, PcnId).Set(1, key).Execute(Transaction);
    }

    public void InsertEvent(long key, short seq, long patientId, EventRow r) =>
        _insertEvent.Set(0, PcnId).Set(1, key).Set(2, seq).Set(3, patientId).Set(4, r.Kind).Set(5, r.CodeSystem).Set(6, r.Code).Set(7, r.Display)
            .Set(8, r.Date).Set(9, r.EndDate).Set(10, r.Value).Set(11, r.Unit).Set(12, r.Status).Set(13, r.Priority).Execute(Transaction);

    public void InsertMedicine(long key, short seq, long patientId, MedicationRow r) =>
        _insertMedicine.Set(0, PcnId).Set(1, key).Set(2, seq).Set(3, patientId).Set(4, r.Kind).Set(5, r.CodeSystem).Set(6, r.Code).Set(7, r.Display)
            .Set(8, r.Date).Set(9, r.EndDate).Set(10, r.Quantity).Set(11, r.QuantityUnit).Set(12, r.Status).Execute(Transaction);

    public void InsertRegistration(long key, short seq, long patientId, PracticeCode practice, DateOnly? start, DateOnly? end) =>
        _insertRegistration.Set(0, PcnId).Set(1, key).Set(2, seq).Set(3, patientId).Set(4, practice).Set(5, start).Set(6, end).Execute(Transaction);

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
        _insertQuarantine.Set(0, PcnId).Set(1, ImportId).Set(2, seq).Set(3, Cut(file, 400)).Set(4, Cut(location, 60)).Set(5, type is null ? null : Cut(type, 40))
            .Set(6, logicalId is null ? null : Cut(logicalId, 200)).Set(7, Cut(reason, 1000)).Execute(Transaction);

    /// <summary>The highest SourceKey and PatientId so far in this network (new ones are allocated above them).</summary>
    public async Task<(long SourceKey, long PatientId)> MaxKeysAsync(CancellationToken ct)
    {
        var source = await _db.SourceResources.IgnoreQueryFilters().Where(s => s.PcnId == PcnId).MaxAsync(s => (long?)s.SourceKey, ct) ?? 0;
        var patient = await _db.Patients.IgnoreQueryFilters().Where(p => p.PcnId == PcnId).MaxAsync(p => (long?)p.PatientId, ct) ?? 0;
        return (source, patient);
    }

    /// <summary>The network's patients by NHS number and by the logical id of each Patient resource that named them.</summary>
    public async Task LoadPatientsAsync(Dictionary<string, long> byNhsNumber, Dictionary<string, long> byReference, CancellationToken ct)
    {
        await foreach (var p in _db.Patients.IgnoreQueryFilters().Where(p => p.PcnId == PcnId).Select(p => new { p.NhsNumber, p.PatientId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            byNhsNumber[p.NhsNumber.Value] = p.PatientId;
        }

        await foreach (var s in _db.SourceResources.IgnoreQueryFilters().Where(s => s.PcnId == PcnId && s.ResourceType == "Patient" && s.PatientId != null)
            .Select(s => new { s.LogicalId, s.PatientId }).AsAsyncEnumerable().WithCancellation(ct))
        {
            byReference["Patient/" + s.LogicalId] = s.PatientId!.Value;
        }
    }

    public void Dispose()
    {
        foreach (var command in new[] { _lookup, _insertSource, _updateSource, _insertEvent, _insertMedicine, _insertRegistration, _deleteEvents,
            _deleteMedicines, _deleteRegistrations, _insertPatient, _updatePatient, _insertQuarantine })
        {
            command.Dispose();
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

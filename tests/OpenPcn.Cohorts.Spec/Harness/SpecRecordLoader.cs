using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport.Population;

namespace OpenPcn.Cohorts.Spec.Harness;

/// <summary>
/// Writes a case's text tables into the physical records tables of one network, in one transaction, with raw
/// parameterised SQL whose table and column names and stored forms come from the EF model (so decimals are stored
/// as the application stores them, e.g. as text on SQLite).
/// </summary>
internal sealed class SpecRecordLoader(PcnDbContext db, int pcnId)
{
    public async Task LoadAsync(TextTables tables)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var dbTransaction = transaction.GetDbTransaction();
        foreach (var (table, rows) in tables.Rows)
        {
            foreach (var row in rows)
            {
                var (entity, values) = Stored(table.Name, row);
                await InsertAsync(connection, dbTransaction, entity, values);
            }
        }

        await transaction.CommitAsync();
    }

    private (Type Entity, Dictionary<string, object?> Values) Stored(string table, TextRow row)
    {
        object? V(string column) => row.Values.GetValueOrDefault(column);
        decimal? Number(string column) => V(column) is double d ? (decimal)d : null;
        return table switch
        {
            "patients" => (typeof(Patient), new()
            {
                [nameof(Patient.PcnId)] = pcnId,
                [nameof(Patient.PatientId)] = row.PatientId,
                [nameof(Patient.NhsNumber)] = NhsNumber.Parse(RecordSeeder.NhsNumberFrom(checked((int)row.PatientId * 1000))),
                [nameof(Patient.PracticeCode)] = PracticeCode.Parse((string)V("practice")!),
                [nameof(Patient.DateOfBirth)] = V("date_of_birth"),
                [nameof(Patient.Sex)] = Enum.Parse<Sex>(Pascal((string)V("sex")!)),
                [nameof(Patient.EthnicCategory)] = V("ethnic_category"),
                [nameof(Patient.Postcode)] = null,
                [nameof(Patient.Lsoa)] = V("lsoa"),
                [nameof(Patient.DeprivationDecile)] = V("deprivation_decile") is long decile ? checked((byte)decile) : null,
                [nameof(Patient.DateOfDeath)] = V("date_of_death"),
                [nameof(Patient.LastImportId)] = Guid.Empty,
            }),
            "registrations" => (typeof(Registration), new()
            {
                [nameof(Registration.PcnId)] = pcnId,
                [nameof(Registration.SourceKey)] = row.SourceKey,
                [nameof(Registration.Seq)] = checked((short)row.Seq),
                [nameof(Registration.PatientId)] = row.PatientId,
                [nameof(Registration.PracticeCode)] = PracticeCode.Parse((string)V("practice")!),
                [nameof(Registration.Start)] = V("start_date"),
                [nameof(Registration.End)] = V("end_date"),
            }),
            "clinical_events" => (typeof(ClinicalEvent), new()
            {
                [nameof(ClinicalEvent.PcnId)] = pcnId,
                [nameof(ClinicalEvent.SourceKey)] = row.SourceKey,
                [nameof(ClinicalEvent.Seq)] = checked((short)row.Seq),
                [nameof(ClinicalEvent.PatientId)] = row.PatientId,
                [nameof(ClinicalEvent.Kind)] = Enum.Parse<EventKind>(Pascal((string)V("kind")!)),
                [nameof(ClinicalEvent.CodeSystem)] = CodeSystems.Snomed,
                [nameof(ClinicalEvent.Code)] = V("code"),
                [nameof(ClinicalEvent.Display)] = null,
                [nameof(ClinicalEvent.Date)] = V("date"),
                [nameof(ClinicalEvent.EndDate)] = V("end_date"),
                [nameof(ClinicalEvent.Value)] = Number("value"),
                [nameof(ClinicalEvent.Unit)] = V("unit"),
                [nameof(ClinicalEvent.Status)] = V("status"),
                [nameof(ClinicalEvent.Priority)] = V("priority"),
            }),
            "medications" => (typeof(MedicationRecord), new()
            {
                [nameof(MedicationRecord.PcnId)] = pcnId,
                [nameof(MedicationRecord.SourceKey)] = row.SourceKey,
                [nameof(MedicationRecord.Seq)] = checked((short)row.Seq),
                [nameof(MedicationRecord.PatientId)] = row.PatientId,
                [nameof(MedicationRecord.Kind)] = Enum.Parse<MedicationKind>(Pascal((string)V("kind")!)),
                [nameof(MedicationRecord.CodeSystem)] = CodeSystems.Dmd,
                [nameof(MedicationRecord.Code)] = V("code"),
                [nameof(MedicationRecord.Display)] = null,
                [nameof(MedicationRecord.Date)] = V("date"),
                [nameof(MedicationRecord.EndDate)] = V("end_date"),
                [nameof(MedicationRecord.Quantity)] = Number("quantity"),
                [nameof(MedicationRecord.QuantityUnit)] = null,
                [nameof(MedicationRecord.Status)] = V("status"),
            }),
            _ => throw new InvalidOperationException($"No stored table for {table}."),
        };
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction transaction, Type type, Dictionary<string, object?> values)
    {
        var entity = db.Model.FindEntityType(type)!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var helper = db.GetService<ISqlGenerationHelper>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var columns = new List<string>();
        var names = new List<string>();
        foreach (var (name, value) in values)
        {
            var property = entity.FindProperty(name) ?? throw new InvalidOperationException($"{type.Name} has no property {name}.");
            var parameter = $"p{names.Count}";
            columns.Add(helper.DelimitIdentifier(property.GetColumnName(table)!));
            names.Add("@" + parameter);
            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, parameter, value, property.IsNullable));
        }

#pragma warning disable CA2100 // names come from the EF model; values are parameters
        command.CommandText = $"INSERT INTO {helper.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", names)})";
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    /// <summary><c>care_plan</c> → <c>CarePlan</c>.</summary>
    private static string Pascal(string name) =>
        string.Concat(name.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}

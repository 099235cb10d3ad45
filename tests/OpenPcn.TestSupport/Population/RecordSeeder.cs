using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;

namespace OpenPcn.TestSupport.Population;

/// <summary>
/// Inserts patients, events, medicines and import runs for tests with raw parameterised SQL, the table and column
/// names (and each value's stored form) taken from the EF model, so tests need neither the importer nor the entities'
/// internal constructors. Use it in a system scope.
/// </summary>
public sealed class RecordSeeder(PcnDbContext db, int pcnId)
{
    private static long _nextSourceKey = 1_000_000;

    public int PcnId { get; } = pcnId;

    /// <summary>A valid NHS number (Modulus 11) made from <paramref name="seed"/>; the same seed gives the same number.</summary>
    public static string NhsNumberFrom(int seed)
    {
        for (var n = seed; ; n++)
        {
            var nine = (900_000_000 + (Math.Abs(n) % 99_999_999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (nine[i] - '0') * (10 - i);
            }

            var check = 11 - (sum % 11);
            if (check == 10)
            {
                continue;
            }

            return nine + (check == 11 ? 0 : check);
        }
    }

    public async Task<long> PatientAsync(long patientId, string nhsNumber, string practiceCode, DateOnly born, Sex sex,
        DateOnly? died = null, string? ethnicCategory = null, string? lsoa = null, byte? decile = null, bool registered = true)
    {
        var practice = Core.Features.Network.PracticeCode.Parse(practiceCode);
        await InsertAsync<Patient>(new()
        {
            [nameof(Patient.PcnId)] = PcnId,
            [nameof(Patient.PatientId)] = patientId,
            [nameof(Patient.NhsNumber)] = NhsNumber.Parse(nhsNumber),
            [nameof(Patient.PracticeCode)] = practice,
            [nameof(Patient.DateOfBirth)] = born,
            [nameof(Patient.Sex)] = sex,
            [nameof(Patient.EthnicCategory)] = ethnicCategory,
            [nameof(Patient.Postcode)] = null,
            [nameof(Patient.Lsoa)] = lsoa,
            [nameof(Patient.DeprivationDecile)] = decile,
            [nameof(Patient.DateOfDeath)] = died,
            [nameof(Patient.LastImportId)] = Guid.Empty,
        });
        await InsertAsync<Registration>(new()
        {
            [nameof(Registration.PcnId)] = PcnId,
            [nameof(Registration.SourceKey)] = NextKey(),
            [nameof(Registration.Seq)] = (short)0,
            [nameof(Registration.PatientId)] = patientId,
            [nameof(Registration.PracticeCode)] = practice,
            [nameof(Registration.Start)] = born,
            [nameof(Registration.End)] = registered ? null : new DateOnly(2020, 1, 1),
        });
        return patientId;
    }

    /// <summary>A coded entry; pass the same <paramref name="sourceKey"/> with seq 0 and 1 for a blood pressure's two rows.</summary>
    public Task EventAsync(long patientId, EventKind kind, string code, DateOnly date, string? display = null, decimal? value = null,
        string? unit = null, DateOnly? end = null, string? status = null, string? priority = null, string codeSystem = CodeSystems.Snomed,
        long? sourceKey = null, short seq = 0) =>
        InsertAsync<ClinicalEvent>(new()
        {
            [nameof(ClinicalEvent.PcnId)] = PcnId,
            [nameof(ClinicalEvent.SourceKey)] = sourceKey ?? NextKey(),
            [nameof(ClinicalEvent.Seq)] = seq,
            [nameof(ClinicalEvent.PatientId)] = patientId,
            [nameof(ClinicalEvent.Kind)] = kind,
            [nameof(ClinicalEvent.CodeSystem)] = codeSystem,
            [nameof(ClinicalEvent.Code)] = code,
            [nameof(ClinicalEvent.Display)] = display,
            [nameof(ClinicalEvent.Date)] = date,
            [nameof(ClinicalEvent.EndDate)] = end,
            [nameof(ClinicalEvent.Value)] = value,
            [nameof(ClinicalEvent.Unit)] = unit,
            [nameof(ClinicalEvent.Status)] = status,
            [nameof(ClinicalEvent.Priority)] = priority,
        });

    public Task MedicineAsync(long patientId, MedicationKind kind, string code, DateOnly date, string? display = null,
        DateOnly? end = null, string? status = null, string codeSystem = CodeSystems.Dmd) =>
        InsertAsync<MedicationRecord>(new()
        {
            [nameof(MedicationRecord.PcnId)] = PcnId,
            [nameof(MedicationRecord.SourceKey)] = NextKey(),
            [nameof(MedicationRecord.Seq)] = (short)0,
            [nameof(MedicationRecord.PatientId)] = patientId,
            [nameof(MedicationRecord.Kind)] = kind,
            [nameof(MedicationRecord.CodeSystem)] = codeSystem,
            [nameof(MedicationRecord.Code)] = code,
            [nameof(MedicationRecord.Display)] = display,
            [nameof(MedicationRecord.Date)] = date,
            [nameof(MedicationRecord.EndDate)] = end,
            [nameof(MedicationRecord.Quantity)] = 28m,
            [nameof(MedicationRecord.QuantityUnit)] = "tablet",
            [nameof(MedicationRecord.Status)] = status,
        });

    /// <summary>A finished import run with its counts by type and quarantine rows (reason, resource type).</summary>
    public async Task<Guid> ImportAsync(string source, RecordImportStatus status, DateTimeOffset queuedAt, string countsByType,
        params (string Reason, string? ResourceType)[] quarantine)
    {
        var importId = Guid.CreateVersion7(queuedAt);
        await InsertAsync<RecordImport>(new()
        {
            [nameof(RecordImport.PcnId)] = PcnId,
            [nameof(RecordImport.ImportId)] = importId,
            [nameof(RecordImport.Source)] = source,
            [nameof(RecordImport.StartedBy)] = "seed",
            [nameof(RecordImport.QueuedAt)] = queuedAt,
            [nameof(RecordImport.StartedAt)] = queuedAt,
            [nameof(RecordImport.FinishedAt)] = status is RecordImportStatus.Queued or RecordImportStatus.Running ? null : queuedAt.AddMinutes(1),
            [nameof(RecordImport.Status)] = status,
            [nameof(RecordImport.Read)] = 10 + quarantine.Length,
            [nameof(RecordImport.Accepted)] = 10,
            [nameof(RecordImport.Skipped)] = 0,
            [nameof(RecordImport.Rejected)] = quarantine.Length,
            [nameof(RecordImport.CountsByType)] = countsByType,
            [nameof(RecordImport.Error)] = null,
        });
        for (var i = 0; i < quarantine.Length; i++)
        {
            await InsertAsync<QuarantinedResource>(new()
            {
                [nameof(QuarantinedResource.PcnId)] = PcnId,
                [nameof(QuarantinedResource.ImportId)] = importId,
                [nameof(QuarantinedResource.Seq)] = i + 1,
                [nameof(QuarantinedResource.File)] = source,
                [nameof(QuarantinedResource.Location)] = $"line {i + 1}",
                [nameof(QuarantinedResource.ResourceType)] = quarantine[i].ResourceType,
                [nameof(QuarantinedResource.LogicalId)] = $"res-{i + 1}",
                [nameof(QuarantinedResource.Reason)] = quarantine[i].Reason,
            });
        }

        return importId;
    }

    private static long NextKey() => Interlocked.Increment(ref _nextSourceKey);

    private async Task InsertAsync<T>(Dictionary<string, object?> values)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var helper = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync();
        }

        await using DbCommand command = connection.CreateCommand();
        var columns = new List<string>();
        var names = new List<string>();
        var i = 0;
        foreach (var (name, value) in values)
        {
            var property = entity.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {name}.");
            var parameter = $"p{i++}";
            columns.Add(helper.DelimitIdentifier(property.GetColumnName(table)!));
            names.Add("@" + parameter);
            command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, parameter, value, property.IsNullable));
        }

        command.CommandText = $"INSERT INTO {helper.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", names)})";
        await command.ExecuteNonQueryAsync();
    }
}

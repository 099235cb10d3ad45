using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Population;

/// <summary>
/// The secondary indexes of the record tables (by code and date for case-finding, by patient and date for the
/// record view). On SQLite a large import drops them and builds them again at its end: building an index over a
/// million rows takes about a second, keeping it up to date row by row costs a fifth of the import
/// (docs/benchmarks.md). Start-up puts back any that an interrupted import left missing. Definitions come from the
/// EF model, so they cannot drift from the migrations.
/// </summary>
internal static class RecordIndexes
{
    private static readonly Type[] Tables = [typeof(ClinicalEvent), typeof(MedicationRecord)];

    public static async Task DropAsync(PcnDbContext db, CancellationToken ct = default)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var (index, _) in Secondary(db))
        {
            // Names come from the EF model, never from input.
            var drop = $"DROP INDEX IF EXISTS {sql.DelimitIdentifier(index.GetDatabaseName()!)}";
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }
    }

    /// <summary>Creates any of the indexes that is missing; does nothing when all exist.</summary>
    public static async Task EnsureAsync(PcnDbContext db, CancellationToken ct = default)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var (index, table) in Secondary(db))
        {
            var columns = string.Join(", ", index.Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
            var create = $"CREATE INDEX IF NOT EXISTS {sql.DelimitIdentifier(index.GetDatabaseName()!)} ON {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns})";
            await db.Database.ExecuteSqlRawAsync(create, ct);
        }
    }

    private static IEnumerable<(IIndex Index, StoreObjectIdentifier Table)> Secondary(PcnDbContext db) =>
        from type in Tables
        let entity = db.Model.FindEntityType(type)!
        let table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema())
        from index in entity.GetIndexes()
        where !index.IsUnique
        select (index, table);
}

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

    /// <summary>
    /// Refreshes the planner's statistics for the record tables. Case-finding queries join several filtered reads of
    /// the events table; without statistics SQLite guesses row counts and can pick plans a hundred times slower
    /// (docs/benchmarks.md), so an import ends with this, and start-up runs it on a SQLite file that has none.
    /// </summary>
    public static async Task AnalyseAsync(PcnDbContext db, bool onlyIfMissing = false, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            if (onlyIfMissing && await HasStatisticsAsync(db, ct))
            {
                return;
            }

            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Patients\"; ANALYZE \"Registrations\"; ANALYZE \"ClinicalEvents\"; ANALYZE \"MedicationRecords\";", ct);
        }
        else if (!onlyIfMissing)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE \"Patients\", \"Registrations\", \"ClinicalEvents\", \"MedicationRecords\"", ct);
        }
    }

    private static async Task<bool> HasStatisticsAsync(PcnDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1') > 0 OR NOT EXISTS (SELECT 1 FROM \"ClinicalEvents\")";
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) != 0;
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
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

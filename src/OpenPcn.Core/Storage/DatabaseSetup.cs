using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Storage;

/// <summary>What first-run set-up did, for the start-up message.</summary>
public sealed record SetupResult(int MigrationsApplied, bool DirectoryLoaded, IReadOnlyList<DemoSignIn> DemoSignIns);

/// <summary>
/// Brings a database up to date: applies migrations, creates the roles, loads the shipped national directory when
/// the directory is empty, and on a database with no network at all creates the demo network (unless turned off).
/// The web app runs this at start-up; <c>openpcn db migrate</c> runs the first two steps.
/// </summary>
public sealed partial class DatabaseSetup(
    PcnDbContext db,
    TenantScope scope,
    RoleManager<IdentityRole> roles,
    DirectoryImportService directory,
    DemoNetwork demo,
    IOptions<DemoOptions> demoOptions,
    ILogger<DatabaseSetup> logger)
{
    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        // On a new PostgreSQL database EF reads the migrations history table before creating it and logs the failure as
        // an error (npgsql/efcore.pg#3407); creating it first keeps a first start's log free of false alarms.
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging (kept in the file once set): pages read while an import writes, and commits are cheaper.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", ct);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // A large import that was killed part-way leaves the record tables' secondary indexes dropped.
            await RecordIndexes.EnsureAsync(db, ct);
            await RecordIndexes.AnalyseAsync(db, onlyIfMissing: true, ct);
        }

        await UserService.EnsureRolesAsync(roles);
        if (pending > 0)
        {
            LogMigrated(logger, pending);
        }

        return pending;
    }

    public async Task<SetupResult> EnsureReadyAsync(CancellationToken ct = default)
    {
        var applied = await MigrateAsync(ct);
        return await scope.AsSystemAsync(async () =>
        {
            var loaded = (await directory.ImportShippedIfEmptyAsync(ct)).Count > 0;
            IReadOnlyList<DemoSignIn> signIns = [];
            if (demoOptions.Value.Enabled && !await db.Pcns.AnyAsync(ct))
            {
                signIns = await demo.SeedAsync(ct);
                LogDemoCreated(logger, signIns.Count);
            }

            return new SetupResult(applied, loaded, signIns);
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s)")]
    private static partial void LogMigrated(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the demo network with {Users} demo users")]
    private static partial void LogDemoCreated(ILogger logger, int users);
}

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenPcn.Core;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.TestSupport;

/// <summary>
/// A fresh, migrated database on SQLite (a temporary file) or on the shared throwaway PostgreSQL cluster, with the
/// same services the hosts register. The clock is fixed at <see cref="Today"/> unless a test moves it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    private readonly string? _sqliteFolder;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        // Each test install has its own data folder (uploads wait there): hosts running in parallel must not share one.
        DataDirectory = sqliteFolder ?? Directory.CreateTempSubdirectory("openpcn-test-data-").FullName;
        Clock = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        Services = BuildServices();
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The install's data folder (<c>Database:DataDirectory</c>), deleted with the database.</summary>
    public string DataDirectory { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    /// <summary>Configuration a host would read for this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:OpenPcn"] = ConnectionString,
        ["Database:DataDirectory"] = DataDirectory,
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("openpcn-test-").FullName;
            db = new TestDatabase(provider, $"Data Source={Path.Combine(folder, "openpcn.db")};Foreign Keys=True", folder);
        }
        else
        {
            var cluster = await PostgresCluster.Shared;
            db = new TestDatabase(provider, await cluster.CreateDatabaseAsync(), null);
        }

        await using var scope = db.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync();
        return db;
    }

    /// <summary>A unit of work scoped to the whole install (seeding, directory, onboarding).</summary>
    public AsyncServiceScope SystemScope()
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetSystem();
        return scope;
    }

    /// <summary>A unit of work as a user of <paramref name="pcnId"/>, optionally scoped to one practice.</summary>
    public AsyncServiceScope PcnScope(int pcnId, PracticeCode? practice = null, string actor = "test")
    {
        var scope = Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantScope>();
        tenant.SetPcn(pcnId, practice);
        tenant.SetActor(actor);
        return scope;
    }

    /// <summary>Creates a real (non-demo) network with the given practices, members from 1 April 2020.</summary>
    public async Task<int> CreateNetworkAsync(string pcnCode, string name, string icbCode, params (string Code, int List)[] practices)
    {
        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var geography = new Geography(icbCode, $"ICB {icbCode}", "00X", "Sub-ICB 00X");
        var pcn = new Pcn(PcnCode.Parse(pcnCode), name, geography);
        db.Pcns.Add(pcn);
        await db.SaveChangesAsync();
        foreach (var (code, list) in practices)
        {
            var practice = new Practice(pcn.PcnId, PracticeCode.Parse(code), $"Practice {code}", "LS1 1AA", ClinicalSystem.Emis, geography);
            practice.AddMembership(new(new DateOnly(2020, 4, 1), null));
            practice.RecordListSize(new DateOnly(2026, 1, 1), list, list * 1.02m, list * 1.01m, "test");
            db.Practices.Add(practice);
        }

        await db.SaveChangesAsync();
        return pcn.PcnId;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddOpenPcnCore(configuration);
        services.AddOpenPcnIdentityCore();

        // Full-strength hashing (210,000 iterations) is tested once in the security tests; here it would only be slow.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        return services.BuildServiceProvider();
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir.Import;
using OpenPcn.Fhir.Synthetic;
using OpenPcn.TestSupport;

namespace OpenPcn.Cohorts.Spec.BuiltIns;

/// <summary>
/// A generated network of 3,000 patients (seed 7, as of <see cref="TestDatabase.Today"/>) imported into a fresh SQLite
/// and a fresh PostgreSQL database once per test run, for checks that need realistic records rather than spec tables.
/// </summary>
public sealed class GeneratedNetwork : IAsyncLifetime
{
    public const int Patients = 3_000;

    private string? _folder;

    public TestDatabase Sqlite { get; private set; } = null!;

    public TestDatabase Postgres { get; private set; } = null!;

    public int SqlitePcnId { get; private set; }

    public int PostgresPcnId { get; private set; }

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("openpcn-builtins-").FullName;
        await PopulationGenerator.WriteAsync(new GeneratorOptions(Patients, 4, 7, TestDatabase.Today), _folder);
        Sqlite = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Postgres = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        SqlitePcnId = await ImportAsync(Sqlite);
        PostgresPcnId = await ImportAsync(Postgres);
    }

    public async Task DisposeAsync()
    {
        await Sqlite.DisposeAsync();
        await Postgres.DisposeAsync();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    public DbConnection Connect(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(Sqlite.ConnectionString)
        : new NpgsqlConnection(Postgres.ConnectionString);

    public int PcnId(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? SqlitePcnId : PostgresPcnId;

    private async Task<int> ImportAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        var service = ActivatorUtilities.CreateInstance<FhirImportService>(scope.ServiceProvider);
        var summary = await service.ImportAsync(new FhirImportRequest(_folder!));
        Assert.Equal(0, summary.Rejected);
        var db = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        return db.Pcns.Single().PcnId;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Storage;

public static class StorageServices
{
    public const string SqliteMigrationsAssembly = "OpenPcn.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "OpenPcn.Migrations.Postgres";

    /// <summary>Registers the <see cref="PcnDbContext"/> on the configured provider, and the tenant scope.</summary>
    public static IServiceCollection AddOpenPcnStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DatabaseOptions.From(configuration);
        services.AddSingleton(options);
        services.AddScoped<TenantScope>();
        services.AddDbContext<PcnDbContext>(builder => Configure(builder, options));
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        var connectionString = options.ResolveConnectionString();
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or Postgres."),
        };
    }
}

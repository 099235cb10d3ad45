using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider; never used at run time.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PcnDbContext>
{
    public PcnDbContext CreateDbContext(string[] args)
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=openpcn_design;Username=postgres" };
        var builder = new DbContextOptionsBuilder<PcnDbContext>();
        StorageServices.Configure(builder, options);
        return new PcnDbContext(builder.Options, new TenantScope());
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider; never used at run time.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PcnDbContext>
{
    public PcnDbContext CreateDbContext(string[] args)
    {
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" };
        var builder = new DbContextOptionsBuilder<PcnDbContext>();
        StorageServices.Configure(builder, options);
        return new PcnDbContext(builder.Options, new TenantScope());
    }
}

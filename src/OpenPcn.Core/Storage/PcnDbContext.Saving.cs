using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Storage;

public sealed partial class PcnDbContext
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenancy();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenancy();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Refuses to write a tenant row outside the current scope. Reads are filtered; this closes the other half, so a
    /// row attached by hand (or a bug) cannot cross networks or practices.
    /// </summary>
    private void GuardTenancy()
    {
        if (tenant.IsSystem)
        {
            return;
        }

        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (tenant.PcnId is null || entry.Entity.PcnId != tenant.PcnId)
            {
                throw new TenancyViolationException(
                    $"Refused to {entry.State.ToString().ToLowerInvariant()} a {entry.Metadata.ClrType.Name} of another network.");
            }

            if (tenant.PracticeCode is { } practice && entry.Entity is IPracticeOwned owned && owned.PracticeCode != practice)
            {
                throw new TenancyViolationException(
                    $"Refused to {entry.State.ToString().ToLowerInvariant()} a {entry.Metadata.ClrType.Name} of another practice.");
            }
        }
    }
}

/// <summary>A write crossed a network or practice boundary. Always a bug; never shown to users as data.</summary>
public sealed class TenancyViolationException(string message) : InvalidOperationException(message);

using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Core.Storage;

/// <summary>
/// The one database context. Every <see cref="ITenantOwned"/> entity is filtered to the current
/// <see cref="TenantScope"/>'s PCN (filter "Tenant") and every <see cref="IPracticeOwned"/> entity also to its
/// practice when the scope names one (filter "Practice"). Saving checks the same scope, so a row of another network
/// can be neither read nor written through this context.
/// </summary>
public sealed partial class PcnDbContext(DbContextOptions<PcnDbContext> options, TenantScope tenant)
    : IdentityDbContext<OpenPcnUser>(options)
{
    public const string TenantFilter = "Tenant";
    public const string PracticeFilter = "Practice";

    public DbSet<Pcn> Pcns => Set<Pcn>();

    public DbSet<Practice> Practices => Set<Practice>();

    public DbSet<PracticeMembership> PracticeMemberships => Set<PracticeMembership>();

    public DbSet<ListSize> ListSizes => Set<ListSize>();

    public DbSet<NetworkPartner> NetworkPartners => Set<NetworkPartner>();

    public DbSet<ClinicalDirector> ClinicalDirectors => Set<ClinicalDirector>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<DirectoryPractice> DirectoryPractices => Set<DirectoryPractice>();

    public DbSet<DirectoryPcn> DirectoryPcns => Set<DirectoryPcn>();

    public DbSet<DirectorySubIcb> DirectorySubIcbs => Set<DirectorySubIcb>();

    public DbSet<DirectoryMembership> DirectoryMemberships => Set<DirectoryMembership>();

    public DbSet<DirectoryListSize> DirectoryListSizes => Set<DirectoryListSize>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Registration> Registrations => Set<Registration>();

    public DbSet<SourceResource> SourceResources => Set<SourceResource>();

    public DbSet<ClinicalEvent> ClinicalEvents => Set<ClinicalEvent>();

    public DbSet<MedicationRecord> MedicationRecords => Set<MedicationRecord>();

    public DbSet<RecordImport> RecordImports => Set<RecordImport>();

    public DbSet<QuarantinedResource> QuarantinedResources => Set<QuarantinedResource>();

    public TenantScope Tenant => tenant;

    // Read by the query filters on every query (EF parameterises members of the context).
    private bool ScopeIsSystem => tenant.IsSystem;

    private int ScopePcnId => tenant.PcnId ?? -1;

    private bool ScopeHasPractice => !tenant.IsSystem && tenant.PracticeCode is not null;

    private PracticeCode ScopePracticeCode => tenant.PracticeCode ?? default;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<PracticeCode>().HaveConversion<PracticeCodeConverter>();
        configurationBuilder.Properties<PcnCode>().HaveConversion<PcnCodeConverter>();
        configurationBuilder.Properties<OdsCode>().HaveConversion<OdsCodeConverter>();
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        if (Database.IsSqlite())
        {
            // SQLite has no date-time-with-offset type; as ticks it sorts and compares in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PcnDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType is { } t && typeof(ITenantOwned).IsAssignableFrom(t)).ToList())
        {
            var apply = typeof(PcnDbContext)
                .GetMethod(typeof(IPracticeOwned).IsAssignableFrom(entity.ClrType) ? nameof(FilterByPractice) : nameof(FilterByTenant),
                    System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType);
            apply.Invoke(this, [builder]);
        }
    }

    private void FilterByTenant<T>(ModelBuilder builder)
        where T : class, ITenantOwned =>
        builder.Entity<T>().HasQueryFilter(TenantFilter, e => ScopeIsSystem || e.PcnId == ScopePcnId);

    private void FilterByPractice<T>(ModelBuilder builder)
        where T : class, IPracticeOwned
    {
        FilterByTenant<T>(builder);
        builder.Entity<T>().HasQueryFilter(PracticeFilter, e => !ScopeHasPractice || e.PracticeCode == ScopePracticeCode);
    }

    private sealed class PracticeCodeConverter() : ValueConverter<PracticeCode, string>(v => v.Value, v => PracticeCode.Parse(v));

    private sealed class PcnCodeConverter() : ValueConverter<PcnCode, string>(v => v.Value, v => PcnCode.Parse(v));

    private sealed class MoneyConverter() : ValueConverter<Money, long>(v => v.Pence, v => new Money(v));

    private sealed class OdsCodeConverter() : ValueConverter<OdsCode, string>(v => v.Value, v => OdsCode.Parse(v));
}

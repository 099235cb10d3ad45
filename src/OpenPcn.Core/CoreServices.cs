using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Features.Workforce.Claims;
using OpenPcn.Core.Features.Workforce.Envelope;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core;

public static class CoreServices
{
    /// <summary>
    /// Storage, the clock and every area's services. Hosts add Identity themselves (cookies in the web app, the
    /// user manager alone in the CLI) with <see cref="IdentitySetup"/>'s options.
    /// </summary>
    public static IServiceCollection AddOpenPcnCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOpenPcnStorage(configuration);
        services.AddOpenPcnPasswordHashing();
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.Configure<DirectoryOptions>(configuration.GetSection(DirectoryOptions.Section));
        services.AddScoped<AuditLog>();
        services.AddScoped<UserService>();
        services.AddScoped<NetworkService>();
        services.AddScoped<DemoNetwork>();
        services.AddScoped<DirectoryImportService>();
        services.AddScoped<OnboardingService>();
        services.AddScoped<PatientRecordService>();
        services.AddScoped<DataQualityService>();
        services.AddScoped<RecordImportService>();
        services.AddScoped<DatabaseSetup>();
        services.TryAddSingleton<ShippedDefinitions>();
        services.AddScoped<CohortRunner>();
        services.AddScoped<LocalDefinitionService>();
        services.AddScoped<DefinitionCatalogue>();
        services.AddScoped<WorklistService>();
        services.AddScoped<NetworkRates>();
        services.AddScoped<NetworkPopulations>();
        services.AddFinance();
        services.AddScoped<OpenPcn.Core.Features.Workforce.WorkforceService>();
        services.AddScoped<ArrsClaimService>();
        services.AddScoped<ArrsEnvelopeService>();
        return services;
    }
}

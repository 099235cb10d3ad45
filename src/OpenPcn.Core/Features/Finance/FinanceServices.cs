using Microsoft.Extensions.DependencyInjection;

namespace OpenPcn.Core.Features.Finance;

/// <summary>The Finance area's services (one line in <c>CoreServices</c>).</summary>
public static class FinanceServices
{
    public static IServiceCollection AddFinance(this IServiceCollection services)
    {
        services.AddScoped<EntitlementService>();
        services.AddScoped<PaymentLedger>();
        services.AddScoped<FinanceInputService>();
        services.AddScoped<DistributionService>();
        services.AddScoped<RechargeService>();
        services.AddScoped<StatementService>();
        return services;
    }
}

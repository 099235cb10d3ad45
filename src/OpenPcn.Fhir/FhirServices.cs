using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Fhir.Demo;
using OpenPcn.Fhir.Import;

namespace OpenPcn.Fhir;

public static class FhirServices
{
    /// <summary>Registers the FHIR import (scoped, like the DbContext it writes through).</summary>
    public static IServiceCollection AddOpenPcnFhir(this IServiceCollection services)
    {
        services.AddScoped<FhirImportService>();
        services.AddScoped<DemoPopulation>();
        return services;
    }
}

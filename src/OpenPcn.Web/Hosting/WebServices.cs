using OpenPcn.Core;
using OpenPcn.Core.Storage;
using OpenPcn.Fhir;
using OpenPcn.Web.Api;
using OpenPcn.Web.Features.Population;
using OpenPcn.Web.Features.Security;

namespace OpenPcn.Web.Hosting;

internal static class WebServices
{
    public static WebApplicationBuilder AddOpenPcnWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOpenPcnCore(builder.Configuration);
        services.AddOpenPcnFhir();
        services.AddOpenPcnSecurity();
        services.AddOpenPcnApi();
        services.AddOpenPcnProxySupport(builder.Configuration);
        services.AddOpenPcnUploadLimits();
        services.AddOpenPcnRecordImports();

        // Static server rendering only: no interactive render modes are registered, so no page opens a circuit.
        services.AddRazorComponents();
        services.AddHealthChecks().AddDbContextCheck<PcnDbContext>("database");
        return builder;
    }
}

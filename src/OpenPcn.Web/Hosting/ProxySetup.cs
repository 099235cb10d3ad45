using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OpenPcn.Web.Hosting;

/// <summary>
/// Running behind a reverse proxy that terminates TLS (nginx, a load balancer). With <c>ForwardedHeaders:Enabled</c>
/// true (environment variable <c>ForwardedHeaders__Enabled=true</c>) the app takes the client's address and scheme from
/// the proxy's X-Forwarded-For and X-Forwarded-Proto headers, so the sign-in rate limit counts per client and requests
/// count as https. Only proxies on the loopback address are trusted unless others are listed in
/// <c>ForwardedHeaders:KnownProxies</c>: <c>ForwardedHeaders__KnownProxies=10.0.0.5,10.0.0.6</c> (or
/// <c>ForwardedHeaders__KnownProxies__0=10.0.0.5</c>, one variable per address).
/// </summary>
internal static class ProxySetup
{
    public const string Section = "ForwardedHeaders";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>($"{Section}:Enabled");

    public static IServiceCollection AddOpenPcnProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection($"{Section}:KnownProxies");
        var proxies = (section.Value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(section.GetChildren().Select(c => c.Value).OfType<string>())
            .Select(text => IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies has '{text}', which is not an IP address."))
            .ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
        });
        return services;
    }
}

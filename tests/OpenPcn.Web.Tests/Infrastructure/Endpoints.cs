using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace OpenPcn.Web.Tests.Infrastructure;

/// <summary>One method of one route of the running app, as found in its endpoint data source.</summary>
public sealed record AppEndpoint(string Method, string Route, RouteEndpoint Endpoint)
{
    public string Key => $"{Method} {Route}";

    public bool AllowsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    public bool IsApi => Route.StartsWith("/api/", StringComparison.Ordinal);

    public bool IsPage => Endpoint.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata");

    public IReadOnlyList<string> Policies =>
        [.. Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()];

    /// <summary>The route with each parameter filled in by <paramref name="values"/> (or a harmless sample).</summary>
    public string Url(IReadOnlyDictionary<string, string>? values = null)
    {
        var path = Route;
        foreach (var parameter in Endpoint.RoutePattern.Parameters)
        {
            var value = values is not null && values.TryGetValue(parameter.Name, out var v) ? v : Sample(parameter);
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + parameter.Name + "[^}]*\\}", Uri.EscapeDataString(value));
        }

        return path;
    }

    private static string Sample(RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Any(p => p.Content == "guid") ? "0197a6b0-0000-7000-8000-000000000001"
        : parameter.ParameterPolicies.Any(p => p.Content == "int") ? "404"
        : parameter.Name == "documentName" ? "v1"
        : "P81001";
}

public static class Endpoints
{
    /// <summary>Every route and method the app answers, except the fingerprinted static files.</summary>
    public static IReadOnlyList<AppEndpoint> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new AppEndpoint(m, "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'), e)))
            .DistinctBy(e => e.Key)
            .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];

    /// <summary>MapStaticAssets' endpoints: literal paths to files (no route parameters, a file extension).</summary>
    public static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.Parameters.Count == 0
        && Path.HasExtension(endpoint.RoutePattern.RawText)
        && !endpoint.RoutePattern.RawText!.Contains("rejections", StringComparison.Ordinal);
}

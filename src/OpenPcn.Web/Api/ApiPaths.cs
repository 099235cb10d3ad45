namespace OpenPcn.Web.Api;

internal static class ApiPaths
{
    public const string Prefix = "/api/v1";

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    public static bool IsApi(string path) => IsApi(new PathString(path));

    /// <summary>A domain field name as the JSON body spells it (camelCase).</summary>
    public static string JsonName(string field) =>
        string.IsNullOrEmpty(field) ? field : string.Concat(field[..1].ToLowerInvariant(), field.AsSpan(1));
}

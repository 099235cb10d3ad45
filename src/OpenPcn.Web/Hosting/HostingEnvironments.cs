namespace OpenPcn.Web.Hosting;

/// <summary>
/// Where the app may be reached over plain http: a developer's machine (Development, what <c>dotnet run</c> uses) and
/// the functional tests' in-memory or loopback host (<see cref="Testing"/>). Anywhere else it is behind TLS.
/// </summary>
internal static class HostingEnvironments
{
    public const string Testing = nameof(Testing);

    public static bool ServesPlainHttp(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(Testing);
}

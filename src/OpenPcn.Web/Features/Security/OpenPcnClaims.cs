using System.Globalization;
using System.Security.Claims;
using OpenPcn.Core.Features.Network;

namespace OpenPcn.Web.Features.Security;

/// <summary>
/// The claims OpenPCN adds to a signed-in user (cookie or bearer token) so each request knows its network without a
/// database look-up: the network, the practice for a practice-scoped user, and what the header shows.
/// </summary>
internal static class OpenPcnClaims
{
    public const string PcnId = "openpcn:pcn";
    public const string PracticeCode = "openpcn:practice";
    public const string DisplayName = "openpcn:name";
    public const string NetworkName = "openpcn:network";
    public const string IsDemo = "openpcn:demo";

    public static int? GetPcnId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(PcnId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static PracticeCode? GetPracticeCode(this ClaimsPrincipal user) =>
        Core.Features.Network.PracticeCode.TryParse(user.FindFirstValue(PracticeCode), out var code) ? code : null;

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? string.Empty;

    public static string GetNetworkName(this ClaimsPrincipal user) => user.FindFirstValue(NetworkName) ?? string.Empty;

    public static bool InDemoNetwork(this ClaimsPrincipal user) => user.HasClaim(IsDemo, "true");
}

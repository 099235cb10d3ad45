using OpenPcn.Core.Features.Security;
using OpenPcn.Web.Components.Shared;

namespace OpenPcn.Web.Features.Security;

internal static class RoleNames
{
    /// <summary>A role's name for tables: "Clinical director", from the first part of its description.</summary>
    public static string Short(string role) => Roles.Describe(role).Split(':')[0];

    /// <summary>Checkbox options for the roles this signed-in user may hand out.</summary>
    public static IEnumerable<ChoiceOption> Options(bool includeAdministrator) =>
        Roles.All.Where(r => includeAdministrator || r != Roles.Administrator).Select(r =>
        {
            var parts = Roles.Describe(r).Split(':', 2);
            return new ChoiceOption(r, parts[0], parts.Length > 1 ? parts[1].Trim() : null);
        });
}

using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Web.Features.Network.Directory;

/// <summary>
/// Import runs are install-wide, but who ran one is a person of some network. Another network's administrator is never
/// named (not even by user id) to the caller; first-run loading says so.
/// </summary>
internal sealed class ImportReports(IReadOnlyDictionary<string, string> ownUsers)
{
    public const string FirstRunActor = "first-run";

    public static async Task<ImportReports> ForCallerAsync(UserService users, CancellationToken ct = default) =>
        new((await users.ListAsync(ct)).ToDictionary(u => u.UserId, u => u.DisplayName, StringComparer.Ordinal));

    /// <summary>The report as the API shows it: <c>importedBy</c> only when it is the caller's network's user or the first run.</summary>
    public ImportReport Redact(ImportReport report) =>
        report.ImportedBy is { } by && by != FirstRunActor && !ownUsers.ContainsKey(by) ? report with { ImportedBy = null } : report;

    /// <summary>Who ran it, in words for a page.</summary>
    public string Describe(ImportReport report) => report.ImportedBy switch
    {
        null => "Not recorded",
        FirstRunActor => "OpenPCN, loading the shipped files on first run",
        var by when ownUsers.TryGetValue(by, out var name) => name,
        _ => "An administrator of another network",
    };
}

using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Web.Components.Shared;

namespace OpenPcn.Web.Features.Network.Directory;

internal static class FileKinds
{
    public static string Describe(DirectoryFileKind kind) => kind switch
    {
        DirectoryFileKind.PatientsRegistered => "Patients registered at a GP practice (gp-reg-pat-prac-all.csv)",
        DirectoryFileKind.PracticeMap => "Practice to PCN, sub-ICB and ICB map (gp-reg-pat-prac-map.csv)",
        DirectoryFileKind.Epraccur => "GP practices (epraccur.csv)",
        DirectoryFileKind.Epcn => "PCNs and their core partners (ePCN.xlsx)",
        DirectoryFileKind.Unknown => "Not recognised",
        _ => kind.ToString(),
    };

    public static string Status(ImportStatus status) => status switch
    {
        ImportStatus.Succeeded => "Imported",
        ImportStatus.SucceededWithRejections => "Imported with rejected rows",
        ImportStatus.Failed => "Failed",
        _ => "Running",
    };

    public static string StatusColour(ImportStatus status) => status switch
    {
        ImportStatus.Succeeded => "nhsuk-tag--green",
        ImportStatus.SucceededWithRejections => "nhsuk-tag--yellow",
        ImportStatus.Failed => "nhsuk-tag--red",
        _ => "nhsuk-tag--grey",
    };

    public static IEnumerable<ChoiceOption> Options =>
    [
        new(string.Empty, "Work it out from the file", "From the file's name and its first lines"),
        .. Enum.GetValues<DirectoryFileKind>().Where(k => k != DirectoryFileKind.Unknown).Select(k => new ChoiceOption(k.ToString(), Describe(k))),
    ];
}

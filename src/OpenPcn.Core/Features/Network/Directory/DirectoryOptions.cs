namespace OpenPcn.Core.Features.Network.Directory;

/// <summary>Where the shipped national directory files are, read from configuration section <c>Directory</c>.</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>
    /// Folder holding epraccur.csv, gp-reg-pat-prac-map.csv and gp-reg-pat-prac-all.csv for first-run loading.
    /// Default: <c>data/directory</c> beside the application. An install can point it at newer files it keeps itself.
    /// </summary>
    public string? DataFolder { get; set; }

    public string ResolveDataFolder() =>
        string.IsNullOrWhiteSpace(DataFolder) ? Path.Combine(AppContext.BaseDirectory, "data", "directory") : DataFolder;
}

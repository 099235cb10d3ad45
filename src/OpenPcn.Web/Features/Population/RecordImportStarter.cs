using System.Security.Claims;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Web.Features.Population;

/// <summary>What starting an import gave: the queued run, or the field at fault and what to do.</summary>
internal sealed record ImportStart(RecordImportRow? Run, string? Field = null, string? Error = null);

/// <summary>
/// Starts a record import from an uploaded file (saved under the data directory, deleted when the import is done) or,
/// for an administrator, from a file or folder already on the server: the run's row is made Queued, then queued.
/// </summary>
internal sealed class RecordImportStarter(RecordImportService imports, RecordImportQueue queue, TenantScope scope, IConfiguration configuration)
{
    /// <summary>The largest upload: a practice's bulk export zipped, or a few hundred thousand resources as NDJSON.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    public const long MaxRequestBytes = MaxFileBytes + (1024 * 1024);

    public const string TooLargeMessage = "The selected file must be smaller than 512 MB";

    /// <summary>When set, the only folder (with what is inside it) an administrator may import from.</summary>
    public const string FolderRootKey = "Imports:FolderRoot";

    public static readonly IReadOnlyList<string> Extensions = [".ndjson", ".jsonl", ".json", ".xml", ".zip"];

    public async Task<ImportStart> UploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return new ImportStart(null, "file", "Select a file to import");
        }

        if (file.Length > MaxFileBytes)
        {
            return new ImportStart(null, "file", TooLargeMessage);
        }

        var name = Path.GetFileName(file.FileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            return new ImportStart(null, "file", "The selected file must be NDJSON, a JSON or XML Bundle, or a zip of them");
        }

        var folder = UploadFolder(configuration);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{Guid.CreateVersion7():N}{extension}");
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            await using (var content = file.OpenReadStream())
            {
                await content.CopyToAsync(target, ct);
            }

            return await QueueAsync(name, path, deleteWhenDone: true, "file", ct);
        }
        catch
        {
            // A client that went away, a full disk or a busy database: the part-written file holds patient data and no
            // run will ever read it. The original error still propagates.
            TryDelete(path);
            throw;
        }
    }

    /// <summary>Imports a file or folder on the server; only an administrator may name one.</summary>
    public async Task<ImportStart> FolderAsync(ClaimsPrincipal user, string? folder, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Administrator))
        {
            return new ImportStart(null, "folder", "Only an administrator can import from a folder on the server");
        }

        if (string.IsNullOrWhiteSpace(folder) || !Path.IsPathFullyQualified(folder.Trim()))
        {
            return new ImportStart(null, "folder", "Enter the full path of a folder or file on the server");
        }

        // Checked before the path is looked at, so nothing inside the data directory can be probed; and again for what a
        // symbolic link at the path points to.
        var path = Path.GetFullPath(folder.Trim());
        if (Refusal(path) is { } refused)
        {
            return new ImportStart(null, "folder", refused);
        }

        if (!Directory.Exists(path) && !File.Exists(path))
        {
            return new ImportStart(null, "folder", "There is no folder or file at that path on the server");
        }

        if (Refusal(FinalTarget(path)) is { } refusedTarget)
        {
            return new ImportStart(null, "folder", refusedTarget);
        }

        return await QueueAsync(path, path, deleteWhenDone: false, "folder", ct);
    }

    private async Task<ImportStart> QueueAsync(string source, string path, bool deleteWhenDone, string field, CancellationToken ct)
    {
        var run = await imports.QueueAsync(source, ct);
        if (!queue.TryEnqueue(new QueuedRecordImport(scope.PcnId!.Value, run.ImportId, scope.ActorId, path, deleteWhenDone)))
        {
            await imports.MarkUnfinishedAsync(run.ImportId, RecordImportStatus.Failed, "Too many imports were waiting. Try again when they have finished.", ct);
            if (deleteWhenDone)
            {
                TryDelete(path);
            }

            return new ImportStart(null, field, $"{RecordImportQueue.Capacity} imports are already waiting. Try again when they have finished");
        }

        return new ImportStart(run);
    }

    // OpenPCN's own data directory holds the database and other networks' uploads waiting to be imported; when
    // Imports:FolderRoot is set, nothing outside it may be read.
    private string? Refusal(string path)
    {
        if (IsWithin(path, Path.GetFullPath(DataDirectory(configuration))))
        {
            return "Enter a path outside OpenPCN's data directory";
        }

        return configuration[FolderRootKey] is { Length: > 0 } root && !IsWithin(path, Path.GetFullPath(root))
            ? $"Enter a path inside {Path.GetFullPath(root)}, the folder this server imports from"
            : null;
    }

    /// <summary>Where uploads wait for their import: <c>imports</c> in the data directory.</summary>
    public static string UploadFolder(IConfiguration configuration) => Path.Combine(DataDirectory(configuration), "imports");

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both full paths).</summary>
    internal static bool IsWithin(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var inner = Path.TrimEndingDirectorySeparator(path);
        var outer = Path.TrimEndingDirectorySeparator(folder);
        return string.Equals(inner, outer, comparison) || inner.StartsWith(outer + Path.DirectorySeparatorChar, comparison);
    }

    private static string DataDirectory(IConfiguration configuration) =>
        DatabaseOptions.From(configuration).DataDirectory is { Length: > 0 } folder ? folder : DatabaseOptions.DefaultDataDirectory;

    // A symbolic link named as the path is followed to what it points at (links further up the path are not).
    private static string FinalTarget(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the worker's start-up clean-up; the caller's own error matters more.
        }
    }
}

using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenPcn.Fhir.Import;

/// <summary>The input formats the reader knows.</summary>
internal enum InputFormat
{
    NdJson = 0,
    Json = 1,
    Xml = 2,
}

/// <summary>One file to read: a file on disk or an entry of a zip, with its name relative to what was imported.</summary>
internal sealed record InputFile(string Name, InputFormat Format, long Length, int Rank, Func<Stream> Open);

/// <summary>
/// Lists what an import reads, in order: Organization, Patient, EpisodeOfCare, Medication files first (by the resource
/// type in the file name, else on the first line), then the rest; by name within a rank, so every run reads the same order.
/// </summary>
internal static partial class ImportInputs
{
    public static IReadOnlyList<InputFile> List(string path, List<IDisposable> owned)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Select(f => (Full: f, Name: Path.GetRelativePath(path, f).Replace('\\', '/')))
                .SelectMany(f => Expand(f.Full, f.Name, owned));
            return Order(files);
        }

        return File.Exists(path)
            ? Order(Expand(path, Path.GetFileName(path), owned))
            : throw new FileNotFoundException("Nothing to import at the path given.", Path.GetFileName(path));
    }

    public static InputFormat? FormatOf(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.EndsWith(".ndjson", StringComparison.Ordinal) || lower.EndsWith(".jsonl", StringComparison.Ordinal) ? InputFormat.NdJson
            : lower.EndsWith(".json", StringComparison.Ordinal) ? InputFormat.Json
            : lower.EndsWith(".xml", StringComparison.Ordinal) ? InputFormat.Xml
            : null;
    }

    private static IEnumerable<InputFile> Expand(string full, string name, List<IDisposable> owned)
    {
        if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var zip = ZipFile.OpenRead(full);
            owned.Add(zip);
            foreach (var entry in zip.Entries.Where(e => e.Length > 0 || e.CompressedLength > 0))
            {
                if (FormatOf(entry.FullName) is { } zipped)
                {
                    var entryName = name + "/" + entry.FullName;
                    yield return new InputFile(entryName, zipped, entry.Length, Rank(entryName, zipped, entry.Open), entry.Open);
                }
            }
        }
        else if (FormatOf(name) is { } format)
        {
            Stream Open() => new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            yield return new InputFile(name, format, new FileInfo(full).Length, Rank(name, format, Open), Open);
        }
    }

    private static List<InputFile> Order(IEnumerable<InputFile> files) =>
        [.. files.OrderBy(f => f.Rank).ThenBy(f => f.Name, StringComparer.Ordinal)];

    private static int Rank(string name, InputFormat format, Func<Stream> open)
    {
        // Bundles order their own entries (rank 4); bulk-export files and single resources rank by their type.
        foreach (var token in WordPattern().Matches(Path.GetFileName(name)).Select(m => m.Value))
        {
            if (RankOf(token) is { } rank)
            {
                return rank;
            }
        }

        try
        {
            using var stream = open();
            var buffer = new byte[4096];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var text = Encoding.UTF8.GetString(buffer, 0, read);
            var type = format == InputFormat.Xml ? RootElementPattern().Match(text) : TypePattern().Match(text);
            return type.Success && RankOf(type.Groups[1].Value) is { } r ? r : 4;
        }
        catch (IOException)
        {
            return 4;
        }
        catch (InvalidDataException)
        {
            return 4;
        }
    }

    private static int? RankOf(string type) => type switch
    {
        "Organization" => 0,
        "Patient" => 1,
        "EpisodeOfCare" => 2,
        "Medication" => 3,
        _ when ResourceMapper.IsSupported(type) => 4,
        _ => null,
    };

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex("<([A-Za-z]+)[\\s>/]")]
    private static partial Regex RootElementPattern();

    [GeneratedRegex("\"resourceType\"\\s*:\\s*\"([A-Za-z]+)\"")]
    private static partial Regex TypePattern();
}

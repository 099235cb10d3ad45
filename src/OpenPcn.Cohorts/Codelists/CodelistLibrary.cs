using System.Collections.Frozen;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Codelists;

/// <summary>
/// The shipped codelists, read once from the manifest <c>data/codelists/codelists.csv</c> and the files it names
/// (under <c>data/codelists</c> and <c>data/medicines</c>, copied beside every program that references the cohort
/// engine). Each codelist has an id (<c>HYP_COD</c>), a version and, for NHS primary care domain clusters, a refset id.
/// </summary>
public sealed class CodelistLibrary
{
    /// <summary>The manifest's path under the data folder.</summary>
    public const string ManifestPath = "codelists/codelists.csv";

    private static readonly string[] ManifestHeader = ["id", "file", "version", "refset_id", "status", "description", "codes"];
    private static readonly Lazy<CodelistLibrary> Shipped = new(() => Load(Path.Combine(AppContext.BaseDirectory, "data")));

    private readonly FrozenDictionary<string, Codelist> _codelists;

    private CodelistLibrary(IReadOnlyList<CodelistInfo> all, FrozenDictionary<string, Codelist> codelists)
    {
        All = all;
        _codelists = codelists;
    }

    /// <summary>Every codelist in the manifest, in manifest order.</summary>
    public IReadOnlyList<CodelistInfo> All { get; }

    /// <summary>The codelists shipped with the program (read on first use, then kept).</summary>
    /// <exception cref="CohortModelException">The manifest or a file it names is missing or malformed.</exception>
    public static CodelistLibrary LoadShipped() => Shipped.Value;

    /// <summary>The codelists of the data folder <paramref name="dataDirectory"/> (the folder holding <c>codelists/</c> and <c>medicines/</c>).</summary>
    /// <exception cref="CohortModelException">The manifest or a file it names is missing or malformed; the message names the file and line.</exception>
    public static CodelistLibrary Load(string dataDirectory)
    {
        var manifest = Path.Combine(dataDirectory, ManifestPath);
        if (!File.Exists(manifest))
        {
            throw new CohortModelException($"The codelist manifest {ManifestPath} is not in {dataDirectory}.");
        }

        var infos = new List<CodelistInfo>();
        var codelists = new Dictionary<string, Codelist>(StringComparer.Ordinal);
        foreach (var (line, fields) in CsvText.Read(manifest, ManifestPath))
        {
            if (line == 1)
            {
                if (!fields.SequenceEqual(ManifestHeader, StringComparer.Ordinal))
                {
                    throw new CohortModelException($"{ManifestPath} line 1: the header must be {string.Join(',', ManifestHeader)}.");
                }

                continue;
            }

            var entry = ReadEntry(dataDirectory, line, fields);
            if (!codelists.TryAdd(entry.Codelist.Id, entry.Codelist))
            {
                throw new CohortModelException($"{ManifestPath} line {line}: codelist {entry.Codelist.Id} is listed twice.");
            }

            infos.Add(entry.Info);
        }

        return new CodelistLibrary(infos, codelists.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The codelist with id <paramref name="id"/>.</summary>
    /// <exception cref="CohortModelException">No codelist has that id.</exception>
    public Codelist Get(string id) =>
        TryGet(id, out var codelist)
            ? codelist
            : throw new CohortModelException($"There is no codelist '{id}' in {ManifestPath}.");

    /// <summary>The codelist with id <paramref name="id"/>, if there is one.</summary>
    public bool TryGet(string id, out Codelist codelist) => _codelists.TryGetValue(id, out codelist!);

    /// <summary>
    /// The codelist with id <paramref name="id"/>, or null; shaped to resolve codelists when reading a definition
    /// from JSON (<c>CohortJson.Deserialize(json, library.Find)</c>).
    /// </summary>
    public Codelist? Find(string id) => _codelists.GetValueOrDefault(id);

    private static (Codelist Codelist, CodelistInfo Info) ReadEntry(string dataDirectory, int line, string[] fields)
    {
        if (fields.Length != ManifestHeader.Length)
        {
            throw new CohortModelException($"{ManifestPath} line {line}: expected {ManifestHeader.Length} fields, found {fields.Length}.");
        }

        var (id, file, version, refset, status, description, inline) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]);
        if (id.Length == 0 || version.Length == 0)
        {
            throw new CohortModelException($"{ManifestPath} line {line}: a codelist needs an id and a version.");
        }

        var isLocal = status.StartsWith("local", StringComparison.Ordinal);
        if (!isLocal && status != "published")
        {
            throw new CohortModelException($"{ManifestPath} line {line}: status must be 'published' or 'local (unchecked)', not '{status}'.");
        }

        IReadOnlyCollection<string> codes;
        if (file.Length > 0)
        {
            codes = ReadCodes(dataDirectory, file);
        }
        else if (inline.Length > 0)
        {
            codes = inline.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        else
        {
            throw new CohortModelException($"{ManifestPath} line {line}: codelist {id} names no file and lists no codes.");
        }

        var codelist = new Codelist(id, version, codes, description);
        var info = new CodelistInfo(id, version, file.Length > 0 ? file : null, refset.Length > 0 ? refset : null, description, codelist.Codes.Count, isLocal);
        return (codelist, info);
    }

    private static List<string> ReadCodes(string dataDirectory, string file)
    {
        var path = Path.Combine(dataDirectory, file);
        if (!File.Exists(path))
        {
            throw new CohortModelException($"The codelist file {file} named in {ManifestPath} is not in {dataDirectory}.");
        }

        var codes = new List<string>();
        var column = -1;
        foreach (var (line, fields) in CsvText.Read(path, file))
        {
            if (column < 0)
            {
                column = CodeColumn(fields);
                if (column < 0)
                {
                    throw new CohortModelException($"{file} line {line}: no code column (code, dmd_id or id) in the header.");
                }

                continue;
            }

            var code = column < fields.Length ? fields[column].Trim() : "";
            if (code.Length == 0 || !code.All(char.IsAsciiLetterOrDigit))
            {
                throw new CohortModelException($"{file} line {line}: '{code}' is not a code.");
            }

            codes.Add(code);
        }

        if (codes.Count == 0)
        {
            throw new CohortModelException($"{file} has no codes.");
        }

        return codes;
    }

    private static int CodeColumn(string[] header)
    {
        foreach (var name in (string[])["code", "dmd_id", "id"])
        {
            var index = Array.IndexOf(header, name);
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }
}

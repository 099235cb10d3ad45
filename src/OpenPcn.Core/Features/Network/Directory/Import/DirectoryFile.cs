using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;

namespace OpenPcn.Core.Features.Network.Directory.Import;

/// <summary>
/// A national file opened for import: its kind (given, or recognised from its name and first bytes) and the stream to
/// parse, which for a zipped CSV is the CSV inside. Anything that is none of the four kinds is refused here, before a
/// transaction is opened, with a message saying what OpenPCN expected.
/// </summary>
internal sealed class DirectoryFile : IDisposable
{
    public const string Expected =
        "OpenPCN reads gp-reg-pat-prac-all.csv (Patients Registered at a GP Practice: a header row with EXTRACT_DATE, CODE, " +
        "SEX, AGE and NUMBER_OF_PATIENTS), gp-reg-pat-prac-map.csv (a header row with PRACTICE_CODE, PCN_CODE, " +
        "SUB_ICB_LOCATION_CODE, ICB_CODE and their names), epraccur.csv (ODS: 27 columns and no header row) and ePCN.xlsx " +
        "(ODS: sheets PCNDetails and PCN Core Partner Details), or a .zip holding one of the CSV files.";

    private const int HeadLength = 64 * 1024;

    private readonly ZipArchive? _zip;

    private DirectoryFile(DirectoryFileKind kind, ProgressStream content, ZipArchive? zip)
    {
        Kind = kind;
        Content = content;
        _zip = zip;
    }

    public DirectoryFileKind Kind { get; }

    public ProgressStream Content { get; }

    public static string Describe(DirectoryFileKind kind) => kind switch
    {
        DirectoryFileKind.PatientsRegistered => "gp-reg-pat-prac-all.csv (Patients Registered at a GP Practice, totals)",
        DirectoryFileKind.PracticeMap => "gp-reg-pat-prac-map.csv (the practice to PCN, sub-ICB and ICB map)",
        DirectoryFileKind.Epraccur => "epraccur.csv (ODS GP practices and prescribing cost centres)",
        DirectoryFileKind.Epcn => "ePCN.xlsx (ODS PCN details and core partners)",
        _ => "a national directory file",
    };

    /// <summary>The kind a file's name suggests, e.g. <c>epraccur.zip</c> or <c>ePCN.xlsx</c>; <c>null</c> if none.</summary>
    public static DirectoryFileKind? KindFromName(string fileName)
    {
        var name = Path.GetFileName(fileName).ToLowerInvariant();
        return name.EndsWith(".xlsx", StringComparison.Ordinal) || name.Contains("epcn", StringComparison.Ordinal) ? DirectoryFileKind.Epcn
            : name.Contains("epraccur", StringComparison.Ordinal) ? DirectoryFileKind.Epraccur
            : name.Contains("prac-map", StringComparison.Ordinal) ? DirectoryFileKind.PracticeMap
            : name.Contains("prac-all", StringComparison.Ordinal) ? DirectoryFileKind.PatientsRegistered
            : null;
    }

    /// <summary>Opens a seekable file; throws <see cref="ImportFormatException"/> when it is empty or unrecognised.</summary>
    public static DirectoryFile Open(Stream file, string fileName, DirectoryFileKind? requested)
    {
        if (file.Length == 0)
        {
            throw new ImportFormatException($"The file {Path.GetFileName(fileName)} is empty. {Expected}");
        }

        file.Position = 0;
        var head = ReadHead(file);
        file.Position = 0;
        if (head.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return OpenZip(file, fileName, requested);
        }

        if (requested == DirectoryFileKind.Epcn || fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportFormatException($"{Path.GetFileName(fileName)} is not an Excel workbook (.xlsx). {Expected}");
        }

        return new DirectoryFile(DetectCsv(head, fileName, requested), new ProgressStream(file, file.Length), null);
    }

    public void Dispose() => _zip?.Dispose();

    private static DirectoryFile OpenZip(Stream file, string fileName, DirectoryFileKind? requested)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new ImportFormatException($"{Path.GetFileName(fileName)} looks like a zip file or workbook but cannot be opened (is it damaged?). {Expected}");
        }

        if (zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal)))
        {
            zip.Dispose();
            file.Position = 0;
            return requested is null or DirectoryFileKind.Epcn
                ? new DirectoryFile(DirectoryFileKind.Epcn, new ProgressStream(file, file.Length), null)
                : throw new ImportFormatException($"This is an Excel workbook, not {Describe(requested.Value)}. {Expected}");
        }

        var csvs = zip.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        if (csvs.Count != 1)
        {
            zip.Dispose();
            throw new ImportFormatException($"The zip file holds {csvs.Count} CSV files; it should hold exactly one. {Expected}");
        }

        var entry = csvs[0];
        try
        {
            if (entry.Length == 0)
            {
                throw new ImportFormatException($"{entry.Name} in the zip file is empty. {Expected}");
            }

            byte[] head;
            using (var sniff = entry.Open())
            {
                head = ReadHead(sniff);
            }

            var kind = DetectCsv(head, entry.Name, requested);
            return new DirectoryFile(kind, new ProgressStream(entry.Open(), entry.Length), zip);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private static DirectoryFileKind DetectCsv(byte[] head, string fileName, DirectoryFileKind? requested)
    {
        if (head.AsSpan().Contains((byte)0))
        {
            throw new ImportFormatException($"{Path.GetFileName(fileName)} is not a CSV text file (it holds binary data). {Expected}");
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ImportFormatException($"The file {Path.GetFileName(fileName)} is empty. {Expected}");
        }

        if (requested is { } given)
        {
            return given;
        }

        var fields = FirstRecord(text);
        var names = new HashSet<string>(fields.Select(f => f.Trim()), StringComparer.OrdinalIgnoreCase);
        if (names.Contains("PRACTICE_CODE") && names.Contains("PCN_CODE"))
        {
            return DirectoryFileKind.PracticeMap;
        }

        if (names.Contains("NUMBER_OF_PATIENTS"))
        {
            return DirectoryFileKind.PatientsRegistered;
        }

        if (fields.Length == EpraccurImporter.Columns && OdsCode.TryParse(fields[0], out _))
        {
            return DirectoryFileKind.Epraccur;
        }

        // The name may still say what it was meant to be; its importer then names the columns it lacks.
        return KindFromName(fileName) is { } named and not DirectoryFileKind.Epcn
            ? named
            : throw new ImportFormatException($"{Path.GetFileName(fileName)} does not look like any of the national directory files. {Expected}");
    }

    private static string[] FirstRecord(string text)
    {
        using var parser = new CsvParser(new StringReader(text), CultureInfo.InvariantCulture);
        return parser.Read() ? parser.Record ?? [] : [];
    }

    private static byte[] ReadHead(Stream stream)
    {
        var buffer = new byte[HeadLength];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }
}

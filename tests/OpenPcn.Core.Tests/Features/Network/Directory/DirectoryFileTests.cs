using System.IO.Compression;
using System.Text;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Network.Directory.Import;

namespace OpenPcn.Core.Tests.Features.Network.Directory;

[Trait("Category", "Unit")]
public sealed class DirectoryFileTests
{
    [Theory]
    [InlineData("gp-reg-pat-prac-map.csv", DirectoryFileKind.PracticeMap)]
    [InlineData("gp-reg-pat-prac-all.csv", DirectoryFileKind.PatientsRegistered)]
    [InlineData("epraccur.csv", DirectoryFileKind.Epraccur)]
    public void Open_RealFileUnderAnotherName_IsRecognisedByItsContent(string fixture, DirectoryFileKind expected)
    {
        using var stream = File.OpenRead(DirectoryTestFiles.Fixture(fixture));

        using var file = DirectoryFile.Open(stream, "upload.csv", requested: null);

        Assert.Equal(expected, file.Kind);
    }

    [Fact]
    public void Open_Workbook_IsEpcn()
    {
        using var stream = new MemoryStream(EpcnWorkbook.Build([EpcnWorkbook.Pcn("U89141", "STOCKTON PCN", null)], null));

        using var file = DirectoryFile.Open(stream, "download", requested: null);

        Assert.Equal(DirectoryFileKind.Epcn, file.Kind);
    }

    [Fact]
    public void Open_ZipHoldingTheMap_IsThePracticeMap()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntryFromFile(DirectoryTestFiles.Fixture(DirectoryTestFiles.Map), "gp-reg-pat-prac-map.csv");
        }

        using var file = DirectoryFile.Open(zip, "gp-reg-pat-prac-map.zip", requested: null);

        Assert.Equal(DirectoryFileKind.PracticeMap, file.Kind);
    }

    [Fact]
    public void Open_OtherCsv_IsRefusedNamingTheExpectedFiles()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("name,colour\nsky,blue\n"));

        var error = Assert.Throws<ImportFormatException>(() => DirectoryFile.Open(stream, "colours.csv", requested: null));

        Assert.Contains("colours.csv does not look like any of the national directory files", error.Message, StringComparison.Ordinal);
        Assert.Contains("NUMBER_OF_PATIENTS", error.Message, StringComparison.Ordinal);
        Assert.Contains("ePCN.xlsx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WrongColumnsUnderANationalFileName_GoesToThatImporterToNameTheMissingColumns()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("name,colour\nsky,blue\n"));

        using var file = DirectoryFile.Open(stream, "gp-reg-pat-prac-all.csv", requested: null);

        Assert.Equal(DirectoryFileKind.PatientsRegistered, file.Kind);
    }

    [Theory]
    [InlineData(new byte[0], "is empty")]
    [InlineData(new byte[] { 0x0D, 0x0A, 0x20 }, "is empty")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00 }, "not a CSV text file")]
    public void Open_EmptyOrBinary_IsRefused(byte[] bytes, string message)
    {
        using var stream = new MemoryStream(bytes);

        var error = Assert.Throws<ImportFormatException>(() => DirectoryFile.Open(stream, "data.csv", requested: null));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_CsvAskedForAsEpcn_IsRefused()
    {
        using var stream = File.OpenRead(DirectoryTestFiles.Fixture(DirectoryTestFiles.Map));

        var error = Assert.Throws<ImportFormatException>(() => DirectoryFile.Open(stream, "ePCN.xlsx", DirectoryFileKind.Epcn));

        Assert.Contains("is not an Excel workbook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveDataFolder_Default_IsDataDirectoryBesideTheAppWithTheShippedFiles()
    {
        var folder = new DirectoryOptions().ResolveDataFolder();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data", "directory"), folder);
        foreach (var (fileName, _) in DirectoryImportService.ShippedFiles)
        {
            Assert.True(File.Exists(Path.Combine(folder, fileName)), $"{fileName} is not copied to the output folder");
        }

        Assert.True(File.Exists(Path.Combine(folder, "SOURCES.md")));
    }

    [Theory]
    [InlineData("01JAN2021", 2021, 1, 1)]
    [InlineData("01May2022", 2022, 5, 1)]
    [InlineData("01oct2025", 2025, 10, 1)]
    [InlineData(" 29FEB2024 ", 2024, 2, 29)]
    public void TryParseExtractDate_AnyMonthCase_Parses(string text, int year, int month, int day)
    {
        Assert.True(DirectoryDates.TryParseExtractDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2021-01-01")]
    [InlineData("29FEB2023")]
    [InlineData("01XYZ2021")]
    [InlineData("1JAN2021")]
    [InlineData("")]
    public void TryParseExtractDate_NotDdMmmYyyy_IsRefused(string text) =>
        Assert.False(DirectoryDates.TryParseExtractDate(text, out _));

    [Theory]
    [InlineData(20200701d, 2020, 7, 1)]
    [InlineData(43647d, 2019, 7, 1)]
    public void TryParseNumber_YyyyMmDdOrExcelSerial_Parses(double number, int year, int month, int day)
    {
        Assert.True(DirectoryDates.TryParseNumber(number, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("20200701")]
    [InlineData("01/07/2020")]
    [InlineData("1/7/2020")]
    [InlineData("2020-07-01")]
    [InlineData("1 Jul 2020")]
    public void TryParseText_CommonSpreadsheetForms_Parse(string text)
    {
        Assert.True(DirectoryDates.TryParseText(text, out var date));
        Assert.Equal(new DateOnly(2020, 7, 1), date);
    }

    [Theory]
    [InlineData("1 Sep 2020")]
    [InlineData("01-Sep-2020")]
    [InlineData("01SEP2020")]
    [InlineData("1 Sept 2020")]
    public void TryParseText_September_ParsesWithEitherAbbreviation(string text)
    {
        Assert.True(DirectoryDates.TryParseText(text, out var date));
        Assert.Equal(new DateOnly(2020, 9, 1), date);
    }

    [Theory]
    [InlineData("EMIS", Core.Features.Network.ClinicalSystem.Emis)]
    [InlineData("TPP", Core.Features.Network.ClinicalSystem.Tpp)]
    [InlineData("INPS", Core.Features.Network.ClinicalSystem.Vision)]
    [InlineData("Vision", Core.Features.Network.ClinicalSystem.Vision)]
    [InlineData("Unknown", Core.Features.Network.ClinicalSystem.Unknown)]
    [InlineData("", Core.Features.Network.ClinicalSystem.Unknown)]
    [InlineData("Microtest", Core.Features.Network.ClinicalSystem.Other)]
    public void ClinicalSystemOf_SupplierName_MapsToTheSystem(string supplier, Core.Features.Network.ClinicalSystem expected) =>
        Assert.Equal(expected, OnboardingService.ClinicalSystemOf(supplier));
}

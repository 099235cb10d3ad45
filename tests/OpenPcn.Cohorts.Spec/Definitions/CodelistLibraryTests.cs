using OpenPcn.Cohorts.Codelists;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Spec.Definitions;

public sealed class CodelistLibraryTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "openpcn-codelists-" + Guid.NewGuid().ToString("N"));

    public CodelistLibraryTests() => Directory.CreateDirectory(Path.Combine(_data, "codelists"));

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void LoadShipped_Hypertension_HasVersionRefsetAndCodes()
    {
        var library = CodelistLibrary.LoadShipped();

        var hyp = library.Get("HYP_COD");
        var info = library.All.Single(i => i.Id == "HYP_COD");

        Assert.Equal("20210127", hyp.Version);
        Assert.True(hyp.Contains("59621000"));
        Assert.Equal("999006611000230105", info.RefsetId);
        Assert.Equal(hyp.Codes.Count, info.CodeCount);
        Assert.False(info.IsLocal);
    }

    [Fact]
    public void LoadShipped_TwoCalls_ReturnTheSameLibrary()
    {
        Assert.Same(CodelistLibrary.LoadShipped(), CodelistLibrary.LoadShipped());
    }

    [Fact]
    public void LoadShipped_EveryManifestEntry_HasItsFileAndCodes()
    {
        var library = CodelistLibrary.LoadShipped();
        var data = Path.Combine(AppContext.BaseDirectory, "data");

        Assert.NotEmpty(library.All);
        foreach (var info in library.All)
        {
            Assert.True(info.CodeCount > 0, info.Id);
            Assert.True(info.File is null ? info.IsLocal : File.Exists(Path.Combine(data, info.File)), info.Id);
        }
    }

    [Fact]
    public void LoadShipped_MedicinesWithIdColumn_ReadsDmdCodes()
    {
        var library = CodelistLibrary.LoadShipped();

        Assert.True(library.Get("ANTICOAGULANTS").Contains("703908001"));
        Assert.True(library.Get("Z_DRUGS").Contains("321175006"));
    }

    [Fact]
    public void LoadShipped_LocalHealthCheck_IsMarkedLocalWithItsCode()
    {
        var library = CodelistLibrary.LoadShipped();

        var info = library.All.Single(i => i.Id == "LD_HEALTH_CHECK_LOCAL");

        Assert.True(info.IsLocal);
        Assert.Null(info.File);
        Assert.Equal(["ld-annual-health-check"], library.Get("LD_HEALTH_CHECK_LOCAL").Codes);
    }

    [Fact]
    public void Get_UnknownId_ThrowsNamingTheId()
    {
        var error = Assert.Throws<CohortModelException>(() => CodelistLibrary.LoadShipped().Get("NOPE_COD"));

        Assert.Contains("NOPE_COD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGet_UnknownId_ReturnsFalse()
    {
        Assert.False(CodelistLibrary.LoadShipped().TryGet("NOPE_COD", out _));
    }

    [Fact]
    public void Load_QuotedDescriptionAndDmdIdColumn_ReadsBoth()
    {
        WriteManifest("X_COD,codelists/x.csv,v1,123,published,\"Codes, with a comma\",");
        Write("codelists/x.csv", "dmd_type,dmd_id,dmd_name\r\nVMP,111,\"A, b\"\r\nAMP,222,C\r\n");

        var library = CodelistLibrary.Load(_data);

        Assert.Equal(["111", "222"], library.Get("X_COD").Codes.Order(StringComparer.Ordinal));
        Assert.Equal("Codes, with a comma", library.All[0].Description);
    }

    [Fact]
    public void Load_BadCodeInFile_ThrowsNamingFileAndLine()
    {
        WriteManifest("X_COD,codelists/x.csv,v1,,published,X,");
        Write("codelists/x.csv", "code,term\n111,A\n,missing\n");

        var error = Assert.Throws<CohortModelException>(() => CodelistLibrary.Load(_data));

        Assert.Contains("codelists/x.csv line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithoutCodeColumn_ThrowsNamingFile()
    {
        WriteManifest("X_COD,codelists/x.csv,v1,,published,X,");
        Write("codelists/x.csv", "concept,term\n111,A\n");

        var error = Assert.Throws<CohortModelException>(() => CodelistLibrary.Load(_data));

        Assert.Contains("codelists/x.csv line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingFile()
    {
        WriteManifest("X_COD,codelists/gone.csv,v1,,published,X,");

        var error = Assert.Throws<CohortModelException>(() => CodelistLibrary.Load(_data));

        Assert.Contains("codelists/gone.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_IdListedTwice_ThrowsNamingLine()
    {
        WriteManifest("X_COD,,v1,,local (unchecked),X,a", "X_COD,,v2,,local (unchecked),X,b");

        var error = Assert.Throws<CohortModelException>(() => CodelistLibrary.Load(_data));

        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnclosedQuoteInManifest_ThrowsNamingLine()
    {
        WriteManifest("X_COD,,v1,,local (unchecked),\"X,a");

        var error = Assert.Throws<CohortModelException>(() => CodelistLibrary.Load(_data));

        Assert.Contains("codelists/codelists.csv line 2", error.Message, StringComparison.Ordinal);
    }

    private void WriteManifest(params string[] rows) =>
        Write(CodelistLibrary.ManifestPath, "id,file,version,refset_id,status,description,codes\n" + string.Join('\n', rows) + "\n");

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(_data, file), text);
}

using OpenPcn.Cohorts.Spec.Harness;

namespace OpenPcn.Cohorts.Spec;

public sealed class LanguageReferenceTests
{
    [Fact]
    public void LanguageReference_CommittedFile_MatchesTheSpecCases()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "cohort-language.md");
        var rendered = LanguageReference.Render();
        if (Environment.GetEnvironmentVariable("OPENPCN_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        Assert.True(
            committed == rendered,
            "docs/cohort-language.md differs from the spec cases; rewrite it with OPENPCN_UPDATE_DOCS=1 dotnet test tests/OpenPcn.Cohorts.Spec --filter LanguageReference");
    }

    [Fact]
    public void LanguageReference_Render_HasEveryCaseAndTable()
    {
        var rendered = LanguageReference.Render();

        Assert.All(SpecCatalogue.Cases, c => Assert.Contains($"### {c.Title}\n", rendered, StringComparison.Ordinal));
        Assert.All(Schema.CohortTables.All, t => Assert.Contains($"### `{t.Name}`", rendered, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OpenPcn.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with OpenPcn.slnx) was not found above the test folder.");
    }
}

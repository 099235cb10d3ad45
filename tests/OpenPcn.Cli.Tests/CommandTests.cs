using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Cli.Tests;

[Trait("Category", "Functional")]
public sealed class CommandTests
{
    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, output) = await CliRunner.RunAsync(db, "--help");

        Assert.True(exit == 0, output);
        foreach (var command in new[] { "db", "directory", "network", "users", "demo", "import", "generate" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DbMigrate_UpToDate_SaysSoAndSucceeds()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, output) = await CliRunner.RunAsync(db, "db", "migrate");

        Assert.Equal(0, exit);
        Assert.Contains("up to date", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetworkShow_NoNetwork_FailsWithWhatToDo()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, output) = await CliRunner.RunAsync(db, "network", "show");

        Assert.Equal(1, exit);
        Assert.Contains("openpcn network create", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetworkShow_UnknownOption_FailsAsAParseError()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, _) = await CliRunner.RunAsync(db, "network", "show", "--no-such-option");

        Assert.Equal(1, exit);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DemoSeed_ThenShow_PrintsPracticesAndChecks(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var (seeded, seedOutput) = await CliRunner.RunAsync(db, "demo", "seed");
        var (shown, output) = await CliRunner.RunAsync(db, "network", "show", "--pcn", "U99999");

        Assert.Equal(0, seeded);
        Assert.Contains("manager@demo.openpcn.test", seedOutput, StringComparison.Ordinal);
        Assert.Equal(0, shown);
        Assert.Contains("Millbrook Surgery (fictional)", output, StringComparison.Ordinal);
        Assert.Contains("45,020", output, StringComparison.Ordinal);
        Assert.Contains("Formation checks", output, StringComparison.Ordinal);
        Assert.Contains("Demo network", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoSeed_Twice_ReplacesTheDemoWithoutDuplicates()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        await CliRunner.RunAsync(db, "demo", "seed");
        var (exit, _) = await CliRunner.RunAsync(db, "demo", "seed");

        Assert.Equal(0, exit);
        await using var scope = db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        Assert.Equal(1, await context.Pcns.CountAsync());
        Assert.Equal(7, await context.Practices.CountAsync());
        Assert.Equal(7, await context.Users.CountAsync());
    }

    [Fact]
    public async Task UsersAdd_WithPasswordFromStdin_AddsTheUser()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await db.CreateNetworkAsync("U11111", "North PCN", "QOP", ("P82001", 31_000));

        var (exit, output) = await CliRunner.RunWithInputAsync(db, "a-long-enough-password\n",
            "users", "add", "--email", "new.manager@example.nhs.uk", "--name", "New Manager", "--role", "pcnmanager", "--password-stdin");
        var (_, list) = await CliRunner.RunAsync(db, "users", "list", "--pcn", "U11111");

        Assert.Equal(0, exit);
        Assert.Contains("Added new.manager@example.nhs.uk", output, StringComparison.Ordinal);
        Assert.Contains("PcnManager", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersRemoveAccess_ThenRestore_ShowsInTheList()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await db.CreateNetworkAsync("U11111", "North PCN", "QOP", ("P82001", 31_000));
        await CliRunner.RunWithInputAsync(db, "a-long-enough-password\n",
            "users", "add", "--email", "leaver@example.nhs.uk", "--role", "Clinician", "--password-stdin");

        var (removed, removedOutput) = await CliRunner.RunAsync(db, "users", "remove-access", "--email", "leaver@example.nhs.uk");
        var (_, listAfterRemove) = await CliRunner.RunAsync(db, "users", "list");
        var (restored, _) = await CliRunner.RunAsync(db, "users", "restore-access", "--email", "LEAVER@example.nhs.uk");
        var (_, listAfterRestore) = await CliRunner.RunAsync(db, "users", "list");
        var (unknown, unknownOutput) = await CliRunner.RunAsync(db, "users", "remove-access", "--email", "nobody@example.nhs.uk");

        Assert.Equal((0, 0, 1), (removed, restored, unknown));
        Assert.Contains("Removed the access of leaver@example.nhs.uk", removedOutput, StringComparison.Ordinal);
        Assert.Contains("access removed", listAfterRemove, StringComparison.Ordinal);
        Assert.DoesNotContain("access removed", listAfterRestore, StringComparison.Ordinal);
        Assert.Contains("is not a user of this network", unknownOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_ShortPasswordAndUnknownRole_FailsWithReasons()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await db.CreateNetworkAsync("U11111", "North PCN", "QOP", ("P82001", 31_000));

        var (badRole, roleOutput) = await CliRunner.RunWithInputAsync(db, "a-long-enough-password\n",
            "users", "add", "--email", "x@example.nhs.uk", "--role", "Overlord", "--password-stdin");
        var (shortPassword, passwordOutput) = await CliRunner.RunWithInputAsync(db, "short\n",
            "users", "add", "--email", "x@example.nhs.uk", "--role", "Clinician", "--password-stdin");
        var (noPractice, practiceOutput) = await CliRunner.RunWithInputAsync(db, "a-long-enough-password\n",
            "users", "add", "--email", "x@example.nhs.uk", "--role", "PracticeManager", "--password-stdin");

        Assert.Equal((1, 1, 1), (badRole, shortPassword, noPractice));
        Assert.Contains("Unknown role Overlord", roleOutput, StringComparison.Ordinal);
        Assert.Contains("12", passwordOutput, StringComparison.Ordinal);
        Assert.Contains("practice", practiceOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DirectoryImport_BadRows_ExitsTwoAndWritesTheRejections()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("openpcn-cli-").FullName;
        try
        {
            var file = Path.Combine(folder, "gp-reg-pat-prac-all.csv");
            await File.WriteAllLinesAsync(file,
            [
                "PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS",
                "GP_PRAC_PAT_LIST,01JUL2026,GP,A81001,TS18 1HU,ALL,ALL,8900",
                "GP_PRAC_PAT_LIST,01JUL2026,GP,NOTACODE,TS18 2AW,ALL,ALL,1200",
                "GP_PRAC_PAT_LIST,01JUL2026,GP,A81002,TS18 2AW,ALL,ALL,lots",
            ]);
            var rejections = Path.Combine(folder, "rejections.csv");

            var (exit, output) = await CliRunner.RunAsync(db, "directory", "import", file, "--rejections-out", rejections);

            Assert.Equal(2, exit);
            Assert.Contains("line 3", output, StringComparison.Ordinal);
            Assert.Contains("line 4", output, StringComparison.Ordinal);
            var lines = await File.ReadAllLinesAsync(rejections);
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("File,Sheet,Line,Reason", lines[0], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task DirectoryImport_MissingFile_Fails()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, output) = await CliRunner.RunAsync(db, "directory", "import", "/no/such/file.csv");

        Assert.Equal(1, exit);
        Assert.Contains("Not found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetworkCreate_RealPcnFromShippedDirectory_CreatesPracticesAndListSizes()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, output) = await CliRunner.RunWithInputAsync(db, "a-long-enough-password\n",
            "network", "create", "--pcn", "U89141", "--manager-email", "manager@stockton.example", "--password-stdin");
        var (shown, show) = await CliRunner.RunAsync(db, "network", "show", "--pcn", "u89141");

        Assert.Equal(0, exit);
        Assert.Contains("Created STOCKTON PCN (U89141)", output, StringComparison.Ordinal);
        Assert.Equal(0, shown);
        Assert.Contains("A81001", show, StringComparison.Ordinal);
        var practices = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"with (\d+) practices").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(practices >= 2, output);
    }
}

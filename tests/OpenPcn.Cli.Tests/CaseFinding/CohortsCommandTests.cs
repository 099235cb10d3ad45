using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Cli.Features.CaseFinding;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;

namespace OpenPcn.Cli.Tests.CaseFinding;

[Trait("Category", "Functional")]
public sealed class CohortsCommandTests : IDisposable
{
    private static readonly string Nhs1 = RecordSeeder.NhsNumberFrom(5151);
    private readonly string _folder = Directory.CreateTempSubdirectory("openpcn-cli-cohorts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // One network, two practices: patients 1 (P82001) and 2 (P82002) have hypertension (HYP_COD 38341003); 3 has not.
    private static async Task<int> SeedAsync(TestDatabase db)
    {
        var pcn = await db.CreateNetworkAsync("U11111", "Riverside", "QOP", ("P82001", 12_000), ("P82002", 9_000));
        await using var scope = db.SystemScope();
        var seeder = new RecordSeeder(scope.ServiceProvider.GetRequiredService<PcnDbContext>(), pcn);
        await seeder.PatientAsync(1, Nhs1, "P82001", new DateOnly(1950, 3, 1), Sex.Female);
        await seeder.EventAsync(1, EventKind.Condition, "38341003", new DateOnly(2015, 6, 1));
        await seeder.PatientAsync(2, RecordSeeder.NhsNumberFrom(5252), "P82002", new DateOnly(1970, 5, 1), Sex.Male);
        await seeder.EventAsync(2, EventKind.Condition, "38341003", new DateOnly(2020, 1, 1));
        await seeder.PatientAsync(3, RecordSeeder.NhsNumberFrom(5353), "P82001", new DateOnly(1980, 1, 1), Sex.Female);
        return pcn;
    }

    [Fact]
    public async Task CohortsHelp_ListsListShowAndRun()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, output) = await CliRunner.RunAsync(db, "cohorts", "--help");

        Assert.True(exit == 0, output);
        foreach (var command in new[] { "list", "show", "run" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CohortsList_Network_ListsTheBuiltInDefinitions()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(db);

        var (exit, output) = await CliRunner.RunAsync(db, "cohorts", "list");

        Assert.True(exit == 0, output);
        Assert.Contains("hypertension-register", output, StringComparison.Ordinal);
        Assert.Contains("Hypertension register", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CohortsShow_Register_PrintsItsReasonAndCodelists()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(db);

        var (exit, output) = await CliRunner.RunAsync(db, "cohorts", "show", "hypertension-register");

        Assert.True(exit == 0, output);
        Assert.Contains("HYP_COD, HYPRES_COD", output, StringComparison.Ordinal);
        Assert.Contains("latest HYP_COD {diagnosis_code} on {diagnosis_date}", output, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CohortsRun_WithOut_PrintsCountAndPracticesAndExportsTheCsvAuditedAsTheCli(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var pcn = await SeedAsync(db);
        var file = Path.Combine(_folder, "hypertension.csv");

        var (exit, output) = await CliRunner.RunAsync(db, "cohorts", "run", "hypertension-register", "--as-of", "2026-11-23", "--out", file);
        var (again, againOutput) = await CliRunner.RunAsync(db, "cohorts", "run", "hypertension-register", "--as-of", "2026-11-23");

        Assert.True(exit == 0, output);
        Assert.Contains("for the network on 2026-11-23: 2 patients (2 new, 0 no longer qualifying)", output, StringComparison.Ordinal);
        Assert.Contains("P82002", output, StringComparison.Ordinal);
        Assert.Contains("Exported 2 rows", output, StringComparison.Ordinal);
        Assert.True(again == 0, againOutput);
        Assert.Contains("2 patients (0 new, 0 no longer qualifying)", againOutput, StringComparison.Ordinal);
        var csv = await File.ReadAllLinesAsync(file);
        Assert.Equal(3, csv.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.StartsWith(Nhs1 + ",1950-03-01,", csv[1], StringComparison.Ordinal);

        await using var scope = db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var export = await context.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == WorklistService.ExportAction);
        Assert.Equal(pcn, export.PcnId);
        Assert.StartsWith("cli:", export.UserId, StringComparison.Ordinal);
        Assert.Equal(1, await context.Set<Worklist>().CountAsync());
    }

    [Fact]
    public async Task WritePrivate_FileExistsReadableByAll_IsOwnerOnlyAfterwards()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var file = Path.Combine(_folder, "existing.csv");
        await File.WriteAllTextAsync(file, "old");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await CohortsCommands.WritePrivateAsync(file, "new"u8.ToArray(), CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal("new", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task CohortsRun_ForAPractice_HoldsOnlyItsPatients()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(db);

        var (exit, output) = await CliRunner.RunAsync(db, "cohorts", "run", "hypertension-register", "--practice", "P82002", "--as-of", "2026-11-23");

        Assert.True(exit == 0, output);
        Assert.Contains("for P82002 on 2026-11-23: 1 patients", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-definition", "--as-of", "2026-11-23", "There is no cohort definition no-such-definition")]
    [InlineData("hypertension-register", "--as-of", "23/11/2026", "is not a date like")]
    [InlineData("hypertension-register", "--out", "list.pdf", "Export to a .csv or .xlsx file")]
    [InlineData("hypertension-register", "--as-of", "0001-01-01", "indexDate: Choose a date from 1900-01-01 to 2100-12-31")]
    [InlineData("hypertension-register", "--practice", "P99999", "practice: Practice P99999 is not a member of this network")]
    public async Task CohortsRun_BadInput_FailsSayingWhy(string name, string option, string value, string message)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(db);

        var (exit, output) = await CliRunner.RunAsync(db, "cohorts", "run", name, option, value);

        Assert.Equal(1, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }
}

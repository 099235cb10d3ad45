using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Cli.Tests.Population;

[Trait("Category", "Functional")]
public sealed class PopulationCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"openpcn-cli-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GenerateThenImport_EmptyDatabase_CreatesTheNetworkAndEveryPatient(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var (generated, generateOutput) = await CliRunner.RunAsync(db,
            "generate", "--patients", "300", "--practices", "3", "--seed", "7", "--as-of", "2026-11-23", "--pcn", "U90001", "--out", _folder);
        var (imported, importOutput) = await CliRunner.RunAsync(db, "import", _folder);

        Assert.True(generated == 0, generateOutput);
        Assert.True(imported == 0, importOutput);
        Assert.Contains("Import summary", importOutput, StringComparison.Ordinal);
        await using var scope = db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var pcn = await context.Pcns.SingleAsync(p => p.Code == PcnCode.Parse("U90001"));
        Assert.Equal(3, await context.Practices.CountAsync(p => p.PcnId == pcn.PcnId));
        Assert.Equal(300, await context.Patients.CountAsync(p => p.PcnId == pcn.PcnId));
    }

    [Fact]
    public async Task Import_SameFolderTwice_SecondRunStoresNothingNew()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CliRunner.RunAsync(db, "generate", "--patients", "100", "--practices", "2", "--seed", "3", "--as-of", "2026-11-23", "--out", _folder);
        await CliRunner.RunAsync(db, "import", _folder);
        await using var before = db.SystemScope();
        var events = await before.ServiceProvider.GetRequiredService<PcnDbContext>().ClinicalEvents.CountAsync();

        var (exit, output) = await CliRunner.RunAsync(db, "import", _folder);

        Assert.True(exit == 0, output);
        await using var after = db.SystemScope();
        var context = after.ServiceProvider.GetRequiredService<PcnDbContext>();
        Assert.Equal(events, await context.ClinicalEvents.CountAsync());
        var second = await context.RecordImports.OrderByDescending(r => r.QueuedAt).FirstAsync();
        Assert.Equal(0, second.Accepted);
        Assert.Equal(second.Read, second.Skipped);
    }

    [Fact]
    public async Task Import_FileWithABadLine_ExitsTwoAndListsTheRejectedResource()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CliRunner.RunAsync(db, "generate", "--patients", "20", "--practices", "1", "--seed", "5", "--as-of", "2026-11-23", "--out", _folder);
        await File.AppendAllTextAsync(Path.Combine(_folder, "Observation.ndjson"), "{\"resourceType\":\"Observation\", this is not json\n");
        var csv = Path.Combine(_folder, "quarantine.csv");

        var (exit, output) = await CliRunner.RunAsync(db, "import", _folder, "--quarantine-out", csv);

        Assert.True(exit == 2, output);
        Assert.Contains("Rejected resources", output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Observation.ndjson", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingPath_FailsWithTheName()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, output) = await CliRunner.RunAsync(db, "import", Path.Combine(_folder, "nothing-here"));

        Assert.Equal(1, exit);
        Assert.Contains("nothing-here", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_BadPcnCode_FailsWithTheRule()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, output) = await CliRunner.RunAsync(db, "generate", "--patients", "10", "--pcn", "X1", "--out", _folder);

        Assert.Equal(1, exit);
        Assert.Contains("not a PCN code", output, StringComparison.Ordinal);
    }
}

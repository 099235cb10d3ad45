using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Cli.Tests.Finance;

[Trait("Category", "Functional")]
public sealed class FinanceCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openpcn-cli-finance-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // One network: P82001 (12,000 registered) and P82002 (8,000); £1,000.00 core funding received for October 2026.
    private static async Task SeedAsync(TestDatabase db)
    {
        var pcn = await db.CreateNetworkAsync("U11111", "Riverside", "QOP", ("P82001", 12_000), ("P82002", 8_000));
        await using var scope = db.PcnScope(pcn);
        await scope.ServiceProvider.GetRequiredService<PaymentLedger>()
            .RecordAsync(new PaymentInput("core-funding", new DateOnly(2026, 10, 1), Money.FromPounds(1_000m), new DateOnly(2026, 10, 28), "ref"));
    }

    [Fact]
    public async Task FinanceStatement_PracticeAndMonth_PrintsSharesWithWorkingsAndExports()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(db);
        var file = Path.Combine(_folder, "statement.csv");

        var (exit, output) = await CliRunner.RunAsync(db, "finance", "statement", "--practice", "P82002", "--month", "2026-10", "--out", file);

        // Raw list (no rule): £1,000.00 × 8,000/20,000 = £400.00.
        Assert.True(exit == 0, output);
        Assert.Contains("Total due: £400.00", output, StringComparison.Ordinal);
        Assert.Contains("Total,Total due,,400.00,", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            // Staff names and their costs: the owner alone may read the file.
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task FinanceEntitlements_Year_PrintsStreamsAndMarchWorkings()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(db);

        var (exit, output) = await CliRunner.RunAsync(db, "finance", "entitlements", "--year", "2026/27");

        Assert.True(exit == 0, output);
        Assert.Contains("core-funding", output, StringComparison.Ordinal);
        Assert.Contains("March takes the rest", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinanceStatement_BadMonth_FailsWithAClearMessage()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(db);

        var (exit, output) = await CliRunner.RunAsync(db, "finance", "statement", "--practice", "P82002", "--month", "October");

        Assert.NotEqual(0, exit);
        Assert.Contains("not a month like 2026-10", output, StringComparison.Ordinal);
    }
}

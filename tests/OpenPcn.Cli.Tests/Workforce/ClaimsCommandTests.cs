using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Features.Workforce.Claims;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Cli.Tests.Workforce;

[Trait("Category", "Functional")]
public sealed class ClaimsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("openpcn-cli-claims-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // One network; Alice, a clinical pharmacist from 1 April 2026 at £48,000 + £6,000 + £6,000 = £60,000 a year:
    // October 2026 actual £5,000.00, maximum £65,838 ÷ 12 = £5,486.50, reimbursable £5,000.00.
    private static async Task<int> SeedAsync(TestDatabase db)
    {
        var pcn = await db.CreateNetworkAsync("U11111", "Riverside", "QOP", ("P82001", 12_000));
        await using var scope = db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var staff = new StaffMember(pcn, Guid.NewGuid(), "Alice Pharmacist", null);
        staff.AddContract(Guid.NewGuid(),
            new ContractTerms("clinical-pharmacist", ArrsRegion.National, 1m, Money.FromPounds(48_000m), Money.FromPounds(6_000m), Money.FromPounds(6_000m),
                new DateOnly(2026, 4, 1), null),
            new ContractDetails("7-8a", EmployerKind.LeadProvider, null, "Riverside Federation", IsArrs: true, AdditionalityConfirmed: true, null));
        context.Add(staff);
        await context.SaveChangesAsync();
        return pcn;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ClaimsBuild_WithOut_PrintsLinesAndTotalAndExportsPrivatelyAudited(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var pcn = await SeedAsync(db);
        var file = Path.Combine(_folder, "october.csv");

        var (exit, output) = await CliRunner.RunAsync(db, "claims", "build", "--month", "2026-10", "--out", file);

        Assert.True(exit == 0, output);
        Assert.Contains("ARRS claim for October 2026 (draft): 1 line.", output, StringComparison.Ordinal);
        Assert.Contains("Alice Pharmacist", output, StringComparison.Ordinal);
        Assert.Contains("Total reimbursable: £5,000.00", output, StringComparison.Ordinal);
        var csv = await File.ReadAllLinesAsync(file);
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("Total,", csv[2], StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        await using var scope = db.SystemScope();
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        var export = await context.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == ArrsClaimService.ExportAction);
        Assert.Equal(pcn, export.PcnId);
        Assert.StartsWith("cli:", export.UserId, StringComparison.Ordinal);

        var (listExit, list) = await CliRunner.RunAsync(db, "claims", "list");
        Assert.True(listExit == 0, list);
        Assert.Contains("2026-10", list, StringComparison.Ordinal);
        Assert.Contains("Draft", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimsBuild_BadMonth_RefusedWithTheOption()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SeedAsync(db);

        var (exit, output) = await CliRunner.RunAsync(db, "claims", "build", "--month", "October");

        Assert.NotEqual(0, exit);
        Assert.Contains("'October' is not a month like 2026-10.", output, StringComparison.Ordinal);
    }
}

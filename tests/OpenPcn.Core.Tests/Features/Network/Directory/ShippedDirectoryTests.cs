using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using Xunit.Abstractions;

namespace OpenPcn.Core.Tests.Features.Network.Directory;

[Trait("Category", "Integration")]
public sealed class ShippedDirectoryTests(ITestOutputHelper output)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportShippedIfEmpty_EmptyDirectory_LoadsEpraccurThenMapThenListSizes(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.SystemScope();
        var service = scope.ServiceProvider.GetRequiredService<DirectoryImportService>();

        var watch = Stopwatch.StartNew();
        var reports = await service.ImportShippedIfEmptyAsync();
        watch.Stop();
        output.WriteLine($"{provider}: shipped directory loaded in {watch.ElapsedMilliseconds:N0} ms");

        Assert.Equal([DirectoryFileKind.Epraccur, DirectoryFileKind.PracticeMap, DirectoryFileKind.PatientsRegistered], reports.Select(r => r.Kind));
        Assert.All(reports, r => Assert.Equal(ImportStatus.Succeeded, r.Status));
        var status = await service.GetStatusAsync();
        // 8,640 GP practices in epraccur (Feb 2023) plus 18 in the October 2025 map that opened since.
        Assert.Equal((8_658, 1_297, 106, 6_131, 6_658), (status.Practices, status.Pcns, status.SubIcbs, status.Memberships, status.ListSizes));
        Assert.Equal((new DateOnly(2021, 1, 1), new DateOnly(2025, 10, 1)), (status.LatestListSizeDate!.Value, status.LatestMapDate!.Value));

        Assert.Empty(await service.ImportShippedIfEmptyAsync());
        Assert.Equal(3, (await service.ListRunsAsync()).Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_EachShippedFile_Timed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        foreach (var (fileName, kind) in DirectoryImportService.ShippedFiles)
        {
            var watch = Stopwatch.StartNew();
            var report = await db.ImportFixtureAsync(fileName);
            var first = watch.ElapsedMilliseconds;
            watch.Restart();
            var again = await db.ImportFixtureAsync(fileName);
            output.WriteLine($"{provider} {fileName}: {report.RowsRead:N0} rows in {first:N0} ms; re-import {watch.ElapsedMilliseconds:N0} ms");

            Assert.Equal((kind, ImportStatus.Succeeded), (report.Kind, report.Status));
            Assert.Equal(0, again.Inserted + again.Updated);
        }
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;

namespace OpenPcn.Core.Tests.Features.Network.Directory;

/// <summary>The fixture files and small helpers the directory tests share.</summary>
internal static class DirectoryTestFiles
{
    public const string ListSizes = "gp-reg-pat-prac-all.csv";
    public const string Map = "gp-reg-pat-prac-map.csv";
    public const string Epraccur = "epraccur.csv";

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Imports a fixture file as an administrator of no particular network (actor "test-admin").</summary>
    public static Task<ImportReport> ImportFixtureAsync(this TestDatabase db, string name, DirectoryFileKind? kind = null,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        db.ImportPathAsync(Fixture(name), kind, progress, ct);

    public static async Task<ImportReport> ImportPathAsync(this TestDatabase db, string path, DirectoryFileKind? kind = null,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        await using var scope = db.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetActor("test-admin");
        return await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportFileAsync(path, kind, progress, ct);
    }

    /// <summary>Imports <paramref name="text"/> as a file called <paramref name="fileName"/>.</summary>
    public static async Task<ImportReport> ImportTextAsync(this TestDatabase db, string text, string fileName, DirectoryFileKind? kind = null) =>
        await db.ImportBytesAsync(Encoding.UTF8.GetBytes(text), fileName, kind);

    public static async Task<ImportReport> ImportBytesAsync(this TestDatabase db, byte[] bytes, string fileName, DirectoryFileKind? kind = null)
    {
        await using var scope = db.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().SetActor("test-admin");
        using var stream = new MemoryStream(bytes);
        return await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ImportAsync(stream, fileName, kind);
    }

    public static async Task<DirectoryStatus> DirectoryStatusAsync(this TestDatabase db)
    {
        await using var scope = db.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().GetStatusAsync();
    }

    public static async Task<IReadOnlyList<ImportReport>> RunsAsync(this TestDatabase db)
    {
        await using var scope = db.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryImportService>().ListRunsAsync(100);
    }

    public static async Task<T> QueryAsync<T>(this TestDatabase db, Func<PcnDbContext, Task<T>> query)
    {
        await using var scope = db.SystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<PcnDbContext>());
    }

    public static Task<DirectoryListSize?> ListSizeAsync(this TestDatabase db, string practice, DateOnly date) =>
        db.QueryAsync(c => c.DirectoryListSizes.AsNoTracking()
            .SingleOrDefaultAsync(l => l.PracticeCode == Core.Features.Network.PracticeCode.Parse(practice) && l.ExtractDate == date));

    /// <summary>Asserts a rejection on <paramref name="line"/> whose reason contains <paramref name="reason"/>.</summary>
    public static void AssertRejected(ImportReport report, int line, string reason, string sheet = "")
    {
        var rejection = report.Rejections.SingleOrDefault(r => r.Line == line && r.Sheet == sheet);
        Assert.True(rejection is not null,
            $"No rejection on {sheet} line {line}. Rejections: {string.Join(" | ", report.Rejections.Select(r => $"{r.Sheet}:{r.Line} {r.Reason}"))}");
        Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
    }
}

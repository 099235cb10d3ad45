using System.Globalization;
using System.Text;
using OpenPcn.Core.Features.Network.Directory;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using Xunit.Abstractions;

namespace OpenPcn.Core.Tests.Features.Network.Directory;

[Trait("Category", "Integration")]
public sealed class LargeListSizeFileTests(ITestOutputHelper output)
{
    private const int Practices = 7_000;
    private const int Months = 100;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_FiftyMegabyteFile_StreamsEveryRowInReasonableTimeAndMemory(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var folder = System.IO.Directory.CreateTempSubdirectory("openpcn-large-");
        try
        {
            // 7,000 practices x 100 monthly extracts in the CCG-era layout: 700,000 rows, a little over 50 MB.
            var path = Path.Combine(folder.FullName, "gp-reg-pat-prac-all.csv");
            await WriteFileAsync(path);
            Assert.True(new FileInfo(path).Length >= 50_000_000, $"the file is {new FileInfo(path).Length:N0} bytes");

            long peakHeap = 0;
            var progress = new SyncProgress(_ => peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false)));
            var report = await db.ImportPathAsync(path, progress: progress);
            output.WriteLine($"{provider}: {report.RowsRead:N0} rows; peak managed heap {peakHeap / 1_048_576:N0} MB");

            Assert.Equal((ImportStatus.Succeeded, Practices * Months, Practices * Months), (report.Status, report.RowsRead, report.Inserted));
            Assert.Equal(Practices * Months, (await db.DirectoryStatusAsync()).ListSizes);
            Assert.Equal(Patients(6_999, 99), (await db.ListSizeAsync(Code(6_999), Month(99)))!.Patients);
            Assert.True(peakHeap < 600L * 1_048_576, $"peak managed heap {peakHeap:N0} bytes");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task WriteFileAsync(string path)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS");
        for (var m = 0; m < Months; m++)
        {
            var date = Month(m).ToString("ddMMMyyyy", CultureInfo.InvariantCulture).ToUpperInvariant();
            for (var p = 0; p < Practices; p++)
            {
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"GP_PRAC_PAT_LIST,{date},GP,00L,E38000130,{Code(p)},NE65 7UW,ALL,ALL,{Patients(p, m)}"));
            }
        }
    }

    private static string Code(int p) => string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + (p % 26))}{10_000 + p:D5}");

    private static DateOnly Month(int m) => new DateOnly(2017, 1, 1).AddMonths(m);

    private static int Patients(int p, int m) => 1_000 + ((p * 7_919) + (m * 31)) % 20_000;

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

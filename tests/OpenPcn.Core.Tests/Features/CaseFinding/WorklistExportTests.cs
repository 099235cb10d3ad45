using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Features.CaseFinding;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using static OpenPcn.Core.Tests.Features.CaseFinding.CaseFindingTestData;

namespace OpenPcn.Core.Tests.Features.CaseFinding;

[Trait("Category", "Integration")]
public sealed class WorklistExportTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ExportCsv_Worklist_HasTheNhsNumberReasonFactsAndStatusOfEachRow(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
        var id = (await service.RunAsync(Register)).Worklist.WorklistId;
        await service.SetStatusAsync(id, [2], WorklistStatus.Booked);

        var file = await service.ExportAsync(id, new WorklistFilter(), WorklistExportFormat.Csv);

        Assert.Equal(("hypertension-register-network-2026-11-23.csv", "text/csv", 2), (file.FileName, file.ContentType, file.Rows));
        var lines = Encoding.UTF8.GetString(file.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(
            "NHS number,Date of birth,Age,Sex,Practice,Practice name,Reason,diagnosis_code,diagnosis_date,age,Status,Assigned to,Status changed by,Updated,First found,Still qualifies",
            lines[0]);
        Assert.Equal($"{Nhs1},1950-03-01,76,female,P82001,Practice P82001,latest HYP_COD 38341003 on 2015-06-01; no later HYPRES_COD,38341003,2015-06-01,76,To do,,,,2026-11-23,yes", lines[1]);
        Assert.StartsWith($"{Nhs2},1970-05-01,56,male,P82002,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",Booked,,test,2026-11-23 10:00,2026-11-23,yes", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_TextStartingWithAFormula_IsDefusedInCsvAndExcel(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
        var id = (await service.RunAsync(Register)).Worklist.WorklistId;
        await scope.ServiceProvider.GetRequiredService<PcnDbContext>().Set<WorklistEntry>()
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Reason, "=HYPERLINK(\"http://example.org\")"));

        var csv = await service.ExportAsync(id, new WorklistFilter(), WorklistExportFormat.Csv);
        var xlsx = await service.ExportAsync(id, new WorklistFilter(), WorklistExportFormat.Xlsx);

        var line = Encoding.UTF8.GetString(csv.Content).Split('\n')[1];
        Assert.Contains(",\"'=HYPERLINK(\"\"http://example.org\"\")\",", line, StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(xlsx.Content));
        Assert.Equal("'=HYPERLINK(\"http://example.org\")", workbook.Worksheet("Worklist").Cell(2, 7).GetString());
        Assert.Equal(Nhs1, workbook.Worksheet("Worklist").Cell(2, 1).GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ExportXlsx_FilteredByPractice_HoldsOnlyThoseRowsWithTheNhsNumberAsText(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
        var id = (await service.RunAsync(Register)).Worklist.WorklistId;

        var file = await service.ExportAsync(id, new WorklistFilter(Practice: Core.Features.Network.PracticeCode.Parse("P82002")), WorklistExportFormat.Xlsx);

        Assert.EndsWith(".xlsx", file.FileName, StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var sheet = workbook.Worksheet("Worklist");
        Assert.Equal("NHS number", sheet.Cell(1, 1).GetString());
        Assert.Equal(Nhs2, sheet.Cell(2, 1).GetString());
        Assert.Equal(XLDataType.Text, sheet.Cell(2, 1).DataType);
        Assert.Equal(new DateTime(1970, 5, 1), sheet.Cell(2, 2).GetDateTime());
        Assert.True(sheet.Cell(3, 1).IsEmpty());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ViewAndExport_AreAuditedWithWhoAndCountsButNeverTheNhsNumber(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        await using (var scope = db.PcnScope(a, actor: "clinician-1"))
        {
            var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
            var id = (await service.RunAsync(Register)).Worklist.WorklistId;
            await service.GetRowsAsync(id, new WorklistFilter(Page: 1, PageSize: 1));
            await service.ExportAsync(id, new WorklistFilter(), WorklistExportFormat.Csv);
        }

        await using var check = db.SystemScope();
        var events = await check.ServiceProvider.GetRequiredService<PcnDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action.StartsWith("worklist.")).ToListAsync();
        var view = Assert.Single(events, e => e.Action == WorklistService.ViewAction);
        var export = Assert.Single(events, e => e.Action == WorklistService.ExportAction);
        Assert.Single(events, e => e.Action == WorklistService.RunAction);
        Assert.Equal(("clinician-1", Register, a), (view.UserId, view.Subject, view.PcnId));
        Assert.Equal("network worklist; page 1; still qualifying; 1 rows", view.Detail);
        Assert.Equal("network worklist; csv; still qualifying; 2 rows", export.Detail);
        Assert.All(events, e => Assert.DoesNotContain(Nhs1, e.Subject + e.Detail, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task History_IsAuditedWithTheWorklistAndCountButNeverThePatient(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _) = await SeedAsync(db);
        Guid id;
        await using (var scope = db.PcnScope(a, actor: "clinician-1"))
        {
            var service = scope.ServiceProvider.GetRequiredService<WorklistService>();
            id = (await service.RunAsync(Register)).Worklist.WorklistId;
            await service.SetStatusAsync(id, [2], WorklistStatus.Booked);
            await service.HistoryAsync(id, 2);
        }

        await using var check = db.SystemScope();
        var history = Assert.Single(await check.ServiceProvider.GetRequiredService<PcnDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == WorklistService.HistoryAction).ToListAsync());
        Assert.Equal(("clinician-1", Register, a), (history.UserId, history.Subject, history.PcnId));
        Assert.Equal($"network worklist {id}; row history; 1 changes", history.Detail);
        Assert.DoesNotContain(Nhs2, history.Subject + history.Detail, StringComparison.Ordinal);
    }
}

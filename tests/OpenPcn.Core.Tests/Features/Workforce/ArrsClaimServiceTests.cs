using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Workforce.Claims;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using static OpenPcn.Core.Tests.Features.Workforce.ClaimsTestData;

namespace OpenPcn.Core.Tests.Features.Workforce;

/// <summary>October 2026 for network A (see <see cref="ClaimsTestData"/>).</summary>
[Trait("Category", "Integration")]
public sealed class ArrsClaimServiceTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Build_October_OneLinePerArrsContractWithWorkingsAndTotals(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _, alice, ben) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<ArrsClaimService>();

        var claim = await service.BuildAsync(October);

        // Alice: a full month, £5,000.00 (under £5,486.50). Ben from 15 Oct: 17 of 31 days, actual £1,500 × 17/31 =
        // £822.5806… → £822.58; maximum £1,517.8333… × 17 = £25,803.1667 ÷ 31 = £832.3602… → £832.36; reimbursable £822.58.
        // Carol is not ARRS; network B's pharmacist is not A's. Total £5,000.00 + £822.58 = £5,822.58.
        Assert.Equal(ArrsClaimStatus.Draft, claim.Status);
        var lines = (await service.GetAsync(October)).Lines.OrderBy(l => l.LineNumber).ToList();
        Assert.Equal([(1, alice, "Alice Pharmacist", 500_000L), (2, ben, "Ben Linkworker", 82_258L)],
            lines.Select(l => (l.LineNumber, l.ContractId, l.StaffName, l.Reimbursable.Pence)));
        Assert.Equal((31, 17, 82_258L, 83_236L), (lines[1].DaysInMonth, lines[1].DaysInPost, lines[1].ActualCost.Pence, lines[1].Maximum.Pence));
        Assert.Equal(("Social prescribing link worker", 0.5m, 1_500_000L), (lines[1].RoleName, lines[1].Wte, lines[1].AnnualSalary.Pence));
        Assert.Contains("× 17/31 days in post = £822.58", lines[1].Workings, StringComparison.Ordinal);
        Assert.Equal((582_258L, 582_258L), (claim.TotalReimbursable.Pence, (await service.GetAsync(October)).TotalReimbursable.Pence));
        Assert.Equal(["claims.build"], await ActionsAsync(db, a));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Build_DraftAgain_RebuildsFromTheContractsAsTheyAreNow(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _, _, ben) = await SeedAsync(db);
        Guid claimId;
        await using (var scope = db.PcnScope(a))
        {
            claimId = (await scope.ServiceProvider.GetRequiredService<ArrsClaimService>().BuildAsync(October)).ClaimId;
        }

        // Ben is found to have started on 1 October: a full month, £1,500.00. Total £6,500.00.
        await ChangeTermsAsync(db, a, ben, t => t with { Start = October });
        await using (var scope = db.PcnScope(a))
        {
            var service = scope.ServiceProvider.GetRequiredService<ArrsClaimService>();
            var rebuilt = await service.BuildAsync(October);
            Assert.Equal(claimId, rebuilt.ClaimId);
            var claim = await service.GetAsync(October);
            Assert.Equal([500_000L, 150_000L], claim.Lines.OrderBy(l => l.LineNumber).Select(l => l.Reimbursable.Pence));
            Assert.Equal(650_000L, claim.TotalReimbursable.Pence);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Submit_LocksTheClaim_RebuildIsAConflictAndLinesUnchanged(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _, _, ben) = await SeedAsync(db);
        await using (var scope = db.PcnScope(a, actor: "finance-lead"))
        {
            var service = scope.ServiceProvider.GetRequiredService<ArrsClaimService>();
            await service.BuildAsync(October);
            var submitted = await service.SubmitAsync(October);
            Assert.Equal((ArrsClaimStatus.Submitted, "finance-lead", (DateTimeOffset?)db.Clock.GetUtcNow()), (submitted.Status, submitted.SubmittedBy, submitted.SubmittedAt));
        }

        await ChangeTermsAsync(db, a, ben, t => t with { Start = October });
        await using (var scope = db.PcnScope(a))
        {
            var service = scope.ServiceProvider.GetRequiredService<ArrsClaimService>();
            await Assert.ThrowsAsync<ConflictException>(() => service.BuildAsync(October));
            await Assert.ThrowsAsync<ConflictException>(() => service.SubmitAsync(October));
            Assert.Equal([500_000L, 82_258L], (await service.GetAsync(October)).Lines.OrderBy(l => l.LineNumber).Select(l => l.Reimbursable.Pence));
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ApproveAndPaid_InOrderOnly_WhoAndWhenRecorded(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _, _, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a, actor: "finance-lead");
        var service = scope.ServiceProvider.GetRequiredService<ArrsClaimService>();
        await Assert.ThrowsAsync<NotFoundException>(() => service.SubmitAsync(October));
        await service.BuildAsync(October);

        await Assert.ThrowsAsync<ConflictException>(() => service.ApproveAsync(October));
        await Assert.ThrowsAsync<ConflictException>(() => service.MarkPaidAsync(October));
        await service.SubmitAsync(October);
        await Assert.ThrowsAsync<ConflictException>(() => service.MarkPaidAsync(October));
        await service.ApproveAsync(October);
        var paid = await service.MarkPaidAsync(October);

        Assert.Equal((ArrsClaimStatus.Paid, "finance-lead", "finance-lead"), (paid.Status, paid.ApprovedBy, paid.PaidBy));
        Assert.Equal(["claims.approve", "claims.build", "claims.paid", "claims.submit"], await ActionsAsync(db, a));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Amend_Submitted_AddsDifferenceLinesAndNeverEditsTheOriginals(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _, alice, _) = await SeedAsync(db);
        await using (var scope = db.PcnScope(a))
        {
            var service = scope.ServiceProvider.GetRequiredService<ArrsClaimService>();
            await service.BuildAsync(October);
            await service.SubmitAsync(October);
            await Assert.ThrowsAsync<RuleViolationException>(() => service.AmendAsync(October, " "));
        }

        // Alice's pay was £54,000 (not £48,000) all along: £66,000 a year, £5,500.00 a month, capped at £5,486.50.
        // Amendment: actual +£500.00, maximum +£0.00, reimbursable £5,486.50 − £5,000.00 = +£486.50.
        // Total £5,822.58 + £486.50 = £6,309.08.
        await ChangeTermsAsync(db, a, alice, t => t with { AnnualSalary = Money.FromPounds(54_000m) });
        await using (var scope = db.PcnScope(a))
        {
            var service = scope.ServiceProvider.GetRequiredService<ArrsClaimService>();
            var added = await service.AmendAsync(October, "Salary corrected");
            var line = Assert.Single(added);
            Assert.Equal((3, true, (int?)1, "Salary corrected"), (line.LineNumber, line.IsAmendment, line.AmendsLineNumber, line.Reason));
            Assert.Equal((50_000L, 0L, 48_650L), (line.ActualCost.Pence, line.Maximum.Pence, line.Reimbursable.Pence));
            Assert.Contains("Less claimed before: £5,000.00 reimbursable", line.Workings, StringComparison.Ordinal);

            var claim = await service.GetAsync(October);
            Assert.Equal([500_000L, 82_258L, 48_650L], claim.Lines.OrderBy(l => l.LineNumber).Select(l => l.Reimbursable.Pence));
            Assert.Equal((630_908L, ArrsClaimStatus.Submitted), (claim.TotalReimbursable.Pence, claim.Status));

            // Nothing differs now: nothing added.
            Assert.Empty(await service.AmendAsync(October, "Checked again"));
        }

        Assert.Equal(["claims.amend", "claims.build", "claims.submit"], await ActionsAsync(db, a));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Amend_ContractNoLongerInTheMonth_ClaimsItsAmountBack(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _, _, ben) = await SeedAsync(db);
        await using (var scope = db.PcnScope(a))
        {
            var service = scope.ServiceProvider.GetRequiredService<ArrsClaimService>();
            await service.BuildAsync(October);
            await service.SubmitAsync(October);
        }

        // Ben in fact started on 1 November: October's £822.58 (actual £822.58, maximum £832.36) is claimed back.
        await ChangeTermsAsync(db, a, ben, t => t with { Start = new DateOnly(2026, 11, 1) });
        await using (var scope = db.PcnScope(a))
        {
            var line = Assert.Single(await scope.ServiceProvider.GetRequiredService<ArrsClaimService>().AmendAsync(October, "Start date corrected"));
            Assert.Equal((ben, (int?)2, -82_258L, -83_236L, -82_258L), (line.ContractId, line.AmendsLineNumber, line.ActualCost.Pence, line.Maximum.Pence, line.Reimbursable.Pence));
            Assert.Equal(500_000L, (await scope.ServiceProvider.GetRequiredService<ArrsClaimService>().GetAsync(October)).TotalReimbursable.Pence);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_CsvAndExcel_EveryInputWorkingsAndATotalsRow(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, _, _, _) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var service = scope.ServiceProvider.GetRequiredService<ArrsClaimService>();
        await service.BuildAsync(October);

        var csv = await service.ExportAsync(October, ClaimExportFormat.Csv);
        var text = System.Text.Encoding.UTF8.GetString(csv.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(("arrs-claim-2026-10.csv", "text/csv"), (csv.FileName, csv.ContentType));
        Assert.StartsWith("Line,Staff member,Role,Role code,Region,WTE,Annual salary,Annual employer NI,Annual employer pension,", text[0], StringComparison.Ordinal);
        Assert.StartsWith("2,Ben Linkworker,Social prescribing link worker,social-prescribing-link-worker,national,0.5,15000.00,1500.00,1500.00,2026-10-15,,31,17,822.58,832.36,822.58,no,", text[2], StringComparison.Ordinal);
        Assert.StartsWith("Total,,,,,,,,,,,,,5822.58,", text[3], StringComparison.Ordinal);
        Assert.Equal(4, text.Length);

        var xlsx = await service.ExportAsync(October, ClaimExportFormat.Xlsx);
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(xlsx.Content));
        var sheet = book.Worksheet(1);
        Assert.Equal(("Ben Linkworker", 822.58m, "Total", 5822.58m), (sheet.Cell(3, 2).GetString(), sheet.Cell(3, 16).GetValue<decimal>(),
            sheet.Cell(4, 1).GetString(), sheet.Cell(4, 16).GetValue<decimal>()));
        Assert.Contains("17/31 days in post", sheet.Cell(3, 22).GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10", true)]
    [InlineData("2026-13", false)]
    [InlineData("October", false)]
    public void TryParseMonth_Forms(string text, bool ok) => Assert.Equal(ok, ArrsClaimService.TryParseMonth(text, out _));

    /// <summary>The claims.* audit actions, in name order (the fixed clock gives them all one time).</summary>
    private static async Task<List<string>> ActionsAsync(TestDatabase db, int pcnId)
    {
        await using var scope = db.PcnScope(pcnId);
        var context = scope.ServiceProvider.GetRequiredService<PcnDbContext>();
        return (await context.AuditEvents.AsNoTracking().Where(e => e.Action.StartsWith("claims.")).ToListAsync()).Select(e => e.Action).Order(StringComparer.Ordinal).ToList();
    }
}

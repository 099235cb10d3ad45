using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using static OpenPcn.Core.Tests.Features.Finance.FinanceTestData;

namespace OpenPcn.Core.Tests.Features.Finance;

[Trait("Category", "Integration")]
public sealed class PaymentLedgerTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Correct_AddsASignedEntryAndVarianceUsesTheNet(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, b) = await SeedAsync(db);
        await using (var scope = db.PcnScope(a))
        {
            var ledger = scope.ServiceProvider.GetRequiredService<PaymentLedger>();
            var paid = await ledger.RecordAsync(new PaymentInput("core-funding", October, Money.FromPounds(5_000m), new DateOnly(2026, 10, 28), "NHSE 123"));
            await ledger.CorrectAsync(paid.PaymentId, Money.FromPounds(-128.37m), new DateOnly(2026, 11, 5), "Overpaid: list size corrected");

            // Expected October core funding £4,871.63 (see EntitlementServiceTests); received 5,000.00 − 128.37 = £4,871.63.
            var v = (await ledger.VariancesAsync(Year)).Single(x => x.Stream == FundingStream.CoreFunding && x.Month == October);
            Assert.Equal((Money.FromPounds(4_871.63m), Money.FromPounds(4_871.63m), Money.Zero), (v.Expected, v.Received, v.Difference));
            var entries = await ledger.ListAsync(Year);
            Assert.Equal(2, entries.Count);
            Assert.Equal(paid.PaymentId, entries[1].CorrectsPaymentId);
            Assert.Equal(5_000m, entries[0].Amount.Pounds);

            var audit = await scope.ServiceProvider.GetRequiredService<PcnDbContext>().AuditEvents.Select(e => e.Action).ToListAsync();
            Assert.Contains(PaymentLedger.RecordAction, audit);
            Assert.Contains(PaymentLedger.CorrectAction, audit);
        }

        await using (var other = db.PcnScope(b))
        {
            Assert.Empty(await other.ServiceProvider.GetRequiredService<PaymentLedger>().ListAsync(Year));
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Record_BadInput_IsRefusedWithTheField(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (a, b) = await SeedAsync(db);
        await using var scope = db.PcnScope(a);
        var ledger = scope.ServiceProvider.GetRequiredService<PaymentLedger>();
        var received = new DateOnly(2026, 10, 28);

        var negative = await Assert.ThrowsAsync<RuleViolationException>(() => ledger.RecordAsync(new PaymentInput("casp", October, Money.FromPounds(-1m), received, null)));
        Assert.Contains("Reason", negative.Errors.Keys);
        var zero = await Assert.ThrowsAsync<RuleViolationException>(() => ledger.RecordAsync(new PaymentInput("casp", October, Money.Zero, received, null)));
        Assert.Contains("Amount", zero.Errors.Keys);
        var stream = await Assert.ThrowsAsync<RuleViolationException>(() => ledger.RecordAsync(new PaymentInput("bonus", October, Money.FromPounds(1m), received, null)));
        Assert.Contains("Stream", stream.Errors.Keys);
        var month = await Assert.ThrowsAsync<RuleViolationException>(() => ledger.RecordAsync(new PaymentInput("casp", new DateOnly(1990, 1, 1), Money.FromPounds(1m), received, null)));
        Assert.Contains("ForMonth", month.Errors.Keys);
        var noReason = await ledger.RecordAsync(new PaymentInput("casp", October, Money.FromPounds(1m), received, null));
        Assert.Contains("Reason", (await Assert.ThrowsAsync<RuleViolationException>(() => ledger.CorrectAsync(noReason.PaymentId, Money.FromPounds(-1m), received, " "))).Errors.Keys);
        await Assert.ThrowsAsync<NotFoundException>(() => ledger.CorrectAsync(Guid.NewGuid(), Money.FromPounds(-1m), received, "why"));
    }
}

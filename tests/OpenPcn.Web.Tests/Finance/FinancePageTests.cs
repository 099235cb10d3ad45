using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.Web.Tests.Infrastructure;

namespace OpenPcn.Web.Tests.Finance;

/// <summary>
/// Network A (Z81001 12,000 registered, Z81002 9,000) with £2,100.00 of core funding received for October 2026 (no rule:
/// raw list → Z81001 £1,200.00, Z81002 £900.00). The practice manager belongs to Z81001.
/// </summary>
[Trait("Category", "Functional")]
public sealed class FinancePageTests
{
    private static async Task<SeededNetwork> SeedAsync(TestDatabase db)
    {
        var (a, _) = await TestNetworks.SeedTwoAsync(db);
        await using var scope = db.PcnScope(a.PcnId);
        await scope.ServiceProvider.GetRequiredService<PaymentLedger>()
            .RecordAsync(new PaymentInput("core-funding", new DateOnly(2026, 10, 1), Money.FromPounds(2_100m), new DateOnly(2026, 10, 28), "ref"));
        return a;
    }

    [Fact]
    public async Task Statement_PracticeManager_SeesOwnPracticeOnlyOnPageApiAndExport()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var a = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.PracticeManager).Email, TestNetworks.Password);
        using var api = await Browser.ApiClientAsync(app, a.User(Roles.PracticeManager).Email, TestNetworks.Password);

        var own = await Browser.GetPageAsync(browser, "/finance/statements/Z81001/2026-10");
        Assert.Contains("£1,200.00", own.QuerySelector("#streams-table tr[data-stream='core-funding']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("× 12000/21000 raw list = £1,200.00", own.QuerySelector("#streams-table")!.TextContent, StringComparison.Ordinal);
        await Browser.GetPageAsync(browser, "/finance/statements/Z81002/2026-10", HttpStatusCode.NotFound);
        using (var export = await browser.GetAsync("/finance/statements/Z81002/2026-10/export.csv"))
        {
            Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        }

        using (var other = await api.GetAsync("/api/v1/finance/statements/Z81002/2026-10"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using (var otherExport = await api.GetAsync("/api/v1/finance/statements/Z81002/2026-10/export.xlsx"))
        {
            Assert.Equal(HttpStatusCode.NotFound, otherExport.StatusCode);
        }

        var statement = await api.GetFromJsonAsync<JsonElement>("/api/v1/finance/statements/Z81001/2026-10");
        Assert.Equal(1_200.00m, statement.GetProperty("totalDue").GetDecimal());
        var index = await Browser.GetPageAsync(browser, "/finance/statements");
        Assert.DoesNotContain("Z81002", index.QuerySelector("#statements-table")!.TextContent, StringComparison.Ordinal);
        // The finance home shows a practice manager only the way to their statements.
        Assert.Null((await Browser.GetPageAsync(browser, "/finance")).QuerySelector("#entitlements-table"));
    }

    [Fact]
    public async Task RecordPayment_NegativeWithoutReason_IsRefusedBesideTheField()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var a = await SeedAsync(db);
        await using var app = new OpenPcnWebFactory(db);
        var browser = await Browser.SignedInAsync(app, a.User(Roles.FinanceLead).Email, TestNetworks.Password);

        using var refused = await Browser.SubmitAsync(browser, "/finance/payments/record", "payment", new()
        {
            ["Form.Stream"] = "core-funding",
            ["Form.ForMonth"] = "2026-10",
            ["Form.Amount"] = "-5.00",
            ["Form.ReceivedOn"] = "2026-10-30",
            ["Form.Reason"] = "",
        });
        var page = await Html.ReadAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("#reason", page.QuerySelector(".nhsuk-error-summary a")?.GetAttribute("href"));

        using var api = await Browser.ApiClientAsync(app, a.User(Roles.FinanceLead).Email, TestNetworks.Password);
        using var unknown = await api.PostAsJsonAsync("/api/v1/finance/payments", new { stream = "bonus", month = "2026-10", amount = 5m, receivedOn = "2026-10-30" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.Equals("stream", StringComparison.OrdinalIgnoreCase));

        var home = await Browser.GetPageAsync(browser, "/finance?year=2026/27");
        Assert.NotNull(home.QuerySelector("#entitlements-table tr[data-stream='core-funding']"));
        Assert.NotNull(home.QuerySelector("#received-chart"));
    }
}

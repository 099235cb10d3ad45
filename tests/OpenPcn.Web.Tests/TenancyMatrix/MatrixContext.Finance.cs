using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using static System.Net.HttpStatusCode;

namespace OpenPcn.Web.Tests.TenancyMatrix;

/// <summary>
/// Finance in the matrix: statements name a practice (B's is not found, for every role that may see statements, and a
/// practice manager's own practice is A's first); payments are made fresh in A for a correction form, and B has one
/// payment whose correction from A must be not found.
/// </summary>
public sealed partial class MatrixContext
{
    private const string V1 = "/api/v1";
    private const string October = "2026-10";
    private static readonly HttpStatusCode[] NotFoundOnly = [NotFound];

    /// <summary>The finance pages and downloads (added to <see cref="PageMatrix.Entries"/>).</summary>
    public static readonly IReadOnlyList<MatrixEntry> FinancePages =
    [
        FinancePage("/finance", Access.ViewStatements, _ => "/finance?year=2026/27"),
        FinancePage("/finance/rates", Access.ViewFinance, _ => "/finance/rates"),
        FinancePage("/finance/rates/override", Access.EditFinance, _ => "/finance/rates/override"),
        FinancePage("/finance/payments", Access.ViewFinance, _ => "/finance/payments?year=2026/27"),
        FinancePage("/finance/payments/record", Access.EditFinance, _ => "/finance/payments/record"),
        FinancePage("/finance/payments/{year:int}/export.csv", Access.ViewFinance, _ => "/finance/payments/2026/export.csv"),
        FinancePage("/finance/payments/{year:int}/export.xlsx", Access.ViewFinance, _ => "/finance/payments/2026/export.xlsx"),
        FinancePage("/finance/distribution", Access.EditFinance, _ => "/finance/distribution"),
        FinancePage("/finance/inputs", Access.EditFinance, _ => "/finance/inputs"),
        FinancePage("/finance/statements", Access.ViewStatements, _ => "/finance/statements"),
        FinancePage("/finance/statements/{Practice}/{Month}", Access.ViewStatements, c => $"/finance/statements/{c.A.PracticeCodes[0]}/{October}",
            c => $"/finance/statements/{c.B.PracticeCodes[0]}/{October}"),
        FinancePage("/finance/statements/{practice}/{month}/export.csv", Access.ViewStatements, c => $"/finance/statements/{c.A.PracticeCodes[0]}/{October}/export.csv",
            c => $"/finance/statements/{c.B.PracticeCodes[0]}/{October}/export.csv"),
        FinancePage("/finance/statements/{practice}/{month}/export.xlsx", Access.ViewStatements, c => $"/finance/statements/{c.A.PracticeCodes[0]}/{October}/export.xlsx",
            c => $"/finance/statements/{c.B.PracticeCodes[0]}/{October}/export.xlsx"),
    ];

    /// <summary>The finance API (added to <see cref="ApiMatrix.Entries"/>).</summary>
    public static readonly IReadOnlyList<MatrixEntry> FinanceApi =
    [
        new("GET /api/v1/finance/rates", Access.ViewFinance, _ => Request("GET", $"{V1}/finance/rates"), OK),
        new("POST /api/v1/finance/rates/overrides", Access.EditFinance,
            _ => Request("POST", $"{V1}/finance/rates/overrides", new { rate = "iif-point", effectiveFrom = "2026-04-01", pounds = 198m, reason = "DES 2026/27" }), Created),
        new("GET /api/v1/finance/entitlements", Access.ViewFinance, _ => Request("GET", $"{V1}/finance/entitlements?year=2026/27"), OK),
        new("GET /api/v1/finance/payments", Access.ViewFinance, _ => Request("GET", $"{V1}/finance/payments?year=2026/27"), OK),
        new("POST /api/v1/finance/payments", Access.EditFinance,
            _ => Request("POST", $"{V1}/finance/payments", new { stream = "core-funding", month = October, amount = 100.5m, receivedOn = "2026-10-28", reference = "matrix" }), Created),
        new("GET /api/v1/finance/payments/{year:int}/export.csv", Access.ViewFinance, _ => Request("GET", $"{V1}/finance/payments/2026/export.csv"), OK),
        new("GET /api/v1/finance/payments/{year:int}/export.xlsx", Access.ViewFinance, _ => Request("GET", $"{V1}/finance/payments/2026/export.xlsx"), OK),
        new("GET /api/v1/finance/rules", Access.ViewFinance, _ => Request("GET", $"{V1}/finance/rules"), OK),
        new("PUT /api/v1/finance/rules/{stream}", Access.EditFinance,
            _ => Request("PUT", $"{V1}/finance/rules/enhanced-access", new { year = "2026/27", kind = "Activity", topSlicePercent = 0m }), OK),
        new("POST /api/v1/finance/activity", Access.EditFinance,
            c => Request("POST", $"{V1}/finance/activity", new { practice = c.A.PracticeCodes[0], stream = "enhanced-access", month = October, units = 12m }), OK,
            c => Request("POST", $"{V1}/finance/activity", new { practice = c.B.PracticeCodes[0], stream = "enhanced-access", month = October, units = 12m }), [BadRequest]),
        new("GET /api/v1/finance/statements/{practice}/{month}", Access.ViewStatements,
            c => Request("GET", $"{V1}/finance/statements/{c.A.PracticeCodes[0]}/{October}"), OK,
            c => Request("GET", $"{V1}/finance/statements/{c.B.PracticeCodes[0]}/{October}"), NotFoundOnly),
        new("GET /api/v1/finance/statements/{practice}/{month}/export.csv", Access.ViewStatements,
            c => Request("GET", $"{V1}/finance/statements/{c.A.PracticeCodes[0]}/{October}/export.csv"), OK,
            c => Request("GET", $"{V1}/finance/statements/{c.B.PracticeCodes[0]}/{October}/export.csv"), NotFoundOnly),
        new("GET /api/v1/finance/statements/{practice}/{month}/export.xlsx", Access.ViewStatements,
            c => Request("GET", $"{V1}/finance/statements/{c.A.PracticeCodes[0]}/{October}/export.xlsx"), OK,
            c => Request("GET", $"{V1}/finance/statements/{c.B.PracticeCodes[0]}/{October}/export.xlsx"), NotFoundOnly),
    ];

    /// <summary>The finance forms (added to <see cref="FormMatrix.Entries"/>).</summary>
    public static readonly IReadOnlyList<FormEntry> FinanceForms =
    [
        new("/finance/rates/override", "override", Access.EditFinance, _ => Task.FromResult("/finance/rates/override"),
            _ => new() { ["Form.What"] = "rate:iif-point", ["Form.Region"] = "national", ["Form.EffectiveFrom"] = "2026-04-01", ["Form.Pounds"] = "198", ["Form.Reason"] = "DES 2026/27" }),
        new("/finance/payments/record", "payment", Access.EditFinance, _ => Task.FromResult("/finance/payments/record"),
            _ => new() { ["Form.Stream"] = "casp", ["Form.ForMonth"] = October, ["Form.Amount"] = "12.34", ["Form.ReceivedOn"] = "2026-10-28", ["Form.Reference"] = "matrix", ["Form.Reason"] = "" }),
        new("/finance/payments/record", "correct", Access.EditFinance, async c => $"/finance/payments/record?correct={await c.NewPaymentInAsync(c.A.PcnId)}",
            _ => new() { ["CorrectForm.Amount"] = "-1.00", ["CorrectForm.ReceivedOn"] = "2026-11-01", ["CorrectForm.Reason"] = "matrix correction" },
            Other: c => $"/finance/payments/record?correct={c.BPaymentId}"),
        new("/finance/distribution", "rule", Access.EditFinance, _ => Task.FromResult("/finance/distribution"),
            _ => new() { ["RuleForm.Stream"] = "care-home-premium", ["RuleForm.FromYear"] = "2026/27", ["RuleForm.Kind"] = "RawList", ["RuleForm.TopSlice"] = "5", ["RuleForm.Fixed"] = "", ["RuleForm.Basis"] = "Raw" }),
        new("/finance/distribution", "activity", Access.EditFinance, _ => Task.FromResult("/finance/distribution"),
            c => Activity(c.A.PracticeCodes[0]),
            Other: _ => "/finance/distribution", OtherStatus: OK, OtherFields: c => Activity(c.B.PracticeCodes[0])),
        new("/finance/inputs", "beds", Access.EditFinance, _ => Task.FromResult("/finance/inputs"),
            _ => new() { ["BedsForm.Month"] = October, ["BedsForm.Beds"] = "40" }),
        new("/finance/inputs", "iif", Access.EditFinance, _ => Task.FromResult("/finance/inputs"),
            _ => new() { ["IifForm.Year"] = "2026/27", ["IifForm.Points"] = "150.5" }),
    ];

    /// <summary>A payment B received, which A's correction form must not find.</summary>
    public Guid BPaymentId { get; private set; }

    public async Task PrepareFinanceAsync() => BPaymentId = await NewPaymentInAsync(B.PcnId);

    /// <summary>A fresh payment in <paramref name="pcnId"/>, for a correction.</summary>
    public async Task<Guid> NewPaymentInAsync(int pcnId)
    {
        await using var scope = Db.PcnScope(pcnId, actor: "matrix");
        var entry = await scope.ServiceProvider.GetRequiredService<PaymentLedger>()
            .RecordAsync(new PaymentInput("core-funding", new DateOnly(2026, 10, 1), Money.FromPounds(500m), new DateOnly(2026, 10, 28), $"matrix {Next()}"));
        return entry.PaymentId;
    }

    private static Dictionary<string, string> Activity(string practice) =>
        new() { ["ActivityForm.Practice"] = practice, ["ActivityForm.Stream"] = "enhanced-access", ["ActivityForm.Month"] = October, ["ActivityForm.Units"] = "12" };

    private static Task<MatrixRequest> Request(string method, string url, object? json = null) => Task.FromResult(new MatrixRequest(method, url, json));

    private static MatrixEntry FinancePage(string route, Access access, Func<MatrixContext, string> own, Func<MatrixContext, string>? other = null) =>
        new($"GET {route}", access, c => Task.FromResult(new MatrixRequest("GET", own(c))), OK,
            other is null ? null : c => Task.FromResult(new MatrixRequest("GET", other(c))), other is null ? null : NotFoundOnly);
}

using Microsoft.AspNetCore.Http.HttpResults;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Web.Features.Finance.Pages;

namespace OpenPcn.Web.Features.Finance;

/// <summary>The network's own figure for a payment rate (<c>rate</c>) or an ARRS maximum (<c>role</c> and <c>region</c>).</summary>
internal sealed record RateOverrideRequest(DateOnly EffectiveFrom, decimal Pounds, string Reason, string? Rate = null, string? Role = null, string? Region = null);

/// <summary>The rates in force: shipped figures with the network's own over them, and the overrides with who, when and why.</summary>
internal sealed record RatesView(IReadOnlyList<PaymentRate> Rates, IReadOnlyList<ArrsMaximum> Maxima, IReadOnlyList<RateOverride> Overrides);

/// <summary>A payment received ("2026-10" month; amount in pounds, negative only with a reason).</summary>
internal sealed record PaymentRequest(string Stream, string Month, decimal Amount, DateOnly ReceivedOn, string? Reference = null, string? Reason = null);

/// <summary>A stream's distribution rule from a financial year ("2026/27").</summary>
internal sealed record RuleRequest(string Year, RuleKind Kind, decimal TopSlicePercent = 0, decimal FixedPerPracticePerMonth = 0, ShareBasis Basis = ShareBasis.Raw);

/// <summary>Units a practice delivered for a stream in a month ("2026-10").</summary>
internal sealed record ActivityRequest(string Practice, string Stream, string Month, decimal Units);

/// <summary>Finance: rates, entitlements, payments, distribution rules, activity and practice statements.</summary>
internal static class FinanceEndpoints
{
    public static RouteGroupBuilder MapFinanceEndpoints(this RouteGroupBuilder api)
    {
        var finance = api.MapGroup("/finance").WithTags("Finance");
        finance.MapGet("/rates", GetFinanceRates).WithName(nameof(GetFinanceRates)).RequireAuthorization(Policies.ViewFinance)
            .WithSummary("The rates in force (shipped plus the network's own figures; checked or unchecked, with source)");
        finance.MapPost("/rates/overrides", OverrideFinanceRate).WithName(nameof(OverrideFinanceRate)).RequireAuthorization(Policies.EditFinance)
            .WithSummary("Enter the network's own figure for a payment rate or an ARRS maximum (audited)");
        finance.MapGet("/entitlements", GetFinanceEntitlements).WithName(nameof(GetFinanceEntitlements)).RequireAuthorization(Policies.ViewFinance)
            .WithSummary("Expected income per stream per month for a financial year (?year=2026/27), each with its workings");
        finance.MapGet("/payments", ListFinancePayments).WithName(nameof(ListFinancePayments)).RequireAuthorization(Policies.ViewFinance)
            .WithSummary("The payments received in a financial year (?year=2026/27), corrections included");
        finance.MapPost("/payments", RecordFinancePayment).WithName(nameof(RecordFinancePayment)).RequireAuthorization(Policies.EditFinance)
            .WithSummary("Record a payment received (a negative amount needs a reason; audited)");
        finance.MapGet("/payments/{year:int}/export.csv", ExportFinancePaymentsCsv).WithName(nameof(ExportFinancePaymentsCsv)).RequireAuthorization(Policies.ViewFinance)
            .WithSummary("The year's variances and payments as CSV (the year by its start, e.g. 2026 for 2026/27)");
        finance.MapGet("/payments/{year:int}/export.xlsx", ExportFinancePaymentsXlsx).WithName(nameof(ExportFinancePaymentsXlsx)).RequireAuthorization(Policies.ViewFinance)
            .WithSummary("The year's variances and payments as an Excel workbook");
        finance.MapGet("/rules", ListDistributionRules).WithName(nameof(ListDistributionRules)).RequireAuthorization(Policies.ViewFinance)
            .WithSummary("The distribution rules by stream (a stream without one is shared by raw list)");
        finance.MapPut("/rules/{stream}", SetDistributionRule).WithName(nameof(SetDistributionRule)).RequireAuthorization(Policies.EditFinance)
            .WithSummary("Set a stream's distribution rule from a financial year (audited)");
        finance.MapPost("/activity", RecordPracticeActivity).WithName(nameof(RecordPracticeActivity)).RequireAuthorization(Policies.EditFinance)
            .WithSummary("Record the units a practice delivered for a stream in a month (audited)");
        finance.MapGet("/statements/{practice}/{month}", GetPracticeStatement).WithName(nameof(GetPracticeStatement)).RequireAuthorization(Policies.ViewStatements)
            .WithSummary("A practice's statement for a month with every figure's workings (a practice manager: own practice only; audited)");
        finance.MapGet("/statements/{practice}/{month}/export.csv", ExportPracticeStatementCsv).WithName(nameof(ExportPracticeStatementCsv))
            .RequireAuthorization(Policies.ViewStatements).WithSummary("A practice's statement as CSV (audited)");
        finance.MapGet("/statements/{practice}/{month}/export.xlsx", ExportPracticeStatementXlsx).WithName(nameof(ExportPracticeStatementXlsx))
            .RequireAuthorization(Policies.ViewStatements).WithSummary("A practice's statement as an Excel workbook (audited)");
        return api;
    }

    internal static async Task<Ok<RatesView>> GetFinanceRates(NetworkRates rates, CancellationToken ct)
    {
        var book = await rates.GetAsync(ct);
        return TypedResults.Ok(new RatesView(book.Rates, book.Maxima, await rates.OverridesAsync(ct)));
    }

    internal static async Task<Created<RateOverride>> OverrideFinanceRate(RateOverrideRequest request, NetworkRates rates, CancellationToken ct)
    {
        ArrsRegion? region = request.Role is null ? null : Region(request.Region);
        var entry = await rates.OverrideAsync(request.Role, region, request.Rate, request.EffectiveFrom, request.Pounds, request.Reason ?? string.Empty, ct);
        return TypedResults.Created("/api/v1/finance/rates", entry);
    }

    internal static async Task<Ok<Entitlements>> GetFinanceEntitlements(string? year, EntitlementService entitlements, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await entitlements.ForYearAsync(Year(year, clock), ct));

    internal static async Task<Ok<IReadOnlyList<PaymentReceived>>> ListFinancePayments(string? year, PaymentLedger ledger, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await ledger.ListAsync(Year(year, clock), ct));

    internal static async Task<Created<PaymentReceived>> RecordFinancePayment(PaymentRequest request, PaymentLedger ledger, CancellationToken ct)
    {
        var entry = await ledger.RecordAsync(new PaymentInput(request.Stream, Month(request.Month), Amount(request.Amount), request.ReceivedOn, request.Reference, request.Reason), ct);
        return TypedResults.Created($"/api/v1/finance/payments?year={FinancialYear.Of(entry.ForMonth)}", entry);
    }

    internal static Task<Results<FileContentHttpResult, NotFound>> ExportFinancePaymentsCsv(int year, PaymentLedger ledger, CancellationToken ct) =>
        FinanceDownloads.PaymentsAsync(year, ledger, StatementFormat.Csv, ct);

    internal static Task<Results<FileContentHttpResult, NotFound>> ExportFinancePaymentsXlsx(int year, PaymentLedger ledger, CancellationToken ct) =>
        FinanceDownloads.PaymentsAsync(year, ledger, StatementFormat.Xlsx, ct);

    internal static async Task<Ok<IReadOnlyList<DistributionRule>>> ListDistributionRules(FinanceInputService inputs, CancellationToken ct) =>
        TypedResults.Ok(await inputs.RulesAsync(ct));

    internal static async Task<Ok<DistributionRule>> SetDistributionRule(string stream, RuleRequest request, FinanceInputService inputs, CancellationToken ct)
    {
        var year = FinancialYear.TryParse(request.Year, null, out var y) ? y : throw new RuleViolationException("Year", "Give the financial year like 2026/27.");
        return TypedResults.Ok(await inputs.SetRuleAsync(
            new RuleInput(stream, year.StartYear, request.Kind, request.TopSlicePercent, Amount(request.FixedPerPracticePerMonth), request.Basis), ct));
    }

    internal static async Task<Ok<PracticeActivity>> RecordPracticeActivity(ActivityRequest request, FinanceInputService inputs, CancellationToken ct)
    {
        var practice = PracticeCode.TryParse(request.Practice, out var code) ? code : throw new RuleViolationException("Practice", "Give a practice code.");
        return TypedResults.Ok(await inputs.SetActivityAsync(practice, request.Stream, Month(request.Month), request.Units, ct));
    }

    internal static async Task<Ok<Statement>> GetPracticeStatement(string practice, string month, StatementService statements, CancellationToken ct) =>
        TypedResults.Ok(await statements.GetAsync(Practice(practice), Month(month), ct));

    internal static async Task<Results<FileContentHttpResult, NotFound>> ExportPracticeStatementCsv(string practice, string month, StatementService statements,
        CancellationToken ct) => await FinanceDownloads.StatementAsync(practice, month, statements, StatementFormat.Csv, ct);

    internal static async Task<Results<FileContentHttpResult, NotFound>> ExportPracticeStatementXlsx(string practice, string month, StatementService statements,
        CancellationToken ct) => await FinanceDownloads.StatementAsync(practice, month, statements, StatementFormat.Xlsx, ct);

    private static FinancialYear Year(string? text, TimeProvider clock) => FinanceDisplay.Year(text, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    private static DateOnly Month(string? text) =>
        FundingStreams.TryParseMonth(text, out var month) ? month : throw new RuleViolationException("Month", "Give the month like 2026-10.");

    private static Money Amount(decimal pounds) =>
        decimal.Round(pounds, 2) == pounds ? Money.FromPounds(pounds) : throw new RuleViolationException("Amount", "Give the amount in whole pence.");

    private static PracticeCode Practice(string text) =>
        PracticeCode.TryParse(text, out var code) ? code : throw new NotFoundException($"There is no practice {text} in your network.");

    private static ArrsRegion Region(string? text)
    {
        try
        {
            return RateBook.ParseRegion(text ?? "national");
        }
        catch (FormatException e)
        {
            throw new RuleViolationException("Region", e.Message);
        }
    }
}

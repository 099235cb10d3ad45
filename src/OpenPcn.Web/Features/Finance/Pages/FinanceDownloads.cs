using Microsoft.AspNetCore.Http.HttpResults;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;

namespace OpenPcn.Web.Features.Finance.Pages;

/// <summary>The statement page's and payments page's download links (cookie sign-in). The services audit each statement export.</summary>
internal static class FinanceDownloads
{
    public static IEndpointRouteBuilder MapFinanceDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/finance/statements/{practice}/{month}/export.csv", (string practice, string month, StatementService statements, CancellationToken ct) =>
                StatementAsync(practice, month, statements, StatementFormat.Csv, ct))
            .RequireAuthorization(Policies.ViewStatements).ExcludeFromDescription();
        app.MapGet("/finance/statements/{practice}/{month}/export.xlsx", (string practice, string month, StatementService statements, CancellationToken ct) =>
                StatementAsync(practice, month, statements, StatementFormat.Xlsx, ct))
            .RequireAuthorization(Policies.ViewStatements).ExcludeFromDescription();
        app.MapGet("/finance/payments/{year:int}/export.csv", (int year, PaymentLedger ledger, CancellationToken ct) =>
                PaymentsAsync(year, ledger, StatementFormat.Csv, ct))
            .RequireAuthorization(Policies.ViewFinance).ExcludeFromDescription();
        app.MapGet("/finance/payments/{year:int}/export.xlsx", (int year, PaymentLedger ledger, CancellationToken ct) =>
                PaymentsAsync(year, ledger, StatementFormat.Xlsx, ct))
            .RequireAuthorization(Policies.ViewFinance).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> StatementAsync(string practice, string month, StatementService statements,
        StatementFormat format, CancellationToken ct)
    {
        if (!PracticeCode.TryParse(practice, out var code) || !FundingStreams.TryParseMonth(month, out var m))
        {
            return TypedResults.NotFound();
        }

        try
        {
            var file = await statements.ExportAsync(code, m, format, ct);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }
        catch (Exception e) when (e is NotFoundException or RuleViolationException)
        {
            return TypedResults.NotFound();
        }
    }

    /// <summary>The year is its start year (2026 for 2026/27).</summary>
    internal static async Task<Results<FileContentHttpResult, NotFound>> PaymentsAsync(int year, PaymentLedger ledger, StatementFormat format, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            return TypedResults.NotFound();
        }

        var file = await ledger.ExportAsync(new FinancialYear(year), format, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}

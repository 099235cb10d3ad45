using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OpenPcn.Cohorts.Definitions;
using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Engines.Sql;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Network;
using OpenPcn.Core.Features.Security;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.CaseFinding;

/// <summary>A definition's result for the network or one practice on an index date, and how long the query took.</summary>
public sealed record CohortRun(CohortDefinition Definition, PracticeCode? Practice, DateOnly IndexDate, CohortResult Result, TimeSpan QueryTime);

/// <summary>
/// Runs cohort definitions for the signed-in network with the SQL engine, on the context's own connection and in its
/// provider's dialect. A user scoped to one practice can only run for that practice. Logs counts and timings only.
/// </summary>
public sealed partial class CohortRunner(PcnDbContext db, TenantScope scope, TimeProvider clock, ILogger<CohortRunner> logger)
{
    /// <summary>
    /// Runs <paramref name="definition"/> on <paramref name="indexDate"/> (default: today in England) for the network,
    /// or for <paramref name="practice"/> only.
    /// </summary>
    public async Task<CohortRun> RunAsync(CohortDefinition definition, PracticeCode? practice = null, DateOnly? indexDate = null,
        CancellationToken ct = default)
    {
        var scoped = await ScopePracticeAsync(practice, ct);
        var date = IndexDate(indexDate);
        var query = scoped is { } p ? ForPractice(definition.Query, p) : definition.Query;
        var started = Stopwatch.GetTimestamp();
        var result = await ExecuteAsync(query, date, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogRan(definition.Name, scoped is null ? "network" : "practice", result.Rows.Count, (long)elapsed.TotalMilliseconds);
        return new CohortRun(definition, scoped, date, result, elapsed);
    }

    /// <summary>How many patients <paramref name="definition"/> finds (the builder's preview).</summary>
    public async Task<int> CountAsync(CohortDefinition definition, PracticeCode? practice = null, DateOnly? indexDate = null,
        CancellationToken ct = default)
    {
        var scoped = await ScopePracticeAsync(practice, ct);
        var date = IndexDate(indexDate);
        var query = new CohortQuery(definition.Query.Population, []);
        query = scoped is { } p ? ForPractice(query, p) : query;
        var result = await ExecuteAsync(query, date, ct);
        return result.Rows.Count;
    }

    /// <summary>
    /// Registered patients by deprivation quintile and ethnic group: how many are in <paramref name="definition"/>'s
    /// cohort, per 1,000 (aggregate figures only).
    /// </summary>
    public async Task<IReadOnlyList<StratumSummary>> StratifyAsync(CohortDefinition definition, PracticeCode? practice = null,
        DateOnly? indexDate = null, CancellationToken ct = default)
    {
        var scoped = await ScopePracticeAsync(practice, ct);
        var date = IndexDate(indexDate);
        var query = Stratification.Stratify(definition.Query);
        query = scoped is { } p ? ForPractice(query, p) : query;
        var started = Stopwatch.GetTimestamp();
        var result = await ExecuteAsync(query, date, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogRan(definition.Name, scoped is null ? "network (stratified)" : "practice (stratified)", result.Rows.Count, (long)elapsed.TotalMilliseconds);
        return Stratification.Summarise(result);
    }

    /// <summary>The query narrowed to patients whose latest registration is at <paramref name="practice"/>.</summary>
    internal static CohortQuery ForPractice(CohortQuery query, PracticeCode practice) =>
        new((new BoolExpr(query.Population) & Cohort.Patients.Practice.Is(practice.Value)).Series, query.Columns);

    /// <summary>The earliest index date a cohort can be run on.</summary>
    public static readonly DateOnly EarliestIndexDate = new(1900, 1, 1);

    /// <summary>The latest index date a cohort can be run on.</summary>
    public static readonly DateOnly LatestIndexDate = new(2100, 12, 31);

    // Dates near DateOnly's limits overflow the engine's date arithmetic (e.g. "age on" or "in the last 15 months").
    private DateOnly IndexDate(DateOnly? indexDate)
    {
        var date = indexDate ?? clock.TodayInEngland();
        return date >= EarliestIndexDate && date <= LatestIndexDate
            ? date
            : throw new RuleViolationException("indexDate", FormattableString.Invariant(
                $"Choose a date from {EarliestIndexDate:yyyy-MM-dd} to {LatestIndexDate:yyyy-MM-dd}."));
    }

    // The SQL engine reads the physical tables directly (no EF query filters), so the practice scope is applied here.
    private async Task<PracticeCode?> ScopePracticeAsync(PracticeCode? practice, CancellationToken ct)
    {
        if (scope.PracticeCode is { } own)
        {
            if (practice is { } asked && asked != own)
            {
                throw new NotFoundException($"Practice {asked} is not yours to run for.");
            }

            return own;
        }

        if (practice is { } code && !await db.Practices.AsNoTracking().AnyAsync(p => p.PracticeCode == code, ct))
        {
            throw new RuleViolationException("practice", $"Practice {code} is not a member of this network.");
        }

        return practice;
    }

    private async Task<CohortResult> ExecuteAsync(CohortQuery query, DateOnly indexDate, CancellationToken ct)
    {
        var pcnId = scope.PcnId ?? throw new InvalidOperationException("Running a cohort needs a network.");
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            return await CreateEngine(connection, pcnId).RunAsync(query, indexDate, ct);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private SqlCohortEngine CreateEngine(DbConnection connection, int pcnId) =>
        new(connection, db.Database.IsSqlite() ? SqlDialect.Sqlite : SqlDialect.Postgres, pcnId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cohort {Definition} ran for the {Scope}: {Count} patients in {Milliseconds} ms")]
    private partial void LogRan(string definition, string scope, int count, long milliseconds);
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Workforce.Claims;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Workforce.Envelope;

/// <summary>
/// One month of the envelope: its share of the envelope, and either what was claimed (a claim submitted or later) or
/// the forecast from the contracts (with the scenario applied).
/// </summary>
public sealed record EnvelopeMonth(DateOnly Month, Money Envelope, Money Claimed, Money Forecast, ArrsClaimStatus? ClaimStatus)
{
    public bool IsClaimed => ClaimStatus is not null and not ArrsClaimStatus.Draft;

    public Money Spend => Claimed + Forecast;
}

/// <summary>
/// A financial year's ARRS envelope (rate × weighted population on the census date) against spend month by month,
/// committed spend to the year's end and headroom, for the real contracts or a scenario.
/// </summary>
public sealed record ArrsEnvelope(
    FinancialYear Year,
    PaymentRate? Rate,
    DateOnly CensusDate,
    IReadOnlyList<PracticePopulation> Practices,
    decimal WeightedPopulation,
    Money Envelope,
    string Workings,
    IReadOnlyList<EnvelopeMonth> Months,
    Money Claimed,
    Money Forecast,
    Money Committed,
    Money Headroom,
    IReadOnlyList<ForecastPost> Posts,
    IReadOnlyList<ScenarioChange> Scenario);

/// <summary>
/// The ARRS envelope and what-if: reads contracts, claims, rates and populations and never writes anything, so a
/// scenario is safe to try.
/// </summary>
public sealed class ArrsEnvelopeService(PcnDbContext db, NetworkRates networkRates, NetworkPopulations populations, TimeProvider clock)
{
    public const string EnvelopeRate = "arrs-weighted";

    /// <summary>
    /// The envelope and spend for <paramref name="year"/>, with <paramref name="scenario"/>'s changes (if any) applied
    /// in memory to the forecast. Months with a submitted (or later) claim count what was claimed; other months the
    /// forecast. Committed = forecast from this month to the year's end; headroom = envelope − (claimed + forecast).
    /// </summary>
    public async Task<ArrsEnvelope> GetAsync(FinancialYear year, IReadOnlyList<ScenarioChange>? scenario = null, CancellationToken ct = default)
    {
        scenario ??= [];
        var rates = await networkRates.GetAsync(ct);
        var practices = await populations.OnAsync(year.CensusDate, ct);
        var weighted = practices.Sum(p => p.Weighted);
        var rate = rates.RateOn(EnvelopeRate, year.Start);
        var envelope = rate is null ? Money.Zero : Money.Round(rate.Pounds * weighted);
        var workings = rate is null
            ? "No ARRS £ per weighted patient is known for this year: enter one in Rates."
            : string.Create(CultureInfo.InvariantCulture,
                $"£{rate.Pounds:0.000} per weighted patient{(rate.Checked ? string.Empty : " (unchecked)")} × {weighted:#,##0.##} weighted patients on {year.CensusDate:d MMM yyyy} = {envelope}.");

        var contracts = await db.Set<StaffMember>().AsNoTracking().Include(s => s.Contracts).ToListAsync(ct);
        var posts = contracts.SelectMany(s => s.Contracts.Where(c => c.IsArrs && c.Period.Overlaps(new EffectivePeriod(year.Start, year.End)))
            .Select(c => new ForecastPost(c.ContractId, $"{s.Name}: {rates.Role(c.Role)?.Name ?? c.Role}", c.Terms, c.AdditionalityConfirmed))).ToList();
        var forecastPosts = ScenarioPosts.Apply(posts, scenario, rates);

        var claims = await db.Set<ArrsClaim>().AsNoTracking().Where(c => c.Month >= year.Start && c.Month <= year.End).ToListAsync(ct);
        var monthlyEnvelope = FinancialYear.SplitMonthly(envelope);
        var thisMonth = clock.TodayInEngland();
        thisMonth = new DateOnly(thisMonth.Year, thisMonth.Month, 1);
        var months = year.Months.Select((month, i) =>
        {
            var claim = claims.FirstOrDefault(c => c.Month == month);
            if (claim is { IsLocked: true })
            {
                return new EnvelopeMonth(month, monthlyEnvelope[i], claim.TotalReimbursable, Money.Zero, claim.Status);
            }

            var forecast = Money.Sum(forecastPosts.Select(p => ArrsClaimCalculator.Calculate(p.Terms, month, rates, p.AdditionalityConfirmed).Reimbursable));
            return new EnvelopeMonth(month, monthlyEnvelope[i], Money.Zero, forecast, claim?.Status);
        }).ToList();

        var claimed = Money.Sum(months.Select(m => m.Claimed));
        var forecastTotal = Money.Sum(months.Select(m => m.Forecast));
        var committed = Money.Sum(months.Where(m => m.Month >= thisMonth).Select(m => m.Forecast));
        return new ArrsEnvelope(year, rate, year.CensusDate, practices, weighted, envelope, workings, months, claimed, forecastTotal, committed,
            envelope - (claimed + forecastTotal), forecastPosts, scenario);
    }
}

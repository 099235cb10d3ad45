using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Core.Features.Workforce.Claims;
using OpenPcn.Core.Storage;

namespace OpenPcn.Core.Features.Finance;

/// <summary>One stream's expected income for one month, with how it was worked out.</summary>
public sealed record EntitlementCell(FundingStream Stream, DateOnly Month, Money Amount, string Workings, bool UsesUncheckedRate, string? Problem);

/// <summary>The ARRS reimbursement claimed by contract for a month (shown apart from the streams).</summary>
public sealed record ArrsMonth(DateOnly Month, Money Reimbursable, int Lines, bool UsesUncheckedRate);

/// <summary>A financial year's expected income: stream × month cells, the ARRS claimed by contract, and warnings.</summary>
public sealed record Entitlements(FinancialYear Year, DateOnly Census, IReadOnlyList<PracticePopulation> Populations, IReadOnlyList<EntitlementCell> Cells,
    IReadOnlyList<ArrsMonth> Arrs, IReadOnlyList<string> Warnings)
{
    public Money Cell(FundingStream stream, DateOnly month) =>
        Cells.FirstOrDefault(c => c.Stream == stream && c.Month == FundingStreams.MonthOf(month))?.Amount ?? Money.Zero;

    public Money StreamTotal(FundingStream stream) => Money.Sum(Cells.Where(c => c.Stream == stream).Select(c => c.Amount));

    public Money MonthTotal(DateOnly month) => Money.Sum(Cells.Where(c => c.Month == FundingStreams.MonthOf(month)).Select(c => c.Amount));

    public Money Total => Money.Sum(Cells.Select(c => c.Amount));
}

/// <summary>
/// Expected income per stream per month for a financial year, from the network's rates (<see cref="NetworkRates"/>),
/// its populations on the census date, its care-home beds and IIF points. An annual amount is rounded to the penny
/// once, then paid as Round(annual ÷ 12) a month with March taking what is left, so the year sums exactly.
/// </summary>
public sealed class EntitlementService(PcnDbContext db, NetworkRates networkRates, NetworkPopulations populations)
{
    public async Task<Entitlements> ForYearAsync(FinancialYear year, CancellationToken ct = default)
    {
        var rates = await networkRates.GetAsync(ct);
        var pops = await populations.OnAsync(year.CensusDate, ct);
        var beds = await db.Set<CareHomeBeds>().AsNoTracking().Where(b => b.Month >= year.Start && b.Month <= year.End).ToListAsync(ct);
        var iif = await db.Set<IifAchievement>().AsNoTracking().FirstOrDefaultAsync(i => i.StartYear == year.StartYear, ct);
        var contracts = await db.Set<StaffContract>().AsNoTracking().Where(c => c.IsArrs).ToListAsync(ct);
        return Compute(year, rates, pops, beds, iif?.Points, contracts);
    }

    /// <summary>The rule itself, without the database (tests and the demo seeding use it directly).</summary>
    public static Entitlements Compute(FinancialYear year, RateBook rates, IReadOnlyList<PracticePopulation> pops, IReadOnlyList<CareHomeBeds> beds,
        decimal? iifPoints, IReadOnlyList<StaffContract> arrsContracts)
    {
        var inv = CultureInfo.InvariantCulture;
        var registered = pops.Sum(p => p.Registered);
        var adjusted = pops.Sum(p => p.Adjusted);
        var cells = new List<EntitlementCell>();
        var warnings = pops.Where(p => !p.WeightedKnown || !p.AdjustedKnown)
            .Select(p => $"{p.Name} ({p.Practice}) has no {(p.AdjustedKnown ? "weighted" : p.WeightedKnown ? "adjusted" : "weighted or adjusted")} population on {year.CensusDate:d MMM yyyy}: it counts 0.")
            .ToList();
        var pop = string.Create(inv, $"{registered:N0} registered, {adjusted:N2} adjusted on {year.CensusDate:d MMM yyyy}");

        // Core funding: registered × (registered part + CD contribution) + adjusted × adjusted part, a year.
        var r1 = rates.RateOn("core-funding-registered", year.Start);
        var r2 = rates.RateOn("core-funding-cd-contribution", year.Start);
        var r3 = rates.RateOn("core-funding-adjusted", year.Start);
        var coreRates = new[] { r1, r2, r3 }.Where(r => r is not null).Cast<PaymentRate>().ToList();
        var coreExact = (registered * (r1?.Pounds ?? 0)) + (registered * (r2?.Pounds ?? 0)) + (adjusted * (r3?.Pounds ?? 0));
        var coreFormula = string.Create(inv,
            $"({registered:N0} × £{r1?.Pounds ?? 0:0.000}{Tag(r1)} + {registered:N0} × £{r2?.Pounds ?? 0:0.000}{Tag(r2)} + {adjusted:N2} × £{r3?.Pounds ?? 0:0.000}{Tag(r3)}) a year");
        cells.AddRange(Monthly(year, FundingStream.CoreFunding, coreExact, coreFormula, coreRates.Exists(r => !r.Checked), coreExact == 0 ? "No core funding rate is known for the year." : null));

        foreach (var (stream, code, march) in new[]
                 {
                     (FundingStream.EnhancedAccess, "enhanced-access", false), (FundingStream.Casp, "capacity-access-support", false),
                     (FundingStream.Caip, "capacity-access-improvement", true),
                 })
        {
            var rate = rates.RateOn(code, year.Start);
            var exact = adjusted * (rate?.Pounds ?? 0);
            var formula = string.Create(inv, $"{adjusted:N2} adjusted × £{rate?.Pounds ?? 0:0.000}{Tag(rate)} a year");
            var problem = exact == 0 ? $"No entitlement: the {code} rate for {year} is {(rate is null ? "not known" : "£0")}." : null;
            cells.AddRange(march
                ? OnceInMarch(year, stream, exact, formula + ", paid once in March on the clinical director's declaration", rate is { Checked: false }, problem)
                : Monthly(year, stream, exact, formula, rate is { Checked: false }, problem));
        }

        foreach (var month in year.Months)
        {
            var rate = rates.RateOn("care-home-premium", month);
            var count = beds.FirstOrDefault(b => b.Month == month)?.Beds ?? 0;
            var amount = Money.Round(count * (rate?.Pounds ?? 0) / 12m);
            cells.Add(new EntitlementCell(FundingStream.CareHomePremium, month, amount,
                string.Create(inv, $"{count:N0} beds × £{rate?.Pounds ?? 0:0.00}{Tag(rate)} ÷ 12 = {amount}"), rate is { Checked: false },
                rate is null || rate.Pounds == 0 ? "No Care Home Premium rate is known." : null));
        }

        var iifRate = rates.RateOn("iif-point", year.Start);
        var points = iifPoints ?? 0;
        cells.AddRange(OnceInMarch(year, FundingStream.Iif, points * (iifRate?.Pounds ?? 0),
            string.Create(inv, $"{points:0.##} points × £{iifRate?.Pounds ?? 0:0.00}{Tag(iifRate)}, paid once in March on the year-end declaration"),
            iifRate is { Checked: false }, iifPoints is null ? "No IIF points are recorded for the year." : iifRate is null ? "No IIF £ per point is known." : null));

        var arrs = year.Months.Select(month =>
        {
            var lines = arrsContracts.Where(c => c.Period.Overlaps(new EffectivePeriod(month, month.AddMonths(1).AddDays(-1))))
                .Select(c => ArrsClaimCalculator.Calculate(c.Terms, month, rates, c.AdditionalityConfirmed)).ToList();
            return new ArrsMonth(month, Money.Sum(lines.Select(l => l.Reimbursable)), lines.Count, lines.Exists(l => l.UsesUncheckedRate));
        }).ToList();
        return new Entitlements(year, year.CensusDate, pops, cells, arrs, warnings);
    }

    private static IEnumerable<EntitlementCell> Monthly(FinancialYear year, FundingStream stream, decimal exact, string formula, bool unchecked_, string? problem)
    {
        var annual = Money.Round(exact);
        var split = FinancialYear.SplitMonthly(annual);
        return year.Months.Select((m, i) => new EntitlementCell(stream, m, split[i],
            $"{formula} = {annual}; {(i == 11 ? $"March takes the rest: {annual} − 11 × {split[0]} = {split[i]}" : $"÷ 12 = {split[i]}")}", unchecked_, problem));
    }

    private static IEnumerable<EntitlementCell> OnceInMarch(FinancialYear year, FundingStream stream, decimal exact, string formula, bool unchecked_, string? problem)
    {
        var annual = Money.Round(exact);
        return year.Months.Select((m, i) => new EntitlementCell(stream, m, i == 11 ? annual : Money.Zero,
            i == 11 ? $"{formula} = {annual}" : "Paid in March.", unchecked_, problem));
    }

    private static string Tag(PaymentRate? rate) => rate is { Checked: false } ? " (unchecked)" : string.Empty;
}

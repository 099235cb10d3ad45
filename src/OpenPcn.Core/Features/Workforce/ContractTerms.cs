using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;

namespace OpenPcn.Core.Features.Workforce;

/// <summary>
/// What an ARRS claim is computed from: the role and region (which maximum applies), the hours (WTE), the actual
/// annual pay and employer on-costs at those hours, and the dates in post. A scenario's planned post is one of these too.
/// </summary>
public sealed record ContractTerms
{
    public ContractTerms(string role, ArrsRegion region, decimal wte, Money annualSalary, Money annualEmployerNi, Money annualEmployerPension,
        DateOnly start, DateOnly? end)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(role))
        {
            errors[nameof(Role)] = ["Choose a role."];
        }

        if (!Enum.IsDefined(region))
        {
            errors[nameof(Region)] = ["Choose a region: national, outer London or inner London."];
        }

        if (wte <= 0 || wte > 1 || decimal.Round(wte, 4) != wte)
        {
            errors[nameof(Wte)] = ["The whole-time equivalent must be more than 0 and at most 1, to four decimal places (a full-time post is 1)."];
        }

        if (annualSalary < Money.Zero)
        {
            errors[nameof(AnnualSalary)] = ["The salary cannot be negative."];
        }

        if (annualEmployerNi < Money.Zero)
        {
            errors[nameof(AnnualEmployerNi)] = ["Employer's National Insurance cannot be negative."];
        }

        if (annualEmployerPension < Money.Zero)
        {
            errors[nameof(AnnualEmployerPension)] = ["Employer's pension contribution cannot be negative."];
        }

        if (end is { } e && e < start)
        {
            errors[nameof(End)] = [FormattableString.Invariant($"The end date {e:d MMM yyyy} is before the start date {start:d MMM yyyy}.")];
        }

        if (errors.Count > 0)
        {
            throw new RuleViolationException(errors);
        }

        Role = role.Trim();
        Region = region;
        Wte = wte;
        AnnualSalary = annualSalary;
        AnnualEmployerNi = annualEmployerNi;
        AnnualEmployerPension = annualEmployerPension;
        Start = start;
        End = end;
    }

    /// <summary>The ARRS role code (see <see cref="RateBook.Roles"/>).</summary>
    public string Role { get; init; }

    public ArrsRegion Region { get; init; }

    /// <summary>Whole-time equivalent, more than 0 and at most 1.</summary>
    public decimal Wte { get; init; }

    /// <summary>Actual gross pay a year at this WTE.</summary>
    public Money AnnualSalary { get; init; }

    public Money AnnualEmployerNi { get; init; }

    public Money AnnualEmployerPension { get; init; }

    public DateOnly Start { get; init; }

    /// <summary>The last day in post, or null while the contract runs.</summary>
    public DateOnly? End { get; init; }

    /// <summary>Salary plus employer on-costs, a year.</summary>
    public Money AnnualCost => AnnualSalary + AnnualEmployerNi + AnnualEmployerPension;

    public EffectivePeriod Period => new(Start, End);
}

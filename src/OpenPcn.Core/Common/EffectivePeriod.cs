namespace OpenPcn.Core.Common;

/// <summary>
/// A period in whole days from <see cref="Start"/> to <see cref="End"/> inclusive; an open end means "still current".
/// Used for practice membership, partner agreements and clinical director terms.
/// </summary>
public readonly record struct EffectivePeriod
{
    public EffectivePeriod(DateOnly start, DateOnly? end)
    {
        if (end is { } e && e < start)
        {
            throw new RuleViolationException("EndDate", FormattableString.Invariant($"The end date {e:d MMM yyyy} is before the start date {start:d MMM yyyy}."));
        }

        Start = start;
        End = end;
    }

    public DateOnly Start { get; }

    public DateOnly? End { get; }

    public bool Contains(DateOnly date) => date >= Start && (End is null || date <= End);

    public bool Overlaps(EffectivePeriod other) =>
        Start <= (other.End ?? DateOnly.MaxValue) && other.Start <= (End ?? DateOnly.MaxValue);

    public override string ToString() =>
        End is { } e ? FormattableString.Invariant($"{Start:d MMM yyyy} to {e:d MMM yyyy}") : FormattableString.Invariant($"from {Start:d MMM yyyy}");
}

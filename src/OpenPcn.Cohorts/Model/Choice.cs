namespace OpenPcn.Cohorts.Model;

/// <summary>
/// <see cref="Then"/> where <see cref="When"/> is true, otherwise <see cref="Else"/> (null when there is no else).
/// Chain cases through <see cref="Else"/> for more than one branch.
/// </summary>
public sealed record Case : Series
{
    /// <summary>If <paramref name="when"/> then <paramref name="then"/> else <paramref name="otherwise"/>.</summary>
    public Case(Series when, Series then, Series? otherwise)
    {
        Require(when.Type == CohortType.Boolean, $"A case condition must be true or false, not {when.Type}.");
        Require(otherwise is null || otherwise.Type == then.Type, $"Both branches of a case must have one type, not {then.Type} and {otherwise?.Type}.");
        var domain = Domain.Combine(when.Domain, then.Domain);
        Domain = otherwise is null ? domain : Domain.Combine(domain, otherwise.Domain);
        When = when;
        Then = then;
        Else = otherwise;
    }

    /// <summary>The condition.</summary>
    public Series When { get; }

    /// <summary>The value where the condition is true.</summary>
    public Series Then { get; }

    /// <summary>The value otherwise (false or null condition); null means a null value.</summary>
    public Series? Else { get; }

    /// <inheritdoc />
    public override CohortType Type => Then.Type;

    /// <inheritdoc />
    public override Domain Domain { get; }
}

/// <summary>The first of two values that is not null.</summary>
public sealed record Coalesce : Series
{
    /// <summary><paramref name="first"/> unless it is null, then <paramref name="second"/>.</summary>
    public Coalesce(Series first, Series second)
    {
        Require(first.Type == second.Type, $"Coalesce needs two values of one type, not {first.Type} and {second.Type}.");
        Domain = Domain.Combine(first.Domain, second.Domain);
        First = first;
        Second = second;
    }

    /// <summary>The preferred value.</summary>
    public Series First { get; }

    /// <summary>The fallback.</summary>
    public Series Second { get; }

    /// <inheritdoc />
    public override CohortType Type => First.Type;

    /// <inheritdoc />
    public override Domain Domain { get; }
}

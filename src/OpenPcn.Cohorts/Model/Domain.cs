namespace OpenPcn.Cohorts.Model;

/// <summary>
/// How many values a series has per patient: none in particular (a constant), one (a patient series) or one per row
/// of an event frame (an event series). Series combine only within one domain, or with constants and patient series.
/// </summary>
public sealed record Domain
{
    private Domain(DomainKind kind, Frame? frame)
    {
        Kind = kind;
        Frame = frame;
    }

    /// <summary>A constant: the same value for every patient and row.</summary>
    public static Domain Constant { get; } = new(DomainKind.Constant, null);

    /// <summary>One value per patient.</summary>
    public static Domain Patient { get; } = new(DomainKind.Patient, null);

    /// <summary>Which kind of domain this is.</summary>
    public DomainKind Kind { get; }

    /// <summary>For an event domain, the frame whose rows the values belong to.</summary>
    public Frame? Frame { get; }

    /// <summary>One value per row of <paramref name="frame"/>.</summary>
    public static Domain Events(Frame frame) => new(DomainKind.Events, frame);

    /// <summary>
    /// The domain of a value computed from series in <paramref name="a"/> and <paramref name="b"/>: constants take the
    /// other's domain, patient series broadcast over event rows; two different event frames cannot be combined.
    /// </summary>
    public static Domain Combine(Domain a, Domain b)
    {
        if (a.Kind == DomainKind.Constant)
        {
            return b;
        }

        if (b.Kind == DomainKind.Constant)
        {
            return a;
        }

        if (a.Kind == DomainKind.Patient)
        {
            return b;
        }

        if (b.Kind == DomainKind.Patient)
        {
            return a;
        }

        if (!Equals(a.Frame, b.Frame))
        {
            throw new CohortModelException(
                $"Cannot combine values from two different sets of rows ({a.Frame} and {b.Frame}); pick or aggregate one of them per patient first.");
        }

        return a;
    }

    /// <inheritdoc />
    public override string ToString() => Kind == DomainKind.Events ? $"events of {Frame}" : Kind.ToString().ToLowerInvariant();
}

/// <summary>The kinds of <see cref="Domain"/>.</summary>
public enum DomainKind
{
    /// <summary>The same value everywhere.</summary>
    Constant,

    /// <summary>One value per patient.</summary>
    Patient,

    /// <summary>One value per row of an event frame.</summary>
    Events,
}

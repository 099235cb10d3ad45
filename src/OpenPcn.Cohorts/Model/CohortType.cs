namespace OpenPcn.Cohorts.Model;

#pragma warning disable CA1720 // the names are the language's type names

/// <summary>The type of every value a series holds. Null is a value of every type.</summary>
public enum CohortType
{
    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A whole number (64-bit).</summary>
    Integer,

    /// <summary>A number with a fraction (a measurement), held as a double.</summary>
    Decimal,

    /// <summary>A calendar date (no time).</summary>
    Date,

    /// <summary>Text: codes, practice codes, categories.</summary>
    Text,
}
#pragma warning restore CA1720

/// <summary>Helpers on <see cref="CohortType"/>.</summary>
public static class CohortTypes
{
    /// <summary>Whether values of the type are numbers (integer or decimal), which compare with each other.</summary>
    public static bool IsNumeric(this CohortType type) => type is CohortType.Integer or CohortType.Decimal;

    /// <summary>Whether values of the type have an order that every engine agrees on (numbers and dates, not text).</summary>
    public static bool IsOrdered(this CohortType type) => type.IsNumeric() || type == CohortType.Date;

    /// <summary>Whether values of the two types can be compared with each other.</summary>
    public static bool ComparableWith(this CohortType type, CohortType other) =>
        type == other || (type.IsNumeric() && other.IsNumeric());
}

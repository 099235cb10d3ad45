namespace OpenPcn.Cohorts.Spec.Properties;

/// <summary>
/// A stream of small numbers that a generator draws its decisions from. CsCheck generates and shrinks the numbers;
/// a drawn 0 is always the simplest choice, and a used-up stream draws 0, so shrinking the numbers simplifies the data
/// and the query.
/// </summary>
public sealed class Choices(int[] values)
{
    private int _next;

    /// <summary>A number from 0 to <paramref name="count"/> - 1.</summary>
    public int Next(int count) => _next < values.Length ? values[_next++] % count : 0;

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> options) => options[Next(options.Count)];
}

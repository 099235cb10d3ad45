using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Language.Json;

/// <summary>The names of operators, functions and types in the JSON form.</summary>
internal static class JsonNames
{
    public static readonly IReadOnlyDictionary<UnaryOperator, string> Unary = new Dictionary<UnaryOperator, string>
    {
        [UnaryOperator.Not] = "not",
        [UnaryOperator.IsNull] = "is_null",
        [UnaryOperator.IsNotNull] = "is_not_null",
    };

    public static readonly IReadOnlyDictionary<BinaryOperator, string> Binary = new Dictionary<BinaryOperator, string>
    {
        [BinaryOperator.And] = "and",
        [BinaryOperator.Or] = "or",
        [BinaryOperator.Equal] = "eq",
        [BinaryOperator.NotEqual] = "ne",
        [BinaryOperator.LessThan] = "lt",
        [BinaryOperator.LessThanOrEqual] = "le",
        [BinaryOperator.GreaterThan] = "gt",
        [BinaryOperator.GreaterThanOrEqual] = "ge",
        [BinaryOperator.Add] = "add",
        [BinaryOperator.Subtract] = "subtract",
    };

    public static readonly IReadOnlyDictionary<AggregateFunction, string> Aggregate = new Dictionary<AggregateFunction, string>
    {
        [AggregateFunction.Exists] = "exists",
        [AggregateFunction.Count] = "count",
        [AggregateFunction.CountDistinct] = "count_distinct",
        [AggregateFunction.Minimum] = "minimum",
        [AggregateFunction.Maximum] = "maximum",
        [AggregateFunction.Sum] = "sum",
    };

    public static readonly IReadOnlyDictionary<CohortType, string> Types = new Dictionary<CohortType, string>
    {
        [CohortType.Boolean] = "boolean",
        [CohortType.Integer] = "integer",
        [CohortType.Decimal] = "decimal",
        [CohortType.Date] = "date",
        [CohortType.Text] = "text",
    };

    public static readonly IReadOnlyDictionary<string, UnaryOperator> UnaryByName = Unary.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, BinaryOperator> BinaryByName = Binary.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, AggregateFunction> AggregateByName = Aggregate.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, CohortType> TypeByName = Types.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
}

using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Engines.InMemory;
using OpenPcn.Cohorts.Model;

namespace OpenPcn.Cohorts.Spec.Harness;

/// <summary>An engine the spec cases run on, given a case's tables.</summary>
public interface ISpecEngine
{
    string Name { get; }

    Task<CohortResult> RunAsync(TextTables tables, string tablesKey, CohortQuery query, DateOnly indexDate);
}

/// <summary>The engines every spec case and property runs on.</summary>
public static class SpecEngines
{
    public const string InMemory = "in-memory";

    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary>Every engine's name.</summary>
    public static IReadOnlyList<string> Names { get; } = [InMemory, Sqlite, Postgres];

    /// <summary>
    /// Cases the SQL engines are known to get wrong, with why. They are not run as spec cases on those engines;
    /// <c>KnownGaps_OnSqlEngines_StillFail</c> fails once an engine gets one right, so the entry can be removed.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SqlKnownGaps { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };

    /// <summary>Whether random queries must avoid aggregates nested three deep (the known gap above).</summary>
    public static bool AvoidDeeplyNestedAggregates => SqlKnownGaps.ContainsKey("aggregates/aggregating-a-patient-aggregate-per-row");
}

/// <summary>The reference engine over the case's tables loaded into <see cref="RecordTables"/>.</summary>
public sealed class InMemorySpecEngine : ISpecEngine
{
    public string Name => SpecEngines.InMemory;

    public Task<CohortResult> RunAsync(TextTables tables, string tablesKey, CohortQuery query, DateOnly indexDate) =>
        new InMemoryEngine(tables.ToRecordTables()).RunAsync(query, indexDate);
}

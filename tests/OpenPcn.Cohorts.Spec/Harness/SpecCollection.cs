namespace OpenPcn.Cohorts.Spec.Harness;

/// <summary>The tests that share <see cref="SpecDatabases"/> (one SQLite and one PostgreSQL database for the run).</summary>
[CollectionDefinition(Name)]
public sealed class SpecCollection : ICollectionFixture<SpecDatabases>
{
    public const string Name = "spec engines";
}

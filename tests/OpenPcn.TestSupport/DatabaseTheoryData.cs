using OpenPcn.Core.Storage;
using Xunit;

namespace OpenPcn.TestSupport;

/// <summary>Runs a storage test on both providers: <c>[Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]</c>.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> Both => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);
}

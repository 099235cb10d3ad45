using System.Reflection;
using Xunit.Sdk;

namespace OpenPcn.Cohorts.Spec.Harness;

/// <summary>Every spec case on every engine: (engine name, case id).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SpecCasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        from engine in SpecEngines.Names
        from specCase in SpecCatalogue.Cases
        where engine == SpecEngines.InMemory || !SpecEngines.SqlKnownGaps.ContainsKey(specCase.Id)
        select new object[] { engine, specCase.Id };
}

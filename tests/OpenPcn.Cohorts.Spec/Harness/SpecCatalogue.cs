using OpenPcn.Cohorts.Spec.Cases;

namespace OpenPcn.Cohorts.Spec.Harness;

/// <summary>Every section of the language reference, in order, and their cases.</summary>
public static class SpecCatalogue
{
    public static IReadOnlyList<SpecSection> Sections { get; } =
    [
        PatientCases.Section,
        ValueCases.Section,
        LogicCases.Section,
        ComparisonCases.Section,
        ArithmeticCases.Section,
        DateCases.Section,
        CodelistCases.Section,
        FilterCases.Section,
        PickCases.Section,
        AggregateCases.Section,
        ChoiceCases.Section,
        RegisterCases.Section,
        PopulationCases.Section,
    ];

    public static IReadOnlyList<SpecCase> Cases { get; } = Sections.SelectMany(s => s.Cases).ToList();

    public static SpecCase Find(string id) => Cases.Single(c => c.Id == id);
}

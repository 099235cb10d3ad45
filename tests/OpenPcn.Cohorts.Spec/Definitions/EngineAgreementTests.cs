using OpenPcn.Cohorts.Definitions;
using OpenPcn.Cohorts.Engines;
using OpenPcn.Core.Features.Population;
using static OpenPcn.Cohorts.Spec.Definitions.DefinitionTesting;

namespace OpenPcn.Cohorts.Spec.Definitions;

/// <summary>Every built-in definition and its stratification give the same rows and values on every engine.</summary>
public sealed class EngineAgreementTests
{
    [Fact]
    public async Task BuiltIns_MixedPopulation_SameResultOnEveryEngine()
    {
        var records = MixedPopulation();
        var definitions = BuiltInDefinitions.Create(DefinitionTesting.Codelists);
        List<Model.CohortQuery> queries = [.. definitions.Select(d => d.Query), .. definitions.Select(d => Stratification.Stratify(d.Query))];

        var memory = await records.RunAllAsync("memory", queries);
        var sqlite = await records.RunAllAsync("sqlite", queries);
        var postgres = await records.RunAllAsync("postgres", queries);

        for (var i = 0; i < queries.Count; i++)
        {
            var name = i < definitions.Count ? definitions[i].Name : "stratified " + definitions[i - definitions.Count].Name;
            Assert.True(Same(memory[i], sqlite[i]), $"{name}: memory and SQLite differ");
            Assert.True(Same(memory[i], postgres[i]), $"{name}: memory and PostgreSQL differ");
        }

        Assert.Contains(memory.Take(definitions.Count), r => r.Rows.Count > 0);
    }

    private static bool Same(CohortResult a, CohortResult b) =>
        a.ColumnNames.SequenceEqual(b.ColumnNames)
        && a.Rows.Count == b.Rows.Count
        && a.Rows.Zip(b.Rows).All(p => p.First.PatientId == p.Second.PatientId && p.First.Values.SequenceEqual(p.Second.Values));

    /// <summary>About thirty patients who between them fall in and out of every definition.</summary>
    private static Records MixedPopulation()
    {
        var r = new Records();
        string[] ethnic = ["A", "D", "H", "M", "R", "Z", "C", "N"];
        var day = new DateOnly(2026, 6, 1);
        for (var id = 1; id <= 32; id++)
        {
            r.Patient(id, age: 10 + (id * 3), registered: id % 11 != 0, died: id % 13 == 0 ? new DateOnly(2025, 5, 1) : null,
                ethnicCategory: ethnic[id % ethnic.Length], decile: id % 7 == 0 ? null : (byte)(1 + (id % 10)));
        }

        r.Coded(1, "59621000", new DateOnly(2019, 1, 1)).Observation(1, "72313002", day, 150).Observation(1, "1091811000000102", day, 85);
        r.Observation(2, "72313002", day, 145).Observation(2, "1091811000000102", day, 95);
        r.Coded(3, "44054006", new DateOnly(2018, 1, 1)).Coded(3, "315051004", new DateOnly(2020, 1, 1));
        r.Coded(4, "49436004", new DateOnly(2021, 1, 1)).Issue(4, "703908001", new DateOnly(2026, 10, 1));
        r.Coded(5, "49436004", new DateOnly(2021, 1, 1)).Issue(5, "703908001", new DateOnly(2025, 1, 1));
        r.Coded(6, "433144002", new DateOnly(2022, 1, 1)).Coded(7, "433144002", new DateOnly(2022, 1, 1)).Coded(7, Code("CKD1AND2_COD"), new DateOnly(2023, 1, 1));
        r.Coded(8, "53741008", new DateOnly(2015, 1, 1)).Coded(8, "84114007", new DateOnly(2016, 1, 1)).Coded(8, "230690007", new DateOnly(2017, 1, 1));
        r.Coded(9, "195967001", new DateOnly(2010, 1, 1)).Coded(9, "13645005", new DateOnly(2020, 1, 1)).Coded(9, "941201000000103", new DateOnly(2021, 1, 1));
        r.Coded(10, "52448006", new DateOnly(2024, 1, 1)).Coded(10, "248171000000108", new DateOnly(2026, 2, 1)).Event(10, EventKind.CarePlan, "734163000", new DateOnly(2026, 2, 20));
        r.Coded(12, "58214004", new DateOnly(2012, 1, 1)).Coded(12, "110359009", new DateOnly(2000, 1, 1)).Event(12, EventKind.Procedure, "ld-annual-health-check", new DateOnly(2026, 5, 1));
        r.Coded(14, "110359009", new DateOnly(2000, 1, 1)).Coded(14, "254837009", new DateOnly(2020, 1, 1)).Coded(14, "103735009", new DateOnly(2026, 1, 1));
        r.Coded(15, "925861000000102", new DateOnly(2026, 1, 1)).Coded(16, "925831000000107", new DateOnly(2026, 1, 1)).Coded(17, "925791000000100", new DateOnly(2026, 1, 1));
        r.Coded(18, "248171000000108", new DateOnly(2026, 3, 1)).Coded(18, "925861000000102", new DateOnly(2025, 3, 1));
        r.Event(19, EventKind.Referral, "276401000000108", new DateOnly(2026, 9, 1)).Observation(19, "1049361000000101", new DateOnly(2026, 8, 25), 30);
        r.Event(20, EventKind.Referral, "276401000000108", new DateOnly(2026, 9, 1));
        r.Observation(21, "1005671000000105", day, 8.2m).Observation(22, "1005671000000105", day, 6.1m);
        for (var i = 0; i < 11; i++)
        {
            r.Issue(23, $"m{i}", new DateOnly(2026, 10, 1));
        }

        r.Issue(24, "321175006", new DateOnly(2026, 10, 1)).Issue(25, "322503009", new DateOnly(2026, 9, 1))
            .Medicine(26, MedicationKind.RepeatTemplate, "323014008", new DateOnly(2025, 1, 1), status: "active").Issue(27, "321197008", new DateOnly(2026, 11, 1));
        r.Coded(28, "59621000", new DateOnly(2019, 1, 1)).Observation(28, "72313002", day, 155).Observation(28, "1091811000000102", day, 80);
        return r;
    }
}

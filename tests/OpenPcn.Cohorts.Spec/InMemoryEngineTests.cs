using OpenPcn.Cohorts.Engines.InMemory;
using OpenPcn.Cohorts.Language;
using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Schema;

namespace OpenPcn.Cohorts.Spec;

public sealed class InMemoryEngineTests
{
    private static readonly DateOnly IndexDate = new(2025, 6, 30);

    private static RecordTablesBuilder OnePatient() =>
        new RecordTablesBuilder().AddPatient(1, new DateOnly(1960, 1, 1), "female", null, null, null, null, "A81001");

    [Fact]
    public void AddRow_ValueOfAnotherType_IsRefused()
    {
        var error = Assert.Throws<CohortModelException>(() =>
            OnePatient().AddRow(CohortTables.ClinicalEvents, 1, 1, 0, new Dictionary<string, object?> { ["value"] = 140m }));

        Assert.Contains("clinical_events.value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRow_UnknownColumn_IsRefused()
    {
        var error = Assert.Throws<CohortModelException>(() =>
            OnePatient().AddRow(CohortTables.ClinicalEvents, 1, 1, 0, new Dictionary<string, object?> { ["colour"] = "red" }));

        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRow_WrongNumberOfValues_IsRefused()
    {
        Assert.Throws<CohortModelException>(() => OnePatient().AddRow(CohortTables.Registrations, 1, 1, 0, new object?[] { "A81001" }));
    }

    [Fact]
    public void AddPatient_Twice_IsRefused()
    {
        var error = Assert.Throws<CohortModelException>(() => OnePatient().AddPatient(1, new Dictionary<string, object?>()));

        Assert.Contains("already", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RowsAddedOutOfOrder_CountsEveryRow()
    {
        var tables = OnePatient()
            .AddRow(CohortTables.Medications, 1, 5, 0, new object?[] { "issue", "b", new DateOnly(2025, 1, 1), null, 28.0, null })
            .AddRow(CohortTables.Medications, 2, 1, 0, new object?[] { "issue", "a", new DateOnly(2025, 1, 1), null, null, null })
            .AddRow(CohortTables.Medications, 1, 2, 0, new object?[] { "issue", "a", new DateOnly(2025, 1, 1), null, null, null })
            .Build();

        Assert.Equal(1, tables.PatientCount);
        Assert.Equal(3, tables.RowCount(CohortTables.Medications));
        Assert.Equal(0, tables.RowCount(CohortTables.ClinicalEvents));
    }

    [Fact]
    public async Task RunAsync_TieAddedOutOfImportOrder_PicksByImportOrderNotByInsertion()
    {
        var tables = OnePatient()
            .AddRow(CohortTables.Medications, 1, 9, 0, new object?[] { "issue", "later", new DateOnly(2025, 1, 1), null, null, null })
            .AddRow(CohortTables.Medications, 1, 3, 0, new object?[] { "issue", "earlier", new DateOnly(2025, 1, 1), null, null, null })
            .Build();
        var medicines = Cohort.Medications;
        var query = new CohortQuery(new Value(true, CohortType.Boolean), [
            new QueryColumn("latest", medicines.Latest(m => m.Date).Code.Series),
            new QueryColumn("earliest", medicines.Earliest(m => m.Date).Code.Series)]);

        var result = await new InMemoryEngine(tables).RunAsync(query, IndexDate);

        Assert.Equal(["later", "earlier"], result.Rows[0].Values);
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        var engine = new InMemoryEngine(OnePatient().Build());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            engine.RunAsync(new CohortQuery(new Value(true, CohortType.Boolean), []), IndexDate, cancelled.Token));
    }

    [Fact]
    public async Task RunAsync_ManyPatients_OrderedByPatientId()
    {
        var builder = new RecordTablesBuilder();
        foreach (var id in new long[] { 30, 10, 20 })
        {
            builder.AddPatient(id, new DateOnly(1960, 1, 1), "male", null, null, id, null, "A81001");
        }

        var result = await new InMemoryEngine(builder.Build()).RunAsync(
            new CohortQuery(new Value(true, CohortType.Boolean), [new QueryColumn("decile", Cohort.Patients.DeprivationDecile.Series)]), IndexDate);

        Assert.Equal([10L, 20L, 30L], result.Rows.Select(r => r.PatientId));
        Assert.Equal([10L, 20L, 30L], result.Rows.Select(r => r.Values[0]));
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OpenPcn.Cohorts.Engines;
using OpenPcn.Cohorts.Engines.InMemory;
using OpenPcn.Cohorts.Engines.Sql;
using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Schema;
using OpenPcn.Core.Features.Population;
using OpenPcn.Core.Storage;
using OpenPcn.TestSupport;
using OpenPcn.TestSupport.Population;

namespace OpenPcn.Cohorts.Spec.Definitions;

/// <summary>
/// Hand-made patient records for definition tests, run on the in-memory engine or on the SQL engine over SQLite.
/// Every patient is registered at one practice from birth unless told otherwise; the index date is 2026-11-23.
/// </summary>
internal sealed class Records
{
    public const string Practice = "A81001";
    public static readonly DateOnly IndexDate = new(2026, 11, 23);

    private readonly List<PatientDraft> _patients = [];
    private readonly List<(long Patient, EventKind Kind, string Code, DateOnly Date, decimal? Value)> _events = [];
    private readonly List<(long Patient, MedicationKind Kind, string Code, DateOnly Date, DateOnly? End, string? Status)> _medicines = [];

    /// <summary>The engines every definition test runs on.</summary>
    public static TheoryData<string> Engines => ["memory", "sqlite"];

    /// <summary>A patient aged <paramref name="age"/> on the index date (born on 1 January of the year that gives that age).</summary>
    public Records Patient(long id, int age = 50, bool registered = true, DateOnly? died = null, string? ethnicCategory = null, byte? decile = null)
    {
        _patients.Add(new PatientDraft(id, new DateOnly(IndexDate.Year - age, 1, 1), registered, died, ethnicCategory, decile));
        return this;
    }

    public Records Event(long patient, EventKind kind, string code, DateOnly date, decimal? value = null)
    {
        _events.Add((patient, kind, code, date, value));
        return this;
    }

    public Records Coded(long patient, string code, DateOnly date) => Event(patient, EventKind.Condition, code, date);

    public Records Observation(long patient, string code, DateOnly date, decimal value) => Event(patient, EventKind.Observation, code, date, value);

    public Records Medicine(long patient, MedicationKind kind, string code, DateOnly date, DateOnly? end = null, string? status = null)
    {
        _medicines.Add((patient, kind, code, date, end, status));
        return this;
    }

    public Records Issue(long patient, string code, DateOnly date) => Medicine(patient, MedicationKind.Issue, code, date);

    /// <summary>Runs <paramref name="query"/> on <paramref name="engine"/> (<c>memory</c> or <c>sqlite</c>).</summary>
    public async Task<CohortResult> RunAsync(string engine, CohortQuery query)
    {
        if (engine == "memory")
        {
            return await new InMemoryEngine(Tables()).RunAsync(query, IndexDate);
        }

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var pcn = await database.CreateNetworkAsync("U12345", "PCN", "QWO", (Practice, 5000));
        await using (var scope = database.SystemScope())
        {
            await SeedAsync(new RecordSeeder(scope.ServiceProvider.GetRequiredService<PcnDbContext>(), pcn));
        }

        await using var connection = new SqliteConnection(database.ConnectionString);
        return await new SqlCohortEngine(connection, SqlDialect.Sqlite, pcn).RunAsync(query, IndexDate);
    }

    private async Task SeedAsync(RecordSeeder seeder)
    {
        foreach (var p in _patients)
        {
            await seeder.PatientAsync(p.Id, RecordSeeder.NhsNumberFrom((int)p.Id * 100), Practice, p.Born, Sex.Female, p.Died, p.EthnicCategory, decile: p.Decile, registered: p.Registered);
        }

        foreach (var e in _events)
        {
            await seeder.EventAsync(e.Patient, e.Kind, e.Code, e.Date, value: e.Value);
        }

        foreach (var m in _medicines)
        {
            await seeder.MedicineAsync(m.Patient, m.Kind, m.Code, m.Date, end: m.End, status: m.Status);
        }
    }

    private RecordTables Tables()
    {
        var builder = new RecordTablesBuilder();
        long key = 0;
        foreach (var p in _patients)
        {
            builder.AddPatient(p.Id, p.Born, "female", p.EthnicCategory, null, p.Decile, p.Died, Practice);
            builder.AddRow(CohortTables.Registrations, p.Id, ++key, 0, Row(("practice", Practice), ("start_date", p.Born), ("end_date", p.Registered ? null : new DateOnly(2020, 1, 1))));
        }

        foreach (var e in _events)
        {
            builder.AddRow(CohortTables.ClinicalEvents, e.Patient, ++key, 0, Row(("kind", EventKindName(e.Kind)), ("code", e.Code), ("date", e.Date), ("value", (double?)e.Value)));
        }

        foreach (var m in _medicines)
        {
            var kind = m.Kind switch { MedicationKind.Issue => "issue", MedicationKind.RepeatTemplate => "repeat_template", _ => "statement" };
            builder.AddRow(CohortTables.Medications, m.Patient, ++key, 0, Row(("kind", kind), ("code", m.Code), ("date", m.Date), ("end_date", m.End), ("quantity", 28.0), ("status", m.Status)));
        }

        return builder.Build();
    }

    private static Dictionary<string, object?> Row(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    private static string EventKindName(EventKind kind) => kind switch
    {
        EventKind.CarePlan => "care_plan",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private sealed record PatientDraft(long Id, DateOnly Born, bool Registered, DateOnly? Died, string? EthnicCategory, byte? Decile);
}

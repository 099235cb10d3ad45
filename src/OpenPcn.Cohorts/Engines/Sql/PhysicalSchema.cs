using System.Collections.Frozen;
using OpenPcn.Cohorts.Model;
using OpenPcn.Cohorts.Schema;

namespace OpenPcn.Cohorts.Engines.Sql;

/// <summary>
/// Where each logical table and column of <see cref="CohortTables"/> is stored: the EF Core tables the import fills
/// (every row scoped by <c>PcnId</c>; event rows keyed by <c>SourceKey</c>, <c>Seq</c> in import order).
/// </summary>
internal static class PhysicalSchema
{
    public const string PcnId = "\"PcnId\"";
    public const string PatientId = "\"PatientId\"";
    public const string SourceKey = "\"SourceKey\"";
    public const string Seq = "\"Seq\"";

    private static readonly string[] EventKinds =
        ["condition", "observation", "procedure", "referral", "care_plan", "appointment", "immunisation", "allergy", "encounter"];

    private static readonly string[] MedicationKinds = ["issue", "repeat_template", "statement"];

    // Sex: Unknown 0, Female 1, Male 2, Other 3.
    private static readonly string[] Sexes = ["unknown", "female", "male", "other"];

    private static readonly FrozenDictionary<(string Table, string Column), StoredColumn> Columns = new Dictionary<(string, string), StoredColumn>
    {
        [("patients", "date_of_birth")] = new("DateOfBirth"),
        [("patients", "sex")] = new("Sex", Sexes, 0),
        [("patients", "ethnic_category")] = new("EthnicCategory"),
        [("patients", "lsoa")] = new("Lsoa"),
        [("patients", "deprivation_decile")] = new("DeprivationDecile"),
        [("patients", "date_of_death")] = new("DateOfDeath"),
        [("patients", "practice")] = new("PracticeCode"),
        [("registrations", "practice")] = new("PracticeCode"),
        [("registrations", "start_date")] = new("Start"),
        [("registrations", "end_date")] = new("End"),
        [("clinical_events", "kind")] = new("Kind", EventKinds, 1),
        [("clinical_events", "code")] = new("Code"),
        [("clinical_events", "date")] = new("Date"),
        [("clinical_events", "end_date")] = new("EndDate"),
        [("clinical_events", "value")] = new("Value"),
        [("clinical_events", "unit")] = new("Unit"),
        [("clinical_events", "status")] = new("Status"),
        [("clinical_events", "priority")] = new("Priority"),
        [("medications", "kind")] = new("Kind", MedicationKinds, 1),
        [("medications", "code")] = new("Code"),
        [("medications", "date")] = new("Date"),
        [("medications", "end_date")] = new("EndDate"),
        [("medications", "quantity")] = new("Quantity"),
        [("medications", "status")] = new("Status"),
    }.ToFrozenDictionary();

    /// <summary>The stored table of a logical table, quoted.</summary>
    public static string Table(CohortTable table) => table.Name switch
    {
        "patients" => "\"Patients\"",
        "registrations" => "\"Registrations\"",
        "clinical_events" => "\"ClinicalEvents\"",
        "medications" => "\"MedicationRecords\"",
        _ => throw new CohortModelException($"The SQL engine does not know where table {table.Name} is stored."),
    };

    /// <summary>The stored column behind a logical column.</summary>
    public static StoredColumn Column(CohortTable table, string column) =>
        Columns.TryGetValue((table.Name, column), out var stored)
            ? stored
            : throw new CohortModelException($"The SQL engine does not know where {table.Name}.{column} is stored.");

    /// <summary>The SQL for logical column <paramref name="column"/> of <paramref name="table"/> in the row aliased <paramref name="alias"/>.</summary>
    public static string Expression(CohortTable table, string column, string alias, SqlDialect dialect)
    {
        var stored = Column(table, column);
        var raw = $"{alias}.\"{stored.Name}\"";
        if (stored.Names is not null)
        {
            var cases = string.Join(" ", stored.Names.Select((name, i) => $"WHEN {SqlDialect.Integer(i + stored.FirstNumber)} THEN {SqlDialect.Text(name)}"));
            return $"(CASE {raw} {cases} END)";
        }

        return table.Column(column).Type switch
        {
            CohortType.Decimal => dialect.DecimalColumn(raw),
            CohortType.Integer => dialect.IntegerColumn(raw),
            _ => raw,
        };
    }
}

/// <summary>A stored column; an enum column has the logical names of its numbers (from <see cref="FirstNumber"/>).</summary>
internal sealed record StoredColumn(string Name, IReadOnlyList<string>? Names = null, int FirstNumber = 0)
{
    /// <summary>The stored number of a logical name, if the column is an enum and the name one of its values.</summary>
    public int? Number(string name)
    {
        if (Names is null)
        {
            return null;
        }

        var index = Names.ToList().IndexOf(name);
        return index < 0 ? null : index + FirstNumber;
    }
}

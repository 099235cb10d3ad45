using System.Globalization;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance.Rates;
using OpenPcn.Core.Features.Workforce.Envelope;
using OpenPcn.Web.Components.Shared;

namespace OpenPcn.Web.Features.Workforce.Envelope;

/// <summary>The scenario editor's "new change" fields as typed (a GET form: nothing is saved).</summary>
public sealed class ScenarioForm
{
    /// <summary>Which field shows a rule the service broke.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldIds = new Dictionary<string, string>
    {
        [nameof(ScenarioChange.Role)] = "new-role",
        ["Wte"] = "new-wte",
        [nameof(ScenarioChange.ContractId)] = "new-contract",
        [nameof(ScenarioChange.Percent)] = "new-percent",
        ["AnnualSalary"] = "new-salary",
        ["AnnualEmployerNi"] = "new-ni",
        ["AnnualEmployerPension"] = "new-pension",
        ["End"] = "new-from",
    };

    public string Kind { get; set; } = nameof(ScenarioChangeKind.AddPost);

    public string From { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string Region { get; set; } = nameof(ArrsRegion.National);

    public string Wte { get; set; } = string.Empty;

    public string Salary { get; set; } = string.Empty;

    public string Ni { get; set; } = string.Empty;

    public string Pension { get; set; } = string.Empty;

    public string Contract { get; set; } = string.Empty;

    public string Percent { get; set; } = string.Empty;

    public static ScenarioForm FromQuery(IQueryCollection q) => new()
    {
        Kind = q["kind"].ToString() is { Length: > 0 } k ? k : nameof(ScenarioChangeKind.AddPost),
        From = q["from"].ToString(),
        Role = q["role"].ToString(),
        Region = q["region"].ToString() is { Length: > 0 } r ? r : nameof(ArrsRegion.National),
        Wte = q["wte"].ToString(),
        Salary = q["salary"].ToString(),
        Ni = q["ni"].ToString(),
        Pension = q["pension"].ToString(),
        Contract = q["contract"].ToString(),
        Percent = q["percent"].ToString(),
    };

    /// <summary>The change the fields describe, or null with the errors beside the fields.</summary>
    public ScenarioChange? Read(FormErrors errors)
    {
        if (!Enum.TryParse<ScenarioChangeKind>(Kind, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add("new-kind", "Choose what changes");
            return null;
        }

        if (!DateOnly.TryParseExact(From.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            errors.Add("new-from", "Enter the date the change starts, like 2027-01-01");
        }

        var region = Enum.TryParse<ArrsRegion>(Region, out var r) && Enum.IsDefined(r) ? r : ArrsRegion.National;
        decimal? wte = null;
        decimal? percent = null;
        Money? salary = null, ni = null, pension = null;
        Guid? contract = null;
        switch (kind)
        {
            case ScenarioChangeKind.AddPost:
                wte = Decimal(errors, Wte, "new-wte", "Enter the whole-time equivalent, like 0.6");
                salary = Amount(errors, Salary, "new-salary", "Enter the salary a year, like 38000");
                ni = Amount(errors, Ni, "new-ni", "Enter employer's NI a year (0 if none)");
                pension = Amount(errors, Pension, "new-pension", "Enter employer's pension a year (0 if none)");
                break;
            case ScenarioChangeKind.ChangeWte:
                wte = Decimal(errors, Wte, "new-wte", "Enter the new whole-time equivalent, like 0.6");
                contract = ReadContract(errors);
                break;
            case ScenarioChangeKind.EndContract:
                contract = ReadContract(errors);
                break;
            default:
                percent = Decimal(errors, Percent, "new-percent", "Enter the uplift as a percentage, like 3.5");
                break;
        }

        return errors.Any ? null : new ScenarioChange(kind, from, Role.Length == 0 ? null : Role, region, wte, salary, ni, pension, contract, percent);
    }

    private Guid? ReadContract(FormErrors errors)
    {
        if (Guid.TryParse(Contract, out var id))
        {
            return id;
        }

        errors.Add("new-contract", "Choose the contract");
        return null;
    }

    private static decimal? Decimal(FormErrors errors, string text, string id, string message)
    {
        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        errors.Add(id, message);
        return null;
    }

    private static Money? Amount(FormErrors errors, string text, string id, string message)
    {
        if (text.Trim().Length > 0 && Money.TryParse(text, out var m))
        {
            return m;
        }

        errors.Add(id, message);
        return null;
    }
}

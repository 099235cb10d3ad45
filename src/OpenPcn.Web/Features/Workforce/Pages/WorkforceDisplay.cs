using System.Globalization;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Workforce;
using OpenPcn.Web.Components.Shared;

namespace OpenPcn.Web.Features.Workforce.Pages;

/// <summary>How the workforce pages write WTE, employers, stages and amounts, and read them back from forms.</summary>
internal static class WorkforceDisplay
{
    public static string Wte(decimal wte) => wte.ToString("0.0###", CultureInfo.InvariantCulture);

    public static string Employer(ContractView c) =>
        c.EmployerKind == EmployerKind.LeadProvider ? $"{c.EmployerName} (lead provider)" : c.EmployerName;

    public static string Stage(PlannedPostStage stage) => stage switch
    {
        PlannedPostStage.Vacancy => "Vacancy",
        PlannedPostStage.Advertised => "Advertised",
        PlannedPostStage.Offered => "Offered",
        PlannedPostStage.Started => "Started",
        _ => "Withdrawn",
    };

    public static string Plain(Money money) => money.ToPlainString();

    /// <summary>Reads pounds and pence ("48,000" or "£48,000.00"); empty is null.</summary>
    public static bool TryReadMoney(string? text, out Money? money)
    {
        money = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Money.TryParse(text, out var parsed))
        {
            money = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Reads a required number ("0.6"); empty or not a number is false.</summary>
    public static bool TryReadDecimal(string? text, out decimal value)
    {
        var ok = Display.TryReadOptionalDecimal(text, out var read) && read is not null;
        value = read ?? 0;
        return ok;
    }
}

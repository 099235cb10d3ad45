using System.Globalization;
using OpenPcn.Core.Common;
using OpenPcn.Core.Features.Finance;
using OpenPcn.Web.Components.Shared;

namespace OpenPcn.Web.Features.Finance.Pages;

/// <summary>Reads the typed values of the finance forms, adding an error beside the field when one cannot be read.</summary>
internal static class FinanceForms
{
    public static DateOnly Month(string? text, string fieldId, FormErrors errors)
    {
        if (FundingStreams.TryParseMonth(text, out var month))
        {
            return month;
        }

        errors.Add(fieldId, "Enter the month as year and month, like 2026-10");
        return default;
    }

    public static DateOnly Date(string? text, string fieldId, FormErrors errors)
    {
        if (DateOnly.TryParseExact((text ?? string.Empty).Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(fieldId, "Enter the date like 2026-10-28");
        return default;
    }

    public static Money Amount(string? text, string fieldId, FormErrors errors)
    {
        if (Money.TryParse(text, out var money))
        {
            return money;
        }

        errors.Add(fieldId, "Enter an amount in pounds and pence, like 1234.56");
        return Money.Zero;
    }

    public static decimal Number(string? text, string fieldId, FormErrors errors, string what)
    {
        if (decimal.TryParse((text ?? string.Empty).Trim().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(fieldId, $"Enter {what} as a number");
        return 0;
    }
}

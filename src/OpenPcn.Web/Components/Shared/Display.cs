using System.Globalization;

namespace OpenPcn.Web.Components.Shared;

/// <summary>How pages write numbers and dates: British style, e.g. "11,240" and "1 January 2026".</summary>
internal static class Display
{
    public static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Number(int? value) => value?.ToString("N0", UkCulture) ?? "Not known";

    public static string Number(decimal? value) => value?.ToString("N0", UkCulture) ?? "Not known";

    public static string Date(DateOnly? value) => value?.ToString("d MMMM yyyy", UkCulture) ?? "Not known";

    public static string ShortDate(DateOnly? value) => value?.ToString("d MMM yyyy", UkCulture) ?? "—";

    public static string Sessions(decimal value) => value.ToString("0.##", UkCulture);

    /// <summary>Reads a whole number typed with or without thousands separators ("8,500").</summary>
    public static bool TryReadWholeNumber(string? text, out int value) =>
        int.TryParse(text?.Trim().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Reads an optional decimal; empty is <c>null</c> and valid.</summary>
    public static bool TryReadOptionalDecimal(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (decimal.TryParse(text.Trim().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}

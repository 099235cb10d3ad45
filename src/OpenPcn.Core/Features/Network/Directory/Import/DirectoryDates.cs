using System.Globalization;

namespace OpenPcn.Core.Features.Network.Directory.Import;

/// <summary>The date formats of the national files.</summary>
internal static class DirectoryDates
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private static readonly string[] TextFormats =
        ["yyyyMMdd", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d MMM yyyy", "dd-MMM-yyyy", "ddMMMyyyy"];

    /// <summary>NHS England's <c>DDMMMYYYY</c>, in any case: <c>01JAN2021</c>, <c>01May2022</c>, <c>01oct2025</c>.</summary>
    public static bool TryParseExtractDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        text = text.Trim();
        if (text.Length != 9
            || !int.TryParse(text[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        var month = 0;
        for (var m = 0; m < Months.Length && month == 0; m++)
        {
            month = text.Slice(2, 3).Equals(Months[m], StringComparison.OrdinalIgnoreCase) ? m + 1 : 0;
        }

        if (month == 0 || year < 1900 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>ODS's <c>yyyyMMdd</c>, e.g. <c>19740401</c>.</summary>
    public static bool TryParseOdsDate(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A date typed as text in a workbook: <c>20200701</c>, <c>01/07/2020</c> (UK order), <c>2020-07-01</c>, <c>1 Jul 2020</c>.</summary>
    /// <remarks>The invariant culture's month abbreviations are used: en-GB's ICU data abbreviates September "Sept", and the
    /// files write "Sep".</remarks>
    public static bool TryParseText(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), TextFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date)
        || DateOnly.TryParseExact(text.Trim(), TextFormats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out date);

    /// <summary>A number that stands for a date: <c>20200701</c> (yyyyMMdd) or an Excel serial day number.</summary>
    public static bool TryParseNumber(double number, out DateOnly date)
    {
        date = default;
        if (number != Math.Floor(number))
        {
            return false;
        }

        if (number is >= 19000101 and <= 29991231)
        {
            return TryParseOdsDate(((long)number).ToString(CultureInfo.InvariantCulture), out date);
        }

        if (number is >= 1 and <= 2958465)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(number));
            return true;
        }

        return false;
    }
}

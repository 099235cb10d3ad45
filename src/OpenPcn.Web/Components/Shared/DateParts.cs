using System.Globalization;

namespace OpenPcn.Web.Components.Shared;

/// <summary>The three boxes of an NHS date input (day, month, year) as typed, and their checking.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateParts From(DateOnly? date) => date is { } d
        ? new DateParts
        {
            Day = d.Day.ToString(CultureInfo.InvariantCulture),
            Month = d.Month.ToString(CultureInfo.InvariantCulture),
            Year = d.Year.ToString(CultureInfo.InvariantCulture),
        }
        : new DateParts();

    /// <summary>Reads the date, or says what is wrong in the NHS service manual's words (<paramref name="name"/> starts the message).</summary>
    public bool TryRead(string name, out DateOnly date, out string? error)
    {
        date = default;
        error = null;
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Day))
        {
            missing.Add("a day");
        }

        if (string.IsNullOrWhiteSpace(Month))
        {
            missing.Add("a month");
        }

        if (string.IsNullOrWhiteSpace(Year))
        {
            missing.Add("a year");
        }

        if (missing.Count == 3)
        {
            error = $"Enter {name.ToLowerInvariant()}";
            return false;
        }

        if (missing.Count > 0)
        {
            error = $"{name} must include {string.Join(" and ", missing)}";
            return false;
        }

        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 1948 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"{name} must be a real date";
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}

/// <summary>A posted form may leave out a date's boxes altogether; these treat that as empty.</summary>
public static class DatePartsExtensions
{
    public static bool IsBlank(this DateParts? parts) => parts is null || parts.IsEmpty;

    public static bool TryReadDate(this DateParts? parts, string name, out DateOnly date, out string? error) =>
        (parts ?? new DateParts()).TryRead(name, out date, out error);
}

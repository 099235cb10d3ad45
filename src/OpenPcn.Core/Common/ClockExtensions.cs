namespace OpenPcn.Core.Common;

/// <summary>"Today" in England, from the injected clock (never the machine clock read directly).</summary>
public static class ClockExtensions
{
    private static readonly TimeZoneInfo UkTime = FindUkTimeZone();

    public static DateOnly TodayInEngland(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), UkTime).DateTime);

    private static TimeZoneInfo FindUkTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}

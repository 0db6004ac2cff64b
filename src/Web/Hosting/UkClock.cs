using NodaTime;

namespace Placements.Web.Hosting;

public static class UkClock
{
    /// <summary>English councils work in UK local time; "today" is the date in Europe/London.</summary>
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static LocalDate TodayInLondon(this IClock clock) => clock.GetCurrentInstant().InZone(London).Date;
}

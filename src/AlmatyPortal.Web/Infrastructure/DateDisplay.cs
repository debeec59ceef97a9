using System.Globalization;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>How the portal writes dates: article dates as 17.03.2011, conference ranges as "15–16 March 2011".</summary>
public static class DateDisplay
{
    /// <summary>An article's date, as the office's readers write it, in the office's time zone.</summary>
    public static string ArticleDate(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)
            .ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The day of an instant in the office's time zone.</summary>
    public static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>A date range with the shared month and year written once: "15–16 March 2011", "30 March – 2 April 2011".</summary>
    public static string Range(DateOnly start, DateOnly end, CultureInfo culture)
    {
        if (end < start)
        {
            (start, end) = (end, start);
        }
        var format = culture.DateTimeFormat;
        string Month(DateOnly d) => format.MonthGenitiveNames[d.Month - 1] is { Length: > 0 } genitive ? genitive : format.MonthNames[d.Month - 1];

        if (start == end)
        {
            return $"{start.Day} {Month(start)} {start.Year}";
        }
        if (start.Year == end.Year && start.Month == end.Month)
        {
            return $"{start.Day}–{end.Day} {Month(end)} {end.Year}";
        }
        if (start.Year == end.Year)
        {
            return $"{start.Day} {Month(start)} – {end.Day} {Month(end)} {end.Year}";
        }
        return $"{start.Day} {Month(start)} {start.Year} – {end.Day} {Month(end)} {end.Year}";
    }
}

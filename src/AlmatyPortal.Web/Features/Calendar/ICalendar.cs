using System.Globalization;
using System.Text;

namespace AlmatyPortal.Web.Features.Calendar;

/// <summary>A small RFC 5545 writer: CRLF lines folded at 75 octets, text escaped, all-day events with an exclusive end date.</summary>
public sealed class ICalendar
{
    private readonly StringBuilder _text = new();

    public ICalendar(string name)
    {
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//AlmatyPortal//Regional conferences//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(name));
    }

    /// <summary>An all-day event from <paramref name="first"/> to <paramref name="last"/> inclusive (DTEND is the day after).</summary>
    public ICalendar AllDayEvent(string uid, DateOnly first, DateOnly last, DateTime stampUtc, string summary, string? location, string? description, string url)
    {
        Line("BEGIN:VEVENT");
        Line("UID:" + Escape(uid));
        Line("DTSTAMP:" + DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        Line("DTSTART;VALUE=DATE:" + first.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Line("DTEND;VALUE=DATE:" + last.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        Line("SUMMARY:" + Escape(summary));
        if (!string.IsNullOrWhiteSpace(location))
        {
            Line("LOCATION:" + Escape(location));
        }
        if (!string.IsNullOrWhiteSpace(description))
        {
            Line("DESCRIPTION:" + Escape(description));
        }
        Line("URL:" + url);
        Line("TRANSP:TRANSPARENT");
        Line("STATUS:CONFIRMED");
        Line("END:VEVENT");
        return this;
    }

    public override string ToString() => _text.ToString() + Fold("END:VCALENDAR") + "\r\n";

    /// <summary>Escapes TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Folds a content line so no physical line exceeds 75 octets, never splitting a UTF-8 character (RFC 5545 3.1).</summary>
    public static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                result.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }
            result.Append(rune.ToString());
            octets += size;
        }
        return result.ToString();
    }

    private void Line(string line) => _text.Append(Fold(line)).Append("\r\n");
}

using System.Text;
using AlmatyPortal.Web.Features.Calendar;

namespace AlmatyPortal.Tests.Unit;

public sealed class ICalendarTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Almaty, Kazakhstan", "Almaty\\, Kazakhstan")]
    [InlineData("a;b", "a\\;b")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("two\nlines", "two\\nlines")]
    [InlineData("two\r\nlines", "two\\nlines")]
    public void Text_values_are_escaped(string value, string expected) => Assert.Equal(expected, ICalendar.Escape(value));

    [Fact]
    public void Long_lines_fold_at_75_octets_with_a_space_and_unfold_to_the_original()
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("Региональная конференция ", 10));

        var folded = ICalendar.Fold(line);

        Assert.All(folded.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.All(folded.Split("\r\n").Skip(1), l => Assert.StartsWith(" ", l, StringComparison.Ordinal));
        Assert.Equal(line, folded.Replace("\r\n ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_short_line_is_not_folded() => Assert.Equal("UID:x", ICalendar.Fold("UID:x"));

    [Fact]
    public void An_all_day_event_ends_the_day_after_its_last_day()
    {
        var ics = new ICalendar("Test").AllDayEvent("uid-1", new DateOnly(2011, 12, 31), new DateOnly(2011, 12, 31), DateTime.UnixEpoch, "New Year's Eve", null, null, "https://x.example/").ToString();

        Assert.Contains("DTSTART;VALUE=DATE:20111231\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;VALUE=DATE:20120101\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:19700101T000000Z\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("LOCATION", ics, StringComparison.Ordinal);
    }
}

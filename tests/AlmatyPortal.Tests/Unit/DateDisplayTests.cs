using System.Globalization;
using AlmatyPortal.Web.Infrastructure;

namespace AlmatyPortal.Tests.Unit;

public sealed class DateDisplayTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    [Theory]
    [InlineData("2011-03-15", "2011-03-16", "15–16 March 2011")]
    [InlineData("2011-03-15", "2011-03-15", "15 March 2011")]
    [InlineData("2011-03-30", "2011-04-02", "30 March – 2 April 2011")]
    [InlineData("2011-12-30", "2012-01-02", "30 December 2011 – 2 January 2012")]
    [InlineData("2011-03-16", "2011-03-15", "15–16 March 2011")]
    public void English_ranges_write_the_shared_month_and_year_once(string start, string end, string expected) =>
        Assert.Equal(expected, DateDisplay.Range(DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture), English));

    [Fact]
    public void Russian_ranges_use_the_genitive_month() =>
        Assert.Equal("15–16 марта 2011", DateDisplay.Range(new DateOnly(2011, 3, 15), new DateOnly(2011, 3, 16), Russian));

    [Fact]
    public void Article_dates_read_day_month_year_with_dots_in_the_office_time_zone()
    {
        var almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

        Assert.Equal("17.03.2011", DateDisplay.ArticleDate(new DateTime(2011, 3, 17, 4, 0, 0, DateTimeKind.Utc), almaty));
        // 20:00 UTC on the 16th is already the 17th in Almaty (UTC+6 in 2011).
        Assert.Equal("17.03.2011", DateDisplay.ArticleDate(new DateTime(2011, 3, 16, 20, 0, 0, DateTimeKind.Utc), almaty));
        Assert.Equal("16.03.2011", DateDisplay.ArticleDate(new DateTime(2011, 3, 16, 17, 0, 0, DateTimeKind.Utc), almaty));
    }
}

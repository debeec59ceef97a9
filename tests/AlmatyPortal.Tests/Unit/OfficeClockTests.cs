using AlmatyPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AlmatyPortal.Tests.Unit;

public sealed class OfficeClockTests
{
    private static OfficeClock In(string zone) => new(TimeProvider.System, Options.Create(new PortalOptions { TimeZone = zone }));

    [Fact]
    public void A_months_first_instant_is_its_local_midnight_in_utc()
    {
        // Almaty was UTC+6 in 2011: 1 March 00:00 there is 28 February 18:00 UTC.
        Assert.Equal(new DateTime(2011, 2, 28, 18, 0, 0, DateTimeKind.Utc), In("Asia/Almaty").MonthStartUtc(2011, 3));
    }

    [Fact]
    public void A_local_time_the_clock_skips_is_read_with_the_offset_before_the_change()
    {
        // Berlin moves its clocks from 02:00 to 03:00 on 28 March 2027: 02:30 is not a time there that night. Read at the
        // winter offset (UTC+1) it is 01:30 UTC, which the clock shows as 03:30.
        var clock = In("Europe/Berlin");

        var instant = clock.ToUtc(new DateTime(2027, 3, 28, 2, 30, 0));

        Assert.Equal(new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Utc), instant);
        Assert.Equal(new DateTime(2027, 3, 28, 3, 30, 0), clock.ToLocal(instant));
    }

    [Fact]
    public void A_month_whose_midnight_the_clock_skips_starts_at_the_first_local_time_after_the_gap()
    {
        // Paraguay moved its clocks from 00:00 to 01:00 on 1 October 2017: there was no midnight that day. The first
        // instant of October was 01:00 at UTC-3, 04:00 UTC, and converting the missing midnight would throw.
        var clock = In("America/Asuncion");

        var start = clock.MonthStartUtc(2017, 10);

        Assert.Equal(new DateTime(2017, 10, 1, 4, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2017, 10, 1, 1, 0, 0), clock.ToLocal(start));
        Assert.Equal(9, clock.ToLocal(start.AddTicks(-1)).Month);
    }

    [Theory]
    [InlineData("Asia/Almaty", 2011, 3, false)]
    [InlineData("America/Asuncion", 2017, 10, false)]
    // London's clocks went back an hour on 30 October 2016, two days before November: local times near it repeat.
    [InlineData("Europe/London", 2016, 11, true)]
    [InlineData("Europe/London", 2016, 12, false)]
    public void Whether_the_clock_goes_back_near_a_months_start(string zone, int year, int month, bool expected) =>
        Assert.Equal(expected, In(zone).GoesBackNear(year, month));
}

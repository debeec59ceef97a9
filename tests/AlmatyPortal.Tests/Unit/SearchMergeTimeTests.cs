using AlmatyPortal.Web.Features.Search;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace AlmatyPortal.Tests.Unit;

/// <summary>When the nightly merge of the search index runs: at Search:MergeAt office time, whenever the portal started.</summary>
public sealed class SearchMergeTimeTests
{
    private static readonly TimeOnly HalfPastThree = new(3, 30);

    private static OfficeClock In(string zone) => new(TimeProvider.System, Options.Create(new PortalOptions { TimeZone = zone }));

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void A_portal_started_before_the_hour_merges_the_same_night()
    {
        // 02:00 in Almaty (UTC+5) is 21:00 UTC the day before.
        var next = SearchIndexUpkeep.NextMerge(Utc(2026, 12, 1, 21, 0), HalfPastThree, In("Asia/Almaty"));

        Assert.Equal(Utc(2026, 12, 1, 22, 30), next);
    }

    [Theory]
    [InlineData(5, 0, 2)] // 10:00 on 2 December in Almaty: the next is 03:30 on the 3rd, 22:30 UTC on the 2nd
    [InlineData(22, 30, 3)] // 03:30 on the 3rd in Almaty, the merge just run: the next is 03:30 on the 4th
    public void Once_the_hour_has_come_the_next_merge_is_the_next_night(int utcHour, int utcMinute, int nextUtcDay)
    {
        var next = SearchIndexUpkeep.NextMerge(Utc(2026, 12, 2, utcHour, utcMinute), HalfPastThree, In("Asia/Almaty"));

        Assert.Equal(Utc(2026, 12, nextUtcDay, 22, 30), next);
    }

    [Fact]
    public void On_the_night_the_clock_skips_the_hour_the_merge_runs_within_an_hour_after_it()
    {
        var berlin = In("Europe/Berlin");
        // 2026-03-29: Berlin's clocks go from 02:00 to 03:00, so 02:30 does not happen.
        var next = SearchIndexUpkeep.NextMerge(Utc(2026, 3, 28, 23, 0), new TimeOnly(2, 30), berlin);
        var local = berlin.ToLocal(next);

        Assert.Equal(new DateOnly(2026, 3, 29), DateOnly.FromDateTime(local));
        Assert.InRange(TimeOnly.FromDateTime(local), new TimeOnly(3, 0), new TimeOnly(3, 30));
    }

    [Fact]
    public void On_the_night_the_clock_repeats_the_hour_the_merge_runs_once()
    {
        var berlin = In("Europe/Berlin");
        // 2026-10-25: Berlin's clocks go back from 03:00 to 02:00, so 02:30 happens twice.
        var first = SearchIndexUpkeep.NextMerge(Utc(2026, 10, 24, 22, 0), new TimeOnly(2, 30), berlin);
        var second = SearchIndexUpkeep.NextMerge(first, new TimeOnly(2, 30), berlin);

        Assert.Equal(new DateOnly(2026, 10, 25), DateOnly.FromDateTime(berlin.ToLocal(first)));
        Assert.Equal(new DateOnly(2026, 10, 26), DateOnly.FromDateTime(berlin.ToLocal(second)));
    }
}

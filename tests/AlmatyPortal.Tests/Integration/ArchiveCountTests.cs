using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Integration;

/// <summary>The archive index reads counts kept per month; they follow every change and are checked at start-up.</summary>
public sealed class ArchiveCountTests
{
    private static async Task<string> MonthsAsync(PortalFactory portal) =>
        Html.Section(await portal.CreateReader().GetStringAsync("/news/archive"), "<nav class=\"archive\"[^>]*>", "nav");

    [Fact]
    public async Task The_month_counts_follow_a_publish_a_moved_date_and_an_unpublish()
    {
        using var portal = new PortalFactory(null);
        var editor = await Staff.SignedInAsync(portal, StaffRoles.Editor);
        var section = await Seed.SectionIdAsync(portal);

        var id = Editor.IdFrom(await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Spring report", "Text.", section, slug: "spring-report", publishAt: "2013-05-10T09:00")));
        var published = await MonthsAsync(portal);
        await Editor.PostAsync(editor, id, "Save", Editor.Fields("Spring report", "Text.", section, version: 1, slug: "spring-report", publishAt: "2014-02-10T09:00"));
        var moved = await MonthsAsync(portal);
        await Editor.PostAsync(editor, id, "Unpublish", Editor.Fields("Spring report", "Text.", section, version: 2, slug: "spring-report", publishAt: "2014-02-10T09:00"));
        var unpublished = await MonthsAsync(portal);

        Assert.Contains("<a href=\"/news/archive/2013/05\">May (1)</a>", published, StringComparison.Ordinal);
        Assert.DoesNotContain("/news/archive/2013/05\"", moved, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/news/archive/2014/02\">February (1)</a>", moved, StringComparison.Ordinal);
        Assert.DoesNotContain("/news/archive/2014", unpublished, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/news/archive/2011/03\">March (1)</a>", unpublished, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_that_no_longer_match_the_articles_are_counted_again_at_start_up()
    {
        string data;
        using (var before = new PortalFactory(null))
        {
            data = before.DataPath;
            // As after a crash between an article's save and its count, or rows written behind the portal's back.
            await before.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"ArchiveMonths\" SET \"Count\" = 7"));
            await before.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"ArchiveMonths\" (\"Language\", \"Year\", \"Month\", \"Count\", \"Zone\") VALUES ('en', 1999, 1, 3, 'Asia/Almaty')"));
            before.KeepData = true;
        }

        using var after = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:DataPath"] = data });
        var months = await MonthsAsync(after);

        Assert.Contains("<a href=\"/news/archive/2011/03\">March (1)</a>", months, StringComparison.Ordinal);
        Assert.DoesNotContain("1999", months, StringComparison.Ordinal);
        Assert.Equal(1, await after.WithDbAsync(db => db.Set<Web.Features.News.ArchiveMonth>().Where(m => m.Language == "en").SumAsync(m => m.Count)));
    }

    [Fact]
    public async Task Around_a_midnight_the_office_clock_skips_each_month_page_lists_the_articles_of_its_own_local_month()
    {
        // Paraguay moved its clocks from 00:00 to 01:00 on 1 October 2017: 23:30 on 30 September (UTC-4) was 03:30 UTC,
        // and October began at 01:00 local time (04:00 UTC).
        using var content = new ContentFolder();
        content.WriteArticle("2017-09-30-last-of-september.md",
            "title: Last of September\nsection: news\nstatus: published\npublish_date: 2017-09-30T23:30:00-04:00");
        content.WriteArticle("2017-10-01-first-of-october.md",
            "title: First of October\nsection: news\nstatus: published\npublish_date: 2017-10-01T01:30:00-03:00");
        using var portal = new PortalFactory(content.Path, new Dictionary<string, string?> { ["Portal:TimeZone"] = "America/Asuncion" });
        var client = portal.CreateReader();

        var september = await client.GetStringAsync("/news/archive/2017/09");
        var october = await client.GetStringAsync("/news/archive/2017/10");

        Assert.Contains("/news/last-of-september", september, StringComparison.Ordinal);
        Assert.DoesNotContain("/news/first-of-october", september, StringComparison.Ordinal);
        Assert.Contains("/news/first-of-october", october, StringComparison.Ordinal);
        Assert.DoesNotContain("/news/last-of-september", october, StringComparison.Ordinal);
    }
}

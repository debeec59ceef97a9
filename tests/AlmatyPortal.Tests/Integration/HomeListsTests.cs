using System.Text.RegularExpressions;
using AlmatyPortal.Tests.Support;

namespace AlmatyPortal.Tests.Integration;

public sealed partial class HomeListsTests
{
    [Fact]
    public async Task Home_lists_the_five_newest_published_articles_of_its_language_newest_first()
    {
        using var content = new ContentFolder();
        for (var day = 1; day <= 6; day++)
        {
            content.WriteArticle($"2024-01-0{day}-story-{day}.md", $"title: Story {day}\nsection: news\nstatus: published\npublish_date: 2024-01-0{day}T09:00:00+06:00");
        }
        content.WriteArticle("2025-01-01-draft.md", "title: Draft story\nsection: news\nstatus: draft\npublish_date: 2025-01-01T09:00:00+06:00");
        content.WriteArticle("2025-02-01-russkaya.ru.md", "title: Русская новость\nlanguage: ru\nsection: news\nstatus: published\npublish_date: 2025-02-01T09:00:00+06:00");
        using var portal = new PortalFactory(content.Path);
        var reader = portal.CreateReader();

        Assert.Equal(["Story 6", "Story 5", "Story 4", "Story 3", "Story 2"], Latest(await reader.GetStringAsync("/")));
        Assert.Equal("Русская новость", Latest(await reader.GetStringAsync("/ru/"))[0]);
    }

    [Fact]
    public async Task Home_lists_the_three_soonest_upcoming_and_the_three_latest_past_conferences()
    {
        using var content = new ContentFolder();
        string[] starts = ["2030-01-10", "2030-03-10", "2030-02-10", "2030-04-10", "2029-06-10", "2029-09-10", "2029-03-10", "2029-12-10"];
        foreach (var start in starts)
        {
            content.Write($"conferences/meeting-{start}.md", $"---\ntitle: Meeting {start}\nslug: meeting-{start}\nstatus: published\ncity: Dushanbe\nstart_date: {start}\nend_date: {start}\n---\n\nText.\n");
        }
        using var portal = new PortalFactory(content.Path);
        portal.Clock.Set(new DateTimeOffset(2029, 12, 31, 12, 0, 0, TimeSpan.Zero));

        var html = await portal.CreateReader().GetStringAsync("/");

        Assert.Equal(["Meeting 2030-01-10", "Meeting 2030-02-10", "Meeting 2030-03-10"], Listed(html, "upcoming", "recent"));
        Assert.Equal(["Meeting 2029-12-10", "Meeting 2029-09-10", "Meeting 2029-06-10"], Listed(html, "recent", "give"));
    }

    private static List<string> Latest(string html) => Listed(html, "latest", "upcoming");

    // The titles listed in one section of the home page (from its heading's id to the next one's), in page order.
    private static List<string> Listed(string html, string from, string to)
    {
        var section = html[html.IndexOf($"id=\"{from}\"", StringComparison.Ordinal)..html.IndexOf($"id=\"{to}\"", StringComparison.Ordinal)];
        return ListedTitle().Matches(section).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
    }

    [GeneratedRegex("<a href=\"(?:/ru)?/(?:news|conferences)/[^\"]+\">([^<]*)</a>")]
    private static partial Regex ListedTitle();
}

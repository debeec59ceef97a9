using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AlmatyPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Integration;

/// <summary>
/// A tag's pages, three articles to a page: "Everywhere" is on all twelve tagged English articles, "Half" on the even
/// ones, "Seldom" on two of them, a draft and a Russian article. A common tag's page is read by walking the dates and a
/// rare tag's from its own links; both ways must list the same articles.
/// </summary>
public class TagPageTests : IDisposable
{
    private readonly ContentFolder _content;
    private readonly PortalFactory _portal;

    public TagPageTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected TagPageTests(PortalDatabase database) => (_content, _portal) = Portal(database);

    /// <summary>The content above on a portal of its own.</summary>
    internal static (ContentFolder Content, PortalFactory Portal) Portal(PortalDatabase database)
    {
        var content = new ContentFolder();
        for (var i = 1; i <= 12; i++)
        {
            var tags = new List<string> { "Everywhere" };
            if (i % 2 == 0)
            {
                tags.Add("Half");
            }
            if (i is 5 or 11)
            {
                tags.Add("Seldom");
            }
            var day = i.ToString("00", CultureInfo.InvariantCulture);
            content.WriteArticle($"2012-02-{day}-tagged-{i}.md", $"""
                title: Tagged {i.ToString(CultureInfo.InvariantCulture)}
                section: news
                status: published
                publish_date: 2012-02-{day}T09:00:00+06:00
                tags: [{string.Join(", ", tags)}]
                """);
        }
        content.WriteArticle("2012-02-20-tagged-draft.md", "title: Tagged draft\nsection: news\nstatus: draft\npublish_date: 2012-02-20T09:00:00+06:00\ntags: [Everywhere, Seldom]");
        content.WriteArticle("2012-02-21-redkaya.ru.md", "title: Редкая новость\nlanguage: ru\nsection: news\nstatus: published\npublish_date: 2012-02-21T09:00:00+06:00\ntags: [Seldom]");
        var portal = new PortalFactory(content.Path, new Dictionary<string, string?> { ["Portal:PageSize"] = "3" }, database);
        _ = portal.Services;
        return (content, portal);
    }

    public void Dispose()
    {
        _portal.Dispose();
        _content.Dispose();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData("everywhere", new[] { 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 })]
    [InlineData("half", new[] { 12, 10, 8, 6, 4, 2 })]
    [InlineData("seldom", new[] { 11, 5 })]
    public async Task A_tag_lists_its_published_english_articles_newest_first_across_its_pages_and_no_page_after(string tag, int[] expected)
    {
        var client = _portal.CreateReader();
        var pages = (expected.Length + 2) / 3;
        var listed = new List<string>();

        for (var page = 1; page <= pages; page++)
        {
            var html = await client.GetStringAsync($"/tags/{tag}" + (page == 1 ? "" : $"?page={page}"));
            if (pages > 1)
            {
                Assert.Contains($"Page {page} of {pages}", Html.Text(html), StringComparison.Ordinal);
            }
            listed.AddRange(Regex.Matches(html, "<h2><a href=\"([^\"]*)\">").Select(m => m.Groups[1].Value));
        }

        Assert.Equal(expected.Select(i => $"/news/tagged-{i}"), listed);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tags/{tag}?page={pages + 1}")).StatusCode);
    }

    [Fact]
    public async Task A_tag_lists_only_the_russian_articles_on_its_russian_page()
    {
        var html = await _portal.CreateReader().GetStringAsync("/ru/tags/seldom");

        Assert.Single(Regex.Matches(html, "<h2><a href=\"/ru/news/"));
        Assert.Contains("Редкая новость", html, StringComparison.Ordinal);
    }
}

public sealed class TagPageOnPostgreSqlTests() : TagPageTests(PortalDatabase.PostgreSql);

/// <summary>How the tag page reads, on SQLite, where a query's join order is the order it is written in.</summary>
public sealed class TagPageQueryTests : IDisposable
{
    private readonly ContentFolder _content;
    private readonly PortalFactory _portal;

    public TagPageQueryTests() => (_content, _portal) = TagPageTests.Portal(PortalDatabase.Sqlite);

    public void Dispose()
    {
        _portal.Dispose();
        _content.Dispose();
    }

    private async Task<List<string>> CommandsOfAsync(string url)
    {
        using var counter = new QueryCounter(_portal);
        (await _portal.CreateReader().GetAsync(url)).EnsureSuccessStatusCode();
        return counter.Commands.Select(c => c.ReplaceLineEndings("\n")).ToList();
    }

    [Fact]
    public async Task A_common_tag_walks_the_date_index_and_a_rare_one_reads_its_own_links()
    {
        var common = await CommandsOfAsync("/tags/everywhere");
        var rare = await CommandsOfAsync("/tags/seldom");

        Assert.Contains(common, c => c.Contains("EXISTS (", StringComparison.Ordinal));
        Assert.DoesNotContain(common, c => c.Contains("CROSS JOIN", StringComparison.Ordinal));
        Assert.Contains(rare, c => c.Contains("FROM \"ArticleTags\" AS \"a0\"\n    CROSS JOIN \"Articles\" AS \"a1\"", StringComparison.Ordinal));
        Assert.DoesNotContain(rare, c => c.Contains("EXISTS (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tag_page_takes_its_total_from_the_kept_count_and_counts_no_articles()
    {
        // The kept count says 6 of the tag's 12 English articles: a count of the articles would say 4 pages, not 2.
        var changed = await _portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"TagLanguages\" SET \"Count\" = 6 WHERE \"Language\" = 'en' AND \"TagId\" = (SELECT \"Id\" FROM \"Tags\" WHERE \"Slug\" = 'everywhere')"));
        Assert.Equal(1, changed);

        var commands = await CommandsOfAsync("/tags/everywhere");

        Assert.Contains(commands, c => c.Contains("FROM \"TagLanguages\"", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Contains("COUNT(", StringComparison.Ordinal));
        Assert.Contains("Page 1 of 2", Html.Text(await _portal.CreateReader().GetStringAsync("/tags/everywhere")), StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Xml.Linq;
using AlmatyPortal.Tests.Support;

namespace AlmatyPortal.Tests.Integration;

/// <summary>
/// A sitemap file far into the archive starts its window of articles at the month the month counts place it in, not by
/// skipping every newer article. 25 English articles over five months, some in the first and last hour of a month in
/// the office's time (Almaty, UTC+6), where the month in UTC is another one; 10 pages to a file.
/// </summary>
public class SitemapWindowTests : IDisposable
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly ContentFolder _content = new();
    private readonly PortalFactory _portal;
    private readonly List<string> _newestFirst;

    public SitemapWindowTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected SitemapWindowTests(PortalDatabase database)
    {
        var articles = new List<(string Slug, DateTimeOffset At)>();
        for (var i = 1; i <= 25; i++)
        {
            var month = 1 + (i - 1) / 5;
            // Each month: its first half hour (still the month before in UTC), its last half hour, and three days between.
            var at = (i % 5) switch
            {
                1 => new DateTimeOffset(2012, month, 1, 0, 15, 0, TimeSpan.FromHours(6)),
                2 => new DateTimeOffset(2012, month, 1, 0, 0, 0, TimeSpan.FromHours(6)).AddMonths(1).AddMinutes(-20),
                _ => new DateTimeOffset(2012, month, 5 + i % 5, 12, 0, 0, TimeSpan.FromHours(6)),
            };
            var slug = $"windowed-{i.ToString(CultureInfo.InvariantCulture)}";
            articles.Add((slug, at));
            _content.WriteArticle($"{slug}.md",
                $"title: Windowed {i.ToString(CultureInfo.InvariantCulture)}\nsection: news\nstatus: published\npublish_date: {at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}");
        }
        _newestFirst = articles.OrderByDescending(a => a.At).Select(a => "/news/" + a.Slug).ToList();
        _portal = new PortalFactory(_content.Path, new Dictionary<string, string?> { ["Portal:SitemapUrlsPerFile"] = "10" }, database);
    }

    public void Dispose()
    {
        _portal.Dispose();
        _content.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_files_list_every_article_once_newest_first_and_the_later_ones_start_from_a_month()
    {
        var client = _portal.CreateReader();
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var files = index.Descendants(Ns + "sitemap").Select(s => new Uri(s.Element(Ns + "loc")!.Value).AbsolutePath).ToList();
        var listed = new List<string>();
        var bounded = 0;

        foreach (var file in files)
        {
            using var counter = new QueryCounter(_portal);
            var urls = XDocument.Parse(await client.GetStringAsync(file)).Descendants(Ns + "url").Select(u => new Uri(u.Element(Ns + "loc")!.Value).AbsolutePath);
            listed.AddRange(urls.Where(u => u.StartsWith("/news/windowed-", StringComparison.Ordinal)));
            bounded += counter.Commands.Count(c => c.Contains("\"PublishAt\" < ", StringComparison.Ordinal));
        }

        Assert.Equal(_newestFirst, listed);
        Assert.InRange(bounded, 2, files.Count);
    }
}

public sealed class SitemapWindowOnPostgreSqlTests() : SitemapWindowTests(PortalDatabase.PostgreSql);

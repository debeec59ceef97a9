using System.Globalization;
using AlmatyPortal.Tests.Support;

namespace AlmatyPortal.Tests.Integration;

/// <summary>Each public page runs a fixed number of queries, however many articles, tags or countries it shows.</summary>
public sealed class QueryCountTests : IDisposable
{
    private readonly ContentFolder _content = new();
    private readonly PortalFactory _portal;

    public QueryCountTests()
    {
        for (var i = 1; i <= 9; i++)
        {
            _content.WriteArticle($"2013-01-0{i}-item-{i}.md", $"""
                title: Item {i.ToString(CultureInfo.InvariantCulture)}
                section: news
                status: published
                publish_date: 2013-01-0{i.ToString(CultureInfo.InvariantCulture)}T09:00:00+06:00
                tags: [Tag {i.ToString(CultureInfo.InvariantCulture)}, Common]
                conferences: [{Seed.ConferenceSlug}]
                """);
        }
        _portal = new PortalFactory(_content.Path);
        _ = _portal.Services;
    }

    public void Dispose()
    {
        _portal.Dispose();
        _content.Dispose();
    }

    [Theory]
    [InlineData("/", 3)]
    [InlineData("/news", 3)]
    [InlineData("/sections/news-of-the-region", 3)]
    [InlineData("/tags/common", 3)]
    [InlineData("/conferences", 2)]
    [InlineData(Seed.ArticleUrl, 3)]
    [InlineData("/news/item-1", 3)]
    [InlineData(Seed.ConferenceUrl, 2)]
    [InlineData("/processes/almaty-process", 2)]
    [InlineData("/processes", 1)]
    [InlineData("/news/archive", 1)]
    public async Task A_page_runs_a_fixed_number_of_queries(string url, int queries)
    {
        using var counter = new QueryCounter(_portal);
        var client = _portal.CreateReader();

        var response = await client.GetAsync(url);

        response.EnsureSuccessStatusCode();
        Assert.Equal(queries, counter.Commands.Count);
    }

    [Fact]
    public async Task The_staff_list_runs_the_same_queries_for_two_accounts_as_for_six()
    {
        var admin = await Staff.SignedInAsync(_portal, Web.Features.Accounts.StaffRoles.Admin);
        await Staff.CreateAsync(_portal, Web.Features.Accounts.StaffRoles.Editor);
        async Task<int> CountAsync()
        {
            using var counter = new QueryCounter(_portal);
            (await admin.GetAsync("/admin/users")).EnsureSuccessStatusCode();
            return counter.Commands.Count;
        }

        var withTwo = await CountAsync();
        for (var i = 0; i < 4; i++)
        {
            await Staff.CreateAsync(_portal, Web.Features.Accounts.StaffRoles.Editor);
        }

        Assert.Equal(withTwo, await CountAsync());
    }

    [Fact]
    public async Task Saving_an_article_reads_the_same_number_of_times_for_two_tags_as_for_ten()
    {
        var editor = await Staff.SignedInAsync(_portal, Web.Features.Accounts.StaffRoles.Editor);
        var section = await _portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Sections, s => s.Slug == "news"));
        async Task<int> CountAsync(string title, string tags)
        {
            var token = await Staff.TokenAsync(editor, "/admin/articles/edit", "#article-editor");
            using var counter = new QueryCounter(_portal);
            var saved = await editor.PostAsync("/admin/articles/edit?handler=Save", Staff.Form(token, Editor.Fields(title, "Text.", sectionId: section.Id, tags: tags)));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
            // Each new link between article and tag is its own INSERT; the reads must not grow with the tags.
            return counter.Commands.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        }

        var withTwo = await CountAsync("Two tags", "Common, Tag 1");
        var withTen = await CountAsync("Ten tags", string.Join(", ", Enumerable.Range(1, 9).Select(i => $"Tag {i}").Append("Common")));

        Assert.Equal(withTwo, withTen);
    }

    [Fact]
    public async Task Saving_an_existing_article_reads_its_row_once()
    {
        var editor = await Staff.SignedInAsync(_portal, Web.Features.Accounts.StaffRoles.Editor);
        var section = await Seed.SectionIdAsync(_portal);
        var id = Editor.IdFrom(await Editor.PostAsync(editor, null, "Save", Editor.Fields("Read once", "Text.", section)));
        var token = await Staff.TokenAsync(editor, $"/admin/articles/edit/{id}", "#article-editor");
        using var counter = new QueryCounter(_portal);

        var saved = await editor.PostAsync($"/admin/articles/edit/{id}?handler=Save", Staff.Form(token, Editor.Fields("Read once", "More text.", section, version: 1)));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        // The editor's save reads the article row (FROM "Articles" AS "a" WHERE "a"."Id" = @id) once, not once for its
        // language and again to update it; the page's own reads after the redirect are not part of this request.
        var reads = counter.Commands.Count(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^FROM \"Articles\" AS \"a\"\r?\nWHERE \"a\".\"Id\" = @", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.Equal(1, reads);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/news")]
    [InlineData("/sections/news")]
    [InlineData("/tags/common")]
    [InlineData("/conferences")]
    [InlineData(Seed.ArticleUrl)]
    [InlineData(Seed.ConferenceUrl)]
    [InlineData("/processes/almaty-process")]
    [InlineData("/processes")]
    [InlineData("/news/archive")]
    [InlineData("/news/archive/2013/01")]
    public async Task Every_query_a_page_makes_uses_an_index_except_the_small_section_tree(string url)
    {
        using var counter = new QueryCounter(_portal);
        (await _portal.CreateReader().GetAsync(url)).EnsureSuccessStatusCode();

        foreach (var (sql, step) in QueryPlans.Of(_portal, counter))
        {
            // "SCAN t" alone reads a whole table; "SCAN t USING ... INDEX" and "SEARCH" use an index.
            var words = step.Split(' ');
            var fullScan = words[0] == "SCAN" && !step.Contains("INDEX", StringComparison.Ordinal)
                && !step.Contains("CONSTANT ROW", StringComparison.Ordinal)
                && !sql.Contains($"\"Sections\" AS \"{words[1]}\"", StringComparison.Ordinal)
                // A scan of a LIMITed subquery's few rows; the subquery's own steps are checked on their own.
                && !sql.Contains($") AS \"{words[1]}\"", StringComparison.Ordinal);
            Assert.False(fullScan, $"{url}: '{step}' in {sql}");
        }
    }

    [Fact]
    public async Task The_sitemap_reads_no_article_row_only_indexes_that_hold_what_it_lists()
    {
        using var counter = new QueryCounter(_portal);
        (await _portal.CreateReader().GetAsync("/sitemap.xml")).EnsureSuccessStatusCode();

        AssertArticlesReadFromIndexesOnly(QueryPlans.Of(_portal, counter));
    }

    [Fact]
    public async Task Every_sitemap_file_reads_no_article_row_also_a_window_that_starts_at_an_older_month()
    {
        // 25 articles over five months, 10 pages to a file: the later files start their windows at an older month.
        using var content = new ContentFolder();
        for (var i = 0; i < 25; i++)
        {
            content.WriteArticle($"month-{i.ToString(CultureInfo.InvariantCulture)}.md", $"""
                title: Month {i.ToString(CultureInfo.InvariantCulture)}
                section: news
                status: published
                publish_date: 2012-0{(1 + i / 5).ToString(CultureInfo.InvariantCulture)}-1{(i % 5).ToString(CultureInfo.InvariantCulture)}T09:00:00+06:00
                """);
        }
        using var portal = new PortalFactory(content.Path, new Dictionary<string, string?> { ["Portal:SitemapUrlsPerFile"] = "10" });
        var client = portal.CreateReader();
        var index = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var files = index.Descendants(System.Xml.Linq.XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9"))
            .Select(l => new Uri(l.Value).AbsolutePath).ToList();
        var steps = new List<(string Sql, string Step)>();

        foreach (var file in files)
        {
            using var counter = new QueryCounter(portal);
            (await client.GetAsync(file)).EnsureSuccessStatusCode();
            steps.AddRange(QueryPlans.Of(portal, counter));
        }

        // A file past the newest month bounds its window by date (SitemapQueries.SeekAsync); that query too reads the index.
        Assert.Contains(steps, p => p.Sql.Contains("\"PublishAt\" < @", StringComparison.Ordinal)
            && p.Step.Contains("COVERING INDEX IX_Articles_Sitemap ", StringComparison.Ordinal));
        AssertArticlesReadFromIndexesOnly(steps);
    }

    /// <summary>
    /// An article's row holds its whole body, so each row read costs a page of the file: a sitemap file of 2,000 articles
    /// read 2,000 pages for three short columns. Its window, its translations, its count and its newest change are read
    /// from indexes that hold them, the window from the sitemap's own.
    /// </summary>
    private static void AssertArticlesReadFromIndexesOnly(List<(string Sql, string Step)> plans)
    {
        var articleSteps = plans.Where(p => p.Sql.Contains("FROM \"Articles\" AS", StringComparison.Ordinal)
            && System.Text.RegularExpressions.Regex.IsMatch(p.Step, "^(SCAN|SEARCH) a ")).ToList();
        Assert.Contains(articleSteps, p => p.Step.Contains("COVERING INDEX IX_Articles_Sitemap ", StringComparison.Ordinal));
        Assert.All(articleSteps, p => Assert.Contains("COVERING INDEX", p.Step, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/news")]
    [InlineData("/ru/news")]
    [InlineData("/sections/news")]
    [InlineData("/tags/common")]
    [InlineData("/feeds/news.rss")]
    [InlineData("/news/archive/2013/01")]
    public async Task A_list_of_articles_never_walks_the_sitemaps_wider_index(string url)
    {
        using var counter = new QueryCounter(_portal);
        (await _portal.CreateReader().GetAsync(url)).EnsureSuccessStatusCode();

        // The sitemap's index starts like the list index and holds three more columns; SQLite weighs the two alike, so
        // only a query that names the sitemap's own condition (an address that is not empty) may use it.
        var steps = QueryPlans.Of(_portal, counter);
        Assert.Contains(steps, p => p.Sql.Contains("FROM \"Articles\" AS", StringComparison.Ordinal));
        Assert.DoesNotContain(steps, p => p.Step.Contains("IX_Articles_Sitemap", StringComparison.Ordinal));
    }
}

using System.Net;
using System.Xml.Linq;
using AlmatyPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Integration;

/// <summary>Past the configured number of pages per file, /sitemap.xml is a sitemap index of files within the limit.</summary>
public sealed class SitemapIndexTests
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static async Task<List<string>> LocationsAsync(HttpClient client, string url) =>
        XDocument.Parse(await client.GetStringAsync(url)).Descendants(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value).ToList();

    [Fact]
    public async Task Past_the_limit_the_sitemap_is_an_index_of_files_that_together_list_every_page_once()
    {
        var everything = await LocationsOnOneFileAsync();
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:SitemapUrlsPerFile"] = "10" });
        var client = portal.CreateReader();

        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));

        Assert.Equal("sitemapindex", index.Root!.Name.LocalName);
        var files = index.Descendants(Ns + "sitemap").Select(s => new Uri(s.Element(Ns + "loc")!.Value).AbsolutePath).ToList();
        Assert.Equal(Enumerable.Range(1, (everything.Count + 9) / 10).Select(i => $"/sitemap-{i}.xml"), files);
        var listed = new List<string>();
        foreach (var file in files)
        {
            var locations = await LocationsAsync(client, file);
            Assert.InRange(locations.Count, 1, 10);
            listed.AddRange(locations);
        }
        Assert.Equal(everything, listed);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sitemap-{files.Count + 1}.xml")).StatusCode);
    }

    [Fact]
    public async Task An_article_unpublished_with_its_translations_while_a_sitemap_is_read_keeps_its_entry_without_alternates()
    {
        using var portal = new PortalFactory(null);
        var unpublished = false;
        using var counter = new QueryCounter(portal)
        {
            // Between the sitemap's read of its window of articles and its read of their translations, an editor
            // unpublishes the seed report and its translation.
            AfterCommand = sql =>
            {
                if (!unpublished && sql.StartsWith("SELECT \"a\".\"Slug\", \"a\".\"UpdatedAt\", \"a\".\"TranslationGroup\"", StringComparison.Ordinal))
                {
                    unpublished = true;
                    using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(portal.DataPath, "portal.db")};Pooling=False");
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = """
                        UPDATE "Articles" SET "Status" = 'Draft'
                        WHERE "TranslationGroup" = (SELECT "TranslationGroup" FROM "Articles" WHERE "Language" = 'en' AND "Slug" = $slug)
                        """;
                    command.Parameters.AddWithValue("$slug", Seed.ArticleSlug);
                    Assert.Equal(2, command.ExecuteNonQuery());
                }
            },
        };

        var response = await portal.CreateReader().GetAsync("/sitemap.xml");

        Assert.True(unpublished);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(XDocument.Parse(await response.Content.ReadAsStringAsync()).Descendants(Ns + "url"),
            u => u.Element(Ns + "loc")!.Value.EndsWith(Seed.ArticleUrl, StringComparison.Ordinal));
        Assert.Empty(entry.Elements(XNamespace.Get("http://www.w3.org/1999/xhtml") + "link"));
    }

    [Fact]
    public async Task The_sitemap_takes_each_languages_article_count_from_the_month_counts_and_counts_no_articles()
    {
        var everything = await LocationsOnOneFileAsync();
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:SitemapUrlsPerFile"] = "10" });
        // The kept month counts say 20 more English articles than there are: counting the articles would not see them.
        var changed = await portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"ArchiveMonths\" SET \"Count\" = \"Count\" + 20 WHERE \"Language\" = 'en' AND \"Count\" > 0 AND \"Year\" * 12 + \"Month\" = " +
            "(SELECT MAX(\"Year\" * 12 + \"Month\") FROM \"ArchiveMonths\" WHERE \"Language\" = 'en' AND \"Count\" > 0)"));
        Assert.Equal(1, changed);
        using var counter = new QueryCounter(portal);

        var index = XDocument.Parse(await portal.CreateReader().GetStringAsync("/sitemap.xml"));

        Assert.Equal((everything.Count + 20 + 9) / 10, index.Descendants(Ns + "sitemap").Count());
        Assert.Contains(counter.Commands, c => c.Contains("FROM \"ArchiveMonths\"", StringComparison.Ordinal));
        Assert.DoesNotContain(counter.Commands, c => c.Contains("COUNT(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sitemap_index_declares_the_utf8_it_is_sent_in()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:SitemapUrlsPerFile"] = "10" });

        var response = await portal.CreateReader().GetAsync("/sitemap.xml");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        Assert.Equal("sitemapindex", XDocument.Parse(text).Root!.Name.LocalName);
    }

    [Fact]
    public async Task Within_the_limit_the_sitemap_is_one_file_and_there_are_no_parts()
    {
        using var portal = new PortalFactory(null);

        Assert.Equal("urlset", XDocument.Parse(await portal.CreateReader().GetStringAsync("/sitemap.xml")).Root!.Name.LocalName);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateReader().GetAsync("/sitemap-1.xml")).StatusCode);
    }

    private static async Task<List<string>> LocationsOnOneFileAsync()
    {
        using var portal = new PortalFactory(null);
        return await LocationsAsync(portal.CreateReader(), "/sitemap.xml");
    }
}

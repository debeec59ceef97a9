using System.Xml.Linq;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using AlmatyPortal.Web.Features.News;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Integration;

/// <summary>
/// The sitemap lists a tag in a language only while the tag has a published article in that language; it reads that
/// from counts the database keeps per tag and language, which follow every change to an article or its tags.
/// </summary>
public class TagLanguageTests
{
    private readonly PortalDatabase _database;

    public TagLanguageTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected TagLanguageTests(PortalDatabase database) => _database = database;

    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static async Task<List<string>> SitemapPathsAsync(PortalFactory portal) =>
        XDocument.Parse(await portal.CreateReader().GetStringAsync("/sitemap.xml")).Descendants(Ns + "loc")
            .Select(l => new Uri(l.Value).AbsolutePath).ToList();

    /// <summary>Every (tag, language) count worked out from the articles themselves, the way the counts must stand.</summary>
    private static Task<List<(int Tag, string Language, int Count)>> RecountAsync(PortalFactory portal) =>
        portal.WithDbAsync(async db => (await db.Tags.AsNoTracking()
                .SelectMany(t => t.Articles.Where(a => a.Status == Web.Features.Publishing.PublicationStatus.Published), (t, a) => new { Tag = t.Id, a.Language }).ToListAsync())
            .GroupBy(x => (x.Tag, x.Language)).Select(g => (g.Key.Tag, g.Key.Language, g.Count())).OrderBy(x => x.Tag).ThenBy(x => x.Language).ToList());

    private static Task<List<(int Tag, string Language, int Count)>> KeptAsync(PortalFactory portal) =>
        portal.WithDbAsync(async db => (await db.Set<TagLanguage>().AsNoTracking().Where(c => c.Count != 0).ToListAsync())
            .Select(c => (c.TagId, c.Language, c.Count)).OrderBy(x => x.TagId).ThenBy(x => x.Language).ToList());

    [Fact]
    public async Task The_sitemap_lists_a_tag_in_a_language_only_while_it_has_a_published_article_there()
    {
        using var portal = new PortalFactory(null, database: _database);
        var editor = await Staff.SignedInAsync(portal, StaffRoles.Editor);
        var section = await Seed.SectionIdAsync(portal);

        var id = Editor.IdFrom(await Editor.PostAsync(editor, null, "Save", Editor.Fields("Dry season", "Text.", section, slug: "dry-season", tags: "Drought relief")));
        var draft = await SitemapPathsAsync(portal);
        await Editor.PostAsync(editor, id, "Publish", Editor.Fields("Dry season", "Text.", section, version: 1, slug: "dry-season", tags: "Drought relief"));
        var published = await SitemapPathsAsync(portal);
        await Editor.PostAsync(editor, id, "Save", Editor.Fields("Dry season", "Text.", section, version: 2, slug: "dry-season"));
        var untagged = await SitemapPathsAsync(portal);
        await Editor.PostAsync(editor, id, "Save", Editor.Fields("Dry season", "Text.", section, version: 3, slug: "dry-season", tags: "Drought relief"));
        var tagged = await SitemapPathsAsync(portal);
        await Editor.PostAsync(editor, id, "Unpublish", Editor.Fields("Dry season", "Text.", section, version: 4, slug: "dry-season", tags: "Drought relief"));
        var unpublished = await SitemapPathsAsync(portal);

        Assert.DoesNotContain("/tags/drought-relief", draft);
        Assert.Contains("/tags/drought-relief", published);
        Assert.DoesNotContain("/ru/tags/drought-relief", published);
        Assert.DoesNotContain("/tags/drought-relief", untagged);
        Assert.Contains("/tags/drought-relief", tagged);
        Assert.DoesNotContain("/tags/drought-relief", unpublished);
    }

    [Fact]
    public async Task The_kept_counts_equal_a_recount_after_tagging_publishing_unpublishing_and_deleting()
    {
        using var portal = new PortalFactory(null, database: _database);
        var editor = await Staff.SignedInAsync(portal, StaffRoles.Editor);
        var section = await Seed.SectionIdAsync(portal);
        var atImport = (await KeptAsync(portal), await RecountAsync(portal));

        var first = Editor.IdFrom(await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Water points", "Text.", section, slug: "water-points", tags: "Water, Camps")));
        var second = Editor.IdFrom(await Editor.PostAsync(editor, null, "Publish", Editor.Fields("Camp schools", "Text.", section, slug: "camp-schools", tags: "Camps, Schools")));
        await Editor.PostAsync(editor, first, "Save", Editor.Fields("Water points", "Text.", section, version: 1, slug: "water-points", tags: "Water, Schools"));
        await Editor.PostAsync(editor, second, "Unpublish", Editor.Fields("Camp schools", "Text.", section, version: 1, slug: "camp-schools", tags: "Camps, Schools"));
        await Editor.PostAsync(editor, second, "Publish", Editor.Fields("Camp schools", "Text.", section, version: 2, slug: "camp-schools", tags: "Camps, Schools"));
        var beforeDelete = (await KeptAsync(portal), await RecountAsync(portal));
        var token = await Staff.TokenAsync(editor, $"/admin/articles/edit/{first}", "#article-editor");
        await editor.PostAsync($"/admin/articles/edit/{first}?handler=Delete", Staff.Form(token, ("Input.Version", "2")));
        var afterDelete = (await KeptAsync(portal), await RecountAsync(portal));

        Assert.NotEmpty(atImport.Item2);
        Assert.Equal(atImport.Item2, atImport.Item1);
        Assert.Contains(beforeDelete.Item2, c => c.Count == 2);
        Assert.Equal(beforeDelete.Item2, beforeDelete.Item1);
        Assert.Equal(afterDelete.Item2, afterDelete.Item1);
        Assert.NotEqual(beforeDelete.Item2, afterDelete.Item2);
    }
}

/// <summary>The same counts, kept by PostgreSQL's triggers.</summary>
public sealed class TagLanguageOnPostgreSqlTests() : TagLanguageTests(PortalDatabase.PostgreSql);

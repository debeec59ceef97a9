using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Features.PageCache;

/// <summary>
/// The names cached pages are tagged with: a page carries the tag of every record it shows and of every list it is,
/// and a change purges the tags of what it touched (<see cref="IPagePurgeRule"/>). Each name says which pages carry it.
/// </summary>
public static class PageTags
{
    /// <summary>Every cached page: purged as a whole only when a shared cache comes back from an outage.</summary>
    public const string All = "pages";

    /// <summary>Pages that show this article as a link or a line (related stories, a conference's reports).</summary>
    public static string Article(int id) => Id("article:", id);

    /// <summary>Every language's page of one article: each shows itself and links the others.</summary>
    public static string ArticleGroup(Guid group) => "article-group:" + group.ToString("N");

    /// <summary>Lists of a language's news in which any article may appear: home, /news, archives, feeds, search, sitemap.</summary>
    public static string News(string language) => "news:" + language;

    /// <summary>Search results, which also change when the search index is rebuilt.</summary>
    public const string Search = "search";

    /// <summary>A section's list and feed, which also show the articles of this section's subsections.</summary>
    public static string SectionArticles(int sectionId) => Id("section-articles:", sectionId);

    /// <summary>A tag's list and feed.</summary>
    public static string TagArticles(int tagId) => Id("tag-articles:", tagId);

    /// <summary>Pages that print this section's name or address (breadcrumbs, its own page, its parent's page).</summary>
    public static string Section(int id) => Id("section:", id);

    /// <summary>Pages that list every section (the news index, the search filters, the sitemap).</summary>
    public const string Sections = "sections";

    /// <summary>Pages that print this tag's name or address.</summary>
    public static string Tag(int id) => Id("tag:", id);

    /// <summary>Pages that list every tag (the sitemap).</summary>
    public const string Tags = "tags";

    /// <summary>Pages that show this conference record (its page, articles reporting on it, its calendar file).</summary>
    public static string Conference(int id) => Id("conference:", id);

    /// <summary>Every language's page of one conference record.</summary>
    public static string ConferenceGroup(Guid group) => "conference-group:" + group.ToString("N");

    /// <summary>Lists of a language's conferences: home, /conferences, the calendar feed, the sitemap.</summary>
    public static string Conferences(string language) => "conferences:" + language;

    /// <summary>Pages that show or link this process record (its page, its meetings' and news pages).</summary>
    public static string Process(int id) => Id("process:", id);

    /// <summary>Every language's page of one process, whose timeline changes with its links.</summary>
    public static string ProcessGroup(Guid group) => "process-group:" + group.ToString("N");

    /// <summary>Lists of a language's processes: /processes, the sitemap.</summary>
    public static string Processes(string language) => "processes:" + language;

    /// <summary>Pages that print this organisation.</summary>
    public static string Organisation(int id) => Id("organisation:", id);

    /// <summary>Pages that show this image with its alt text and credit.</summary>
    public static string Media(int id) => Id("media:", id);

    /// <summary>Pages that print this reference name (a section, country, person or organisation) through the name translations.</summary>
    public static string Name(string text) => "name:" + text;

    /// <summary>Whether a tag is a <see cref="Name"/> tag.</summary>
    public static bool IsName(string tag) => tag.StartsWith("name:", StringComparison.Ordinal);

    /// <summary>The name tags of every name a page prints.</summary>
    public static IEnumerable<string> Names(IEnumerable<string?> texts) =>
        texts.Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.Ordinal).Select(t => Name(t!));

    // One string for the prefix and the number, not one for the number and another for the two together.
    private static string Id(string prefix, int id) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{id}");

    /// <summary>Tags the response being cached; nothing happens when the page is not being cached (a signed-in editor).</summary>
    public static void TagPage(this HttpContext context, params IEnumerable<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }
        }
    }
}

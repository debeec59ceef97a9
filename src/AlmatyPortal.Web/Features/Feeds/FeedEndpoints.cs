using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.PageCache;
using AlmatyPortal.Web.Features.Processes;

namespace AlmatyPortal.Web.Features.Feeds;

/// <summary>RSS 2.0 and Atom feeds of all news, of a section, of a tag and of a process's timeline, with conditional GET.</summary>
public static class FeedEndpoints
{
    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder routes)
    {
        foreach (var language in Languages.Supported)
        {
            MapFeeds(routes, Cultures.Prefix(language));
        }
        return routes;
    }

    private static void MapFeeds(IEndpointRouteBuilder routes, string prefix)
    {
        routes.MapGet(prefix + "/feeds/news.{format:regex(^(rss|atom)$)}", (string format, HttpContext http, FeedQueries feeds, SiteLinks links, IOptions<PortalOptions> options, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            FeedAsync(http, format, feeds, links, t, t["{0}: news", t[options.Value.SiteName]], t["News of the region"], "/news", null, null, ct))
            .CachedAsPublicPage();

        routes.MapGet(prefix + "/feeds/sections/{slug}.{format:regex(^(rss|atom)$)}", async (string slug, string format, HttpContext http, FeedQueries feeds, NewsQueries news, SiteLinks links, IOptions<PortalOptions> options, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var sections = await news.SectionsAsync(ct);
            var section = sections.FirstOrDefault(s => s.Slug == slug);
            return section is null ? Results.NotFound()
                : await FeedAsync(http, format, feeds, links, t, t["{0}: {1}", t[options.Value.SiteName], t[section.Name]], t["News filed under {0}", t[section.Name]],
                    SitePaths.Section(section.Slug), SectionTree.WithDescendants(sections, section.Id), null, ct,
                    [PageTags.Section(section.Id), PageTags.Name(section.Name), .. SectionTree.WithDescendants(sections, section.Id).Select(PageTags.SectionArticles)]);
        }).CachedAsPublicPage();

        routes.MapGet(prefix + "/feeds/tags/{slug}.{format:regex(^(rss|atom)$)}", async (string slug, string format, HttpContext http, FeedQueries feeds, NewsQueries news, SiteLinks links, IOptions<PortalOptions> options, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var tag = await news.TagAsync(slug, ct);
            return tag is null ? Results.NotFound()
                : await FeedAsync(http, format, feeds, links, t, t["{0}: {1}", t[options.Value.SiteName], tag.Name], t["News tagged {0}", tag.Name], SitePaths.Tag(tag.Slug), null, tag.Id, ct,
                    [PageTags.Tag(tag.Id), PageTags.TagArticles(tag.Id)]);
        }).CachedAsPublicPage();

        routes.MapGet(prefix + "/feeds/processes/{slug}.{format:regex(^(rss|atom)$)}", async (string slug, string format, HttpContext http, ProcessQueries processes, SiteLinks links, IOptions<PortalOptions> options, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var process = await processes.ProcessAsync(http.Language(), slug, ct);
            if (process is null)
            {
                return Results.NotFound();
            }
            http.TagPage(ProcessTimeline.PageTagsOf(process));
            var page = Cultures.Prefix(process.Language) + SitePaths.Process(process.Slug);
            string Absolute(string path) => WebAddress.IsHttp(path) ? path : links.Absolute(path);
            // Newest first, as in every feed; a document without an address of its own links its line on the process page.
            var items = process.Timeline.OrderByDescending(e => e.PublishedAt ?? e.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).Take(FeedQueries.Size)
                .Select(e =>
                {
                    var when = e.PublishedAt ?? e.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                    var anchor = ProcessTimeline.Anchor(e);
                    return new FeedItem(e.Id, "", e.Title, e.Summary, System.Net.WebUtility.HtmlEncode(e.Summary), when, when, t[ProcessTimeline.KindName(e.Kind)], [], null)
                    {
                        Link = e.AddressIn() is { } address ? Absolute(address) : links.Absolute(page) + "#" + anchor,
                        EntryId = links.Absolute(page) + "#" + anchor,
                    };
                }).ToList();
            return Respond(http, format, links, t["{0}: {1}", t[options.Value.SiteName], process.Name], process.Summary, page, items, process.UpdatedAt);
        }).CachedAsPublicPage();
    }

    private static async Task<IResult> FeedAsync(HttpContext http, string format, FeedQueries feeds, SiteLinks links, IStringLocalizer t, string title, string description,
        string sitePath, IReadOnlyCollection<int>? sectionIds, int? tagId, CancellationToken ct, IEnumerable<string>? tags = null)
    {
        var language = http.Language();
        var raw = await feeds.LatestAsync(language, sectionIds, tagId, ct);
        // Every feed lists the language's news; a section's or tag's feed is also purged with that section or tag.
        http.TagPage([PageTags.News(language), .. tags ?? [], .. PageTags.Names(raw.Select(i => i.Section))]);
        // Section names are reference names: the feed's language names them, as the pages do.
        var items = raw.Select(i => i with { Section = t[i.Section] }).ToList();
        var prefix = Cultures.Prefix(language);
        return Respond(http, format, links, title, description, prefix + sitePath, items, DateTime.UnixEpoch);
    }

    /// <summary>Answers 304 to a reader that has this version of the feed, else writes it in the format asked for.</summary>
    private static IResult Respond(HttpContext http, string format, SiteLinks links, string title, string description, string page, List<FeedItem> items, DateTime changed)
    {
        var language = http.Language();
        var newest = items.Count == 0 ? DateTime.UnixEpoch : items.Max(i => i.Updated > i.Published ? i.Updated : i.Published);
        var updated = changed > newest ? changed : newest;
        if (ConditionalGet.NotModified(http, updated, ConditionalGet.Key(http.Request.Path, updated.Ticks, items.Count, items.Count > 0 ? items[0].Id : 0)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var prefix = Cultures.Prefix(language);
        string Absolute(string path) => links.Absolute(path.StartsWith("/media/", StringComparison.Ordinal) ? path : prefix + path);
        var channel = new FeedWriter.Channel(title, description, links.Absolute(page), links.Absolute(http.Request.Path), updated, language);
        return format == "rss"
            ? Results.Bytes(FeedWriter.Rss(channel, items, Absolute), "application/rss+xml; charset=utf-8")
            : Results.Bytes(FeedWriter.Atom(channel, items, Absolute), "application/atom+xml; charset=utf-8");
    }
}

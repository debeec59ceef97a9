using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.Processes;

namespace AlmatyPortal.Web.Pages;

/// <summary>
/// Builds what a record's page says about itself (PageMeta: JSON-LD, sharing image, alternates, feeds) and its
/// breadcrumb trail, once, in the PageModel, so the views only render them.
/// </summary>
public sealed class PageHeads(IStringLocalizer<SharedResource> t, SiteLinks links, OfficeClock clock, IOptions<PortalOptions> options)
{
    public PageHead ForArticle(ArticleView article, IReadOnlyList<SectionNode> sectionPath, Dictionary<string, string> translations)
    {
        var crumbs = new List<(string Name, string? Url)> { (t["Home"].Value, SitePaths.Home) };
        crumbs.AddRange(sectionPath.Select(s => (t[s.Name].Value, (string?)SitePaths.Section(s.Slug))));
        var meta = new PageMeta { OpenGraphType = "article", Alternates = translations };
        if (article.Image is { } image)
        {
            meta.Image = new SharedImage(image.Url, image.Width, image.Height, image.AltText);
        }
        meta.JsonLd.Add(ArticleStructuredData.For(article, t[options.Value.SiteName].Value, links, clock));
        var prefix = Cultures.Prefix(article.Language);
        meta.JsonLd.Add(StructuredData.Breadcrumbs(
            [.. crumbs.Select(c => (c.Name, prefix + c.Url!)), (article.Title, prefix + SitePaths.Article(article.Slug))], links));
        if (sectionPath.Count > 0)
        {
            meta.Feeds.Add((t[sectionPath[^1].Name].Value, SitePaths.SectionFeed(sectionPath[^1].Slug)));
        }
        return new PageHead(meta, crumbs);
    }

    public PageHead ForConference(ConferenceView conference, string language, Dictionary<string, string> translations, ProcessLink? process)
    {
        var crumbs = new List<(string Name, string? Url)>
        {
            (t["Home"].Value, SitePaths.Home), (t["Conferences"].Value, SitePaths.Conferences), (conference.Title, null),
        };
        var meta = new PageMeta { Alternates = translations };
        meta.JsonLd.Add(ConferenceStructuredData.For(conference, links, name => t[name].Value,
            process is null ? null : ProcessStructuredData.SuperEvent(process, language, links)));
        var prefix = Cultures.Prefix(language);
        meta.JsonLd.Add(StructuredData.Breadcrumbs(
            [.. crumbs.Select(c => (c.Name, prefix + (c.Url ?? SitePaths.Conference(conference.Slug))))], links));
        return new PageHead(meta, crumbs);
    }

    public PageHead ForProcess(ProcessView process)
    {
        var crumbs = new List<(string Name, string? Url)>
        {
            (t["Home"].Value, SitePaths.Home), (t["Processes"].Value, SitePaths.Processes), (process.Name, null),
        };
        var meta = new PageMeta { Alternates = process.Translations };
        meta.JsonLd.Add(ProcessStructuredData.For(process, links, name => t[name].Value));
        var prefix = Cultures.Prefix(process.Language);
        meta.JsonLd.Add(StructuredData.Breadcrumbs(
            [.. crumbs.Select(c => (c.Name, prefix + (c.Url ?? SitePaths.Process(process.Slug))))], links));
        meta.Feeds.Add((process.Name, SitePaths.ProcessFeed(process.Slug)));
        return new PageHead(meta, crumbs);
    }
}

/// <summary>A page's head (meta, JSON-LD) and its visible breadcrumb trail.</summary>
public sealed record PageHead(PageMeta Meta, IReadOnlyList<(string Name, string? Url)> Crumbs);

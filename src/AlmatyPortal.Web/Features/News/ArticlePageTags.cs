using AlmatyPortal.Web.Features.PageCache;

namespace AlmatyPortal.Web.Features.News;

/// <summary>
/// The cache tags of what an article itself shows, for every answer that shows it (the article page, the read API): its
/// group and id, its section path and the sections' names, its tags and its image. A caller adds what it shows besides.
/// </summary>
public static class ArticlePageTags
{
    public static IEnumerable<string> Of(ArticleView article) =>
    [
        PageTags.ArticleGroup(article.TranslationGroup), PageTags.Article(article.Id),
        .. article.SectionPath.Select(s => PageTags.Section(s.Id)), .. PageTags.Names(article.SectionPath.Select(s => s.Name)),
        .. article.Tags.Select(t => PageTags.Tag(t.Id)),
        .. article.Image is { } image ? [PageTags.Media(image.Id)] : Array.Empty<string>(),
    ];
}

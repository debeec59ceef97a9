
namespace AlmatyPortal.Web.Features.News;

/// <summary>An article as schema.org NewsArticle JSON-LD, with its image's credit and copyright notice.</summary>
public static class ArticleStructuredData
{
    public static string For(ArticleView article, string siteName, SiteLinks links, OfficeClock clock) => StructuredData.Serialize(new JsonRecord(13)
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "NewsArticle",
        ["headline"] = article.Title,
        ["description"] = StructuredData.NullIfEmpty(article.Summary),
        ["datePublished"] = clock.IsoLocal(article.PublishAt),
        ["dateModified"] = clock.IsoLocal(article.UpdatedAt > article.PublishAt ? article.UpdatedAt : article.PublishAt),
        ["mainEntityOfPage"] = links.Absolute(Cultures.Prefix(article.Language) + SitePaths.Article(article.Slug)),
        ["url"] = links.Absolute(Cultures.Prefix(article.Language) + SitePaths.Article(article.Slug)),
        ["inLanguage"] = article.Language,
        ["keywords"] = article.Tags.Count == 0 ? null : article.Tags.Select(t => t.Name).ToArray(),
        ["author"] = StructuredData.Organization(siteName, links.Absolute("/")),
        ["publisher"] = StructuredData.Organization(siteName, links.Absolute("/")),
        ["image"] = article.Image is not { } image ? null : new JsonRecord(9)
        {
            ["@type"] = "ImageObject",
            ["url"] = links.Absolute(image.Url),
            ["width"] = image.Width,
            ["height"] = image.Height,
            ["caption"] = StructuredData.NullIfEmpty(image.AltText),
            ["creditText"] = image.Credit,
            ["copyrightNotice"] = image.Credit,
            ["creator"] = image.Photographer is null ? null : new JsonRecord { ["@type"] = "Person", ["name"] = image.Photographer },
            ["license"] = image.Licence,
        },
    });
}

using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.PageCache;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Pages.News;

[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class ArticleModel(NewsQueries news, PageHeads heads) : PageModel
{
    public ArticleView Article { get; private set; } = null!;
    public IReadOnlyList<SectionNode> SectionPath => Article.SectionPath;
    public IReadOnlyList<ArticleSummary> Related { get; private set; } = [];
    public IReadOnlyList<Features.Conferences.ConferenceLink> Conferences { get; private set; } = [];
    public IReadOnlyList<Features.Processes.ProcessLink> Processes { get; private set; } = [];
    public Dictionary<string, string> Translations => Article.Translations;
    public PageHead Head { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var (slug, ct) = (this.Slug(), this.Aborted());
        var article = await news.ArticleAsync(HttpContext.Language(), slug, ct);
        if (article is null)
        {
            var renamed = await news.RenamedToAsync(HttpContext.Language(), slug, ct);
            return renamed is null ? NotFound() : RedirectPermanent(Cultures.Prefix(HttpContext.Language()) + SitePaths.Article(renamed));
        }
        // Three queries in all: the article, its links (tags, translations, conferences, processes) and the related stories.
        var (withLinks, others) = await news.WithLinksAsync(article, ct);
        Article = withLinks;
        Conferences = Features.Conferences.ConferenceQueries.Conferences(others);
        Processes = Features.Processes.ProcessQueries.Processes(others);
        Related = await news.RelatedAsync(article.Id, 4, ct);
        Head = heads.ForArticle(Article, SectionPath, Translations);
        HttpContext.TagPage([
            .. ArticlePageTags.Of(Article),
            .. Related.Select(r => PageTags.Article(r.Id)),
            .. Conferences.Select(c => PageTags.Conference(c.Id)),
            .. Processes.Select(p => PageTags.Process(p.Id))]);
        return Page();
    }
}

using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Pages.News;

public sealed class ArticleModel(NewsQueries news, Features.Conferences.ConferenceQueries conferences, PageHeads heads) : PageModel
{
    public ArticleView Article { get; private set; } = null!;
    public IReadOnlyList<SectionNode> SectionPath { get; private set; } = [];
    public IReadOnlyList<ArticleSummary> Related { get; private set; } = [];
    public IReadOnlyList<Features.Conferences.ConferenceLink> Conferences { get; private set; } = [];
    public Dictionary<string, string> Translations { get; private set; } = [];
    public PageHead Head { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var article = await news.ArticleAsync(HttpContext.Language(), slug, ct);
        if (article is null)
        {
            var renamed = await news.RenamedToAsync(HttpContext.Language(), slug, ct);
            return renamed is null ? NotFound() : RedirectPermanent(Cultures.Prefix(HttpContext.Language()) + SitePaths.Article(renamed));
        }
        Article = article;
        SectionPath = SectionTree.PathTo(await news.SectionsAsync(ct), article.SectionId);
        Related = await news.RelatedAsync(article.Id, 4, ct);
        Conferences = await conferences.ReportedByAsync(article.Id, ct);
        Translations = await news.TranslationsAsync(article.TranslationGroup, ct);
        Head = heads.ForArticle(article, SectionPath, Translations);
        return Page();
    }
}

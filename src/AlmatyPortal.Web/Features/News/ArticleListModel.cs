namespace AlmatyPortal.Web.Features.News;

/// <summary>A page of articles and the address its pager links to.</summary>
public sealed record ArticleListModel(PagedList<ArticleSummary> List, string BasePath)
{
    public string PageUrl(int page) => page <= 1 ? BasePath : $"{BasePath}?page={page}";
}

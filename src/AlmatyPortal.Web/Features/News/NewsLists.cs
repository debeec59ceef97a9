using System.Linq.Expressions;

namespace AlmatyPortal.Web.Features.News;

/// <summary>
/// The latest news, as the home page lists it, compiled once so that a miss does not look it up in EF's query cache
/// again. One per host, not static: a compiled query belongs to the model it first ran on, and one process may hold hosts
/// on SQLite and on PostgreSQL (the tests, copy-database).
/// </summary>
public sealed class NewsLists
{
    /// <summary>What every news list shows of each article.</summary>
    internal static readonly Expression<Func<Article, ArticleSummary>> Summary =
        a => new ArticleSummary(a.Id, a.Slug, a.Title, a.Summary, a.PublishAt);

    /// <summary>Published articles in the language, newest first (then by id, as every news list orders), at most count.</summary>
    public Func<PortalDbContext, string, int, IAsyncEnumerable<ArticleSummary>> Latest { get; } =
        EF.CompileAsyncQuery((PortalDbContext db, string language, int count) =>
            db.Articles.AsNoTracking()
                .Where(a => a.Language == language && a.Status == PublicationStatus.Published)
                .OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id)
                .Select(Summary)
                .Take(count));
}

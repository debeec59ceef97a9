using System.Linq.Expressions;
using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>The published conference records an article reports on, as links read with the article's own.</summary>
public sealed class ConferenceArticleLinks : IArticleLinkSource
{
    public Expression<Func<PortalDbContext, int, Guid, string, IQueryable<ArticleLink>>> Links { get; } = (db, id, group, language) =>
        db.Set<Dictionary<string, object>>(ConferenceConfiguration.ArticleConferences).Where(j => EF.Property<int>(j, "ArticlesId") == id)
            .Join(db.Conferences.Where(c => c.Status == PublicationStatus.Published), j => EF.Property<int>(j, "ConferencesId"), c => c.Id, (j, c) => c)
            .Select(c => new ArticleLink
            {
                Kind = ConferenceQueries.ReportLink, Id = c.Id, Slug = c.Slug, Title = c.Title, Language = null, StartDate = c.StartDate, EndDate = c.EndDate, City = c.City,
            });
}

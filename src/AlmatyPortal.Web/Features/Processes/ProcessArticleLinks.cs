using System.Linq.Expressions;
using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Processes;

/// <summary>
/// The published processes an article belongs to, in its language, as links read with the article's own: a process names
/// the article, or a conference that any version of the article reports on (any version of that meeting).
/// </summary>
public sealed class ProcessArticleLinks : IArticleLinkSource
{
    public Expression<Func<PortalDbContext, int, Guid, string, IQueryable<ArticleLink>>> Links { get; } = (db, id, group, language) =>
        db.Processes.Where(p => p.Language == language && p.Status == PublicationStatus.Published
                && db.Set<ProcessArticle>().Where(l => l.ArticleGroup == group).Select(l => l.ProcessGroup)
                    .Concat(db.Set<ProcessConference>()
                        .Where(l => db.Set<Dictionary<string, object>>(ConferenceConfiguration.ArticleConferences)
                            .Where(j => db.Articles.Where(a => a.TranslationGroup == group).Select(a => a.Id).Contains(EF.Property<int>(j, "ArticlesId")))
                            .Join(db.Conferences, j => EF.Property<int>(j, "ConferencesId"), c => c.Id, (j, c) => c.TranslationGroup)
                            .Contains(l.ConferenceGroup))
                        .Select(l => l.ProcessGroup))
                    .Contains(p.TranslationGroup))
            .Select(p => new ArticleLink
            {
                Kind = ProcessQueries.ProcessLinkKind, Id = p.Id, Slug = p.Slug, Title = p.Name, Language = null, StartDate = null, EndDate = null, City = null,
            });
}

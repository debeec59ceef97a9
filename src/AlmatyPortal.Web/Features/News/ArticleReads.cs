using System.Linq.Expressions;

namespace AlmatyPortal.Web.Features.News;

/// <summary>
/// What an article links to, written by one feature over the article's id, translation group and language: News writes
/// its tags and language versions; another feature registers its own kind (the conferences the article reports on) as an
/// <see cref="IArticleLinkSource"/>, so that News never needs to know it.
/// </summary>
public interface IArticleLinkSource
{
    Expression<Func<PortalDbContext, int, Guid, string, IQueryable<ArticleLink>>> Links { get; }
}

/// <summary>
/// The article page's two reads of its own, compiled once so that a reader's miss does not translate them again: the
/// record, and every kind of its links in one query (UNION ALL) composed from the registered sources.
/// </summary>
/// <remarks>
/// One per host, not static: a compiled query belongs to the model it first ran on, and one process may hold hosts on
/// SQLite and on PostgreSQL (the tests, copy-database).
/// </remarks>
public sealed class ArticleReads
{
    private readonly Func<PortalDbContext, string, string, CancellationToken, Task<Row?>> _record = EF.CompileAsyncQuery(
        (PortalDbContext db, string language, string slug, CancellationToken ct) =>
            db.Articles.AsNoTracking().Where(a => a.Language == language && a.Status == PublicationStatus.Published && a.Slug == slug)
                .Select(a => new Row(
                    new ArticleView(
                        a.Id, a.TranslationGroup, a.Language, a.Slug, a.Title, a.Summary, a.BodyHtml, a.PublishAt, a.UpdatedAt, a.SectionId,
                        a.FeaturedImage == null ? null : new ImageView(a.FeaturedImage.Id, a.FeaturedImage.FileName, a.FeaturedImage.Width, a.FeaturedImage.Height,
                            a.FeaturedImage.AltTranslations.Where(t => t.Language == language).Select(t => t.Text).FirstOrDefault() ?? a.FeaturedImage.AltText,
                            a.FeaturedImage.AltTranslations.Any(t => t.Language == language) ? language : Languages.Default,
                            a.FeaturedImage.Credit, a.FeaturedImage.Photographer, a.FeaturedImage.Licence, a.FeaturedImage.Variants),
                        new List<TagLink>()),
                    new SectionNode(a.Section.Id, a.Section.Slug, a.Section.Name, a.Section.ParentId),
                    a.Section.Parent == null ? null : new SectionNode(a.Section.Parent.Id, a.Section.Parent.Slug, a.Section.Parent.Name, a.Section.Parent.ParentId),
                    a.Section.Parent == null || a.Section.Parent.Parent == null ? null
                        : new SectionNode(a.Section.Parent.Parent.Id, a.Section.Parent.Parent.Slug, a.Section.Parent.Parent.Name, a.Section.Parent.Parent.ParentId),
                    a.Section.Parent == null || a.Section.Parent.Parent == null || a.Section.Parent.Parent.Parent == null ? null
                        : new SectionNode(a.Section.Parent.Parent.Parent.Id, a.Section.Parent.Parent.Parent.Slug, a.Section.Parent.Parent.Parent.Name,
                            a.Section.Parent.Parent.Parent.ParentId)))
                .FirstOrDefault());

    private readonly Func<PortalDbContext, int, Guid, string, IAsyncEnumerable<ArticleLink>> _links;

    public ArticleReads(IEnumerable<IArticleLinkSource> sources)
    {
        Expression<Func<PortalDbContext, int, Guid, string, IQueryable<ArticleLink>>> own = (db, id, group, language) =>
            db.Set<Dictionary<string, object>>(ArticleConfiguration.ArticleTags).Where(j => EF.Property<int>(j, "ArticlesId") == id)
                .Join(db.Tags, j => EF.Property<int>(j, "TagsId"), t => t.Id,
                    (j, t) => new ArticleLink { Kind = ArticleLink.Tag, Id = t.Id, Slug = t.Slug, Title = t.Name, Language = null, StartDate = null, EndDate = null, City = null })
                .Concat(db.Articles.Where(o => o.TranslationGroup == group && o.Status == PublicationStatus.Published)
                    .Select(o => new ArticleLink { Kind = ArticleLink.Translation, Id = o.Id, Slug = o.Slug, Title = o.Title, Language = o.Language, StartDate = null, EndDate = null, City = null }));
        _links = EF.CompileAsyncQuery(Compose([own, .. sources.Select(s => s.Links)]));
    }

    /// <summary>
    /// A published article in one query: the article, its image and alt text in the language (else the default), and its
    /// section with up to three ancestors.
    /// </summary>
    public Task<Row?> RecordAsync(PortalDbContext db, string language, string slug, CancellationToken ct) => _record(db, language, slug, ct);

    /// <summary>The article's links of every kind, in no particular order.</summary>
    public async Task<List<ArticleLink>> LinksAsync(PortalDbContext db, ArticleView article, CancellationToken ct) =>
        await _links(db, article.Id, article.TranslationGroup, article.Language).ToListAsync(ct);

    public sealed record Row(ArticleView View, SectionNode Section, SectionNode? Parent, SectionNode? Grandparent, SectionNode? Root);

    /// <summary>The parts as one query: each part's body over the first part's parameters, joined with Concat.</summary>
    private static Expression<Func<PortalDbContext, int, Guid, string, IQueryable<ArticleLink>>> Compose(
        IReadOnlyList<Expression<Func<PortalDbContext, int, Guid, string, IQueryable<ArticleLink>>>> parts)
    {
        var parameters = parts[0].Parameters;
        var body = parts[0].Body;
        foreach (var part in parts.Skip(1))
        {
            var rebound = new Rebind(part.Parameters, parameters).Visit(part.Body);
            body = Expression.Call(typeof(Queryable), nameof(Queryable.Concat), [typeof(ArticleLink)], body, rebound);
        }
        return Expression.Lambda<Func<PortalDbContext, int, Guid, string, IQueryable<ArticleLink>>>(body, parameters);
    }

    private sealed class Rebind(IReadOnlyList<ParameterExpression> from, IReadOnlyList<ParameterExpression> to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node)
        {
            for (var i = 0; i < from.Count; i++)
            {
                if (node == from[i])
                {
                    return to[i];
                }
            }
            return node;
        }
    }
}

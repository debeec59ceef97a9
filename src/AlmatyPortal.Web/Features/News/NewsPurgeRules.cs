using AlmatyPortal.Web.Features.PageCache;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AlmatyPortal.Web.Features.News;

/// <summary>Which cached pages a saved article, section, tag or tag link changes.</summary>
internal sealed class NewsPurgeRules : IPagePurgeRule
{
    public async Task AddTagsAsync(DbContext db, IReadOnlyList<EntityEntry> changed, ISet<string> tags, CancellationToken ct)
    {
        var articles = new List<int>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Article article:
                    var tagsLoaded = entry.Collection(nameof(Article.Tags)).IsLoaded;
                    if (PurgeEntries.Id(entry) is { } id)
                    {
                        tags.Add(PageTags.Article(id));
                        if (!tagsLoaded)
                        {
                            articles.Add(id);
                        }
                    }
                    tags.UnionWith(PurgeEntries.Values<Guid>(entry, nameof(Article.TranslationGroup)).Select(PageTags.ArticleGroup));
                    tags.UnionWith(PurgeEntries.Values<string>(entry, nameof(Article.Language)).Select(PageTags.News));
                    tags.UnionWith(PurgeEntries.Values<int>(entry, nameof(Article.SectionId)).Select(PageTags.SectionArticles));
                    if (tagsLoaded)
                    {
                        tags.UnionWith(article.Tags.Where(t => t.Id > 0).Select(t => PageTags.TagArticles(t.Id)));
                    }
                    break;
                case Section:
                    if (PurgeEntries.Id(entry) is { } section)
                    {
                        tags.Add(PageTags.Section(section));
                        tags.Add(PageTags.SectionArticles(section));
                    }
                    // A section moved under another changes what its new parent lists.
                    tags.UnionWith(PurgeEntries.Values<int>(entry, nameof(Section.ParentId)).Select(PageTags.SectionArticles));
                    tags.UnionWith(PageTags.Names(PurgeEntries.Values<string>(entry, nameof(Section.Name))));
                    tags.Add(PageTags.Sections);
                    break;
                case Tag:
                    if (PurgeEntries.Id(entry) is { } tag)
                    {
                        tags.Add(PageTags.Tag(tag));
                        tags.Add(PageTags.TagArticles(tag));
                    }
                    tags.Add(PageTags.Tags);
                    break;
            }
        }
        foreach (var link in PurgeEntries.Joins(changed, ArticleConfiguration.ArticleTags))
        {
            if (PurgeEntries.Id(link, "TagsId") is { } tag)
            {
                tags.Add(PageTags.TagArticles(tag));
            }
            if (PurgeEntries.Id(link, "ArticlesId") is { } article)
            {
                tags.Add(PageTags.Article(article));
            }
        }
        if (articles.Count > 0)
        {
            // An article's tag lists change with it (it may just have been published): the tags of those saved without
            // their tags loaded are read here; links added or removed in this save are join rows, handled above.
            var tagIds = await db.Set<Dictionary<string, object>>(ArticleConfiguration.ArticleTags).AsNoTracking()
                .Where(j => articles.Contains(EF.Property<int>(j, "ArticlesId"))).Select(j => EF.Property<int>(j, "TagsId"))
                .Distinct().ToListAsync(ct);
            tags.UnionWith(tagIds.Select(PageTags.TagArticles));
        }
    }
}

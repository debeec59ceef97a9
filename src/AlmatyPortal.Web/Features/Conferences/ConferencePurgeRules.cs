using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.PageCache;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>Which cached pages a saved conference record, one of its parts, a country, a person or a report link changes.</summary>
internal sealed class ConferencePurgeRules : IPagePurgeRule
{
    public async Task AddTagsAsync(DbContext db, IReadOnlyList<EntityEntry> changed, ISet<string> tags, CancellationToken ct)
    {
        var articles = new List<int>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Conference:
                    if (PurgeEntries.Id(entry) is { } id)
                    {
                        tags.Add(PageTags.Conference(id));
                    }
                    tags.UnionWith(PurgeEntries.Values<Guid>(entry, nameof(Conference.TranslationGroup)).Select(PageTags.ConferenceGroup));
                    tags.UnionWith(PurgeEntries.Values<string>(entry, nameof(Conference.Language)).Select(PageTags.Conferences));
                    break;
                case ConferenceOrganisation or ConferenceSpeaker or ConferenceCountry or ConferenceTopic or OutcomeDocument:
                    if (PurgeEntries.Id(entry, nameof(ConferenceTopic.ConferenceId)) is { } conference)
                    {
                        tags.Add(PageTags.Conference(conference));
                    }
                    break;
                case Country or Person:
                    tags.UnionWith(PageTags.Names(PurgeEntries.Values<string>(entry, nameof(Country.Name))));
                    break;
                case Article when PurgeEntries.Id(entry) is { } article:
                    articles.Add(article);
                    break;
            }
        }
        foreach (var link in PurgeEntries.Joins(changed, ConferenceConfiguration.ArticleConferences))
        {
            if (PurgeEntries.Id(link, "ConferencesId") is { } conference)
            {
                tags.Add(PageTags.Conference(conference));
            }
            if (PurgeEntries.Id(link, "ArticlesId") is { } article)
            {
                tags.Add(PageTags.Article(article));
            }
        }
        if (articles.Count > 0)
        {
            // A conference page lists its published reports: one being published, renamed or withdrawn changes it.
            var conferences = await db.Set<Dictionary<string, object>>(ConferenceConfiguration.ArticleConferences).AsNoTracking()
                .Where(j => articles.Contains(EF.Property<int>(j, "ArticlesId"))).Select(j => EF.Property<int>(j, "ConferencesId"))
                .Distinct().ToListAsync(ct);
            tags.UnionWith(conferences.Select(PageTags.Conference));
        }
    }
}

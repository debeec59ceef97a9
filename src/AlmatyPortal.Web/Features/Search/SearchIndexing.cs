using System.Net;
using System.Text.RegularExpressions;
using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.Processes;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlmatyPortal.Web.Features.Search;

/// <summary>
/// Before every save, brings the search documents of the articles, conferences and processes being saved up to date, so the
/// search index commits (or rolls back) with the change itself: publish, edit, unpublish and delete alike.
/// </summary>
public sealed partial class SearchIndexing : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db)
        {
            await UpdateAsync(db, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is PortalDbContext db)
        {
            UpdateAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    private static async Task UpdateAsync(PortalDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await IndexAsync<Article>(db, a => a.Id, id => d => d.ArticleId == id, a => a.Status,
            a => new SearchDocument { Kind = SearchKind.Article, Article = a }, (document, entry) =>
            {
                var article = entry.Entity;
                Fill(document, article.Language, article.Slug, article.Title, article.Summary, PlainText(article.BodyHtml), article.PublishAt ?? article.UpdatedAt);
                document.SectionId = article.SectionId;
                if (entry.Collection(a => a.Tags).IsLoaded || entry.State == EntityState.Added)
                {
                    document.Tags = TagList(article.Tags);
                    document.Body = WithTags(document.Body, article.Tags);
                }
            }, ct);
        await IndexAsync<Conference>(db, c => c.Id, id => d => d.ConferenceId == id, c => c.Status,
            c => new SearchDocument { Kind = SearchKind.Conference, Conference = c }, (document, entry) =>
            {
                var conference = entry.Entity;
                Fill(document, conference.Language, conference.Slug, conference.Title, conference.Summary, ConferenceText(entry),
                    conference.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            }, ct);
        await IndexAsync<Process>(db, p => p.Id, id => d => d.ProcessId == id, p => p.Status,
            p => new SearchDocument { Kind = SearchKind.Process, Process = p }, (document, entry) =>
            {
                var process = entry.Entity;
                Fill(document, process.Language, process.Slug, process.Name, process.Summary, PlainText(process.BodyHtml), process.CreatedAt);
            }, ct);
    }

    /// <summary>
    /// One kind of record's search documents, for each such record being saved: removed when the record is deleted or not
    /// published, else created if missing and filled. A record not yet saved (id 0) has no document to look up.
    /// </summary>
    private static async Task IndexAsync<T>(PortalDbContext db, Func<T, int> id, Func<int, System.Linq.Expressions.Expression<Func<SearchDocument, bool>>> documentOf,
        Func<T, PublicationStatus> status, Func<T, SearchDocument> create, Action<SearchDocument, EntityEntry<T>> fill, CancellationToken ct)
        where T : class
    {
        foreach (var entry in db.ChangeTracker.Entries<T>().Where(e => e.State != EntityState.Unchanged).ToList())
        {
            var key = id(entry.Entity);
            var document = key == 0 ? null : await FindAsync(db, documentOf(key), ct);
            if (entry.State == EntityState.Deleted || status(entry.Entity) != PublicationStatus.Published)
            {
                Remove(db, document);
                continue;
            }
            document ??= db.SearchDocuments.Add(create(entry.Entity)).Entity;
            fill(document, entry);
        }
    }

    /// <summary>The words a conference is found by: its description, city, topics, documents, follow-up, speakers and organisations.</summary>
    private static string ConferenceText(EntityEntry<Conference> entry)
    {
        var c = entry.Entity;
        var parts = new List<string?> { PlainText(c.BodyHtml), c.City, c.Venue, c.ParticipantLevel, c.FollowUpName, c.FollowUpDescription };
        parts.AddRange(c.Topics.Select(t => t.Text));
        parts.AddRange(c.Documents.SelectMany(d => new[] { d.Title, d.Description }));
        parts.AddRange(c.Speakers.Select(s => s.Person is null ? s.Title : $"{s.Person.Name} {s.Title}"));
        parts.AddRange(c.Organisations.Where(o => o.Organisation is not null).Select(o => $"{o.Organisation.Name} {o.Organisation.Acronym}"));
        return string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    public static void Fill(SearchDocument document, string language, string slug, string title, string summary, string body, DateTime date)
    {
        document.Language = language;
        document.Slug = slug;
        document.Title = title;
        document.Summary = summary;
        document.Body = body;
        document.Date = date;
        document.Year = date.Year;
    }

    /// <summary>The body text followed by the tag names, so an article is found by its tags too.</summary>
    public static string WithTags(string body, IEnumerable<Tag> tags) =>
        tags.Any() ? body + "\n" + string.Join(" · ", tags.Select(t => t.Name)) : body;

    public static string TagList(IEnumerable<Tag> tags) =>
        tags.Any() ? "|" + string.Join("|", tags.Select(t => t.Slug).Order(StringComparer.Ordinal)) + "|" : "";

    /// <summary>Rendered HTML as plain text: tags dropped, entities decoded, white space folded.</summary>
    public static string PlainText(string html) =>
        Space().Replace(WebUtility.HtmlDecode(Tag().Replace(html ?? "", " ")), " ").Trim();

    private static async Task<SearchDocument?> FindAsync(PortalDbContext db, System.Linq.Expressions.Expression<Func<SearchDocument, bool>> match, CancellationToken ct)
    {
        var compiled = match.Compile();
        return db.SearchDocuments.Local.FirstOrDefault(compiled) ?? await db.SearchDocuments.FirstOrDefaultAsync(match, ct);
    }

    private static void Remove(PortalDbContext db, SearchDocument? document)
    {
        if (document is not null && db.Entry(document).State != EntityState.Deleted)
        {
            db.SearchDocuments.Remove(document);
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Space();
}

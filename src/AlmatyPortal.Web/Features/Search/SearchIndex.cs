
namespace AlmatyPortal.Web.Features.Search;

/// <summary>Repairs the search index: rebuilds every search document from the public content, then the FTS5 index itself.</summary>
public sealed class SearchIndex(PortalDbContext db, ILogger<SearchIndex> logger)
{
    private const int Batch = 1000;

    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SearchDocuments.ExecuteDeleteAsync(ct);
        var count = 0;
        for (var lastId = 0; ; )
        {
            var articles = await db.Articles.AsNoTracking().Include(a => a.Tags)
                .Where(a => a.Status == PublicationStatus.Published && a.Id > lastId).OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
            if (articles.Count == 0)
            {
                break;
            }
            foreach (var a in articles)
            {
                var document = new SearchDocument { Kind = SearchKind.Article, ArticleId = a.Id, SectionId = a.SectionId, Tags = SearchIndexing.TagList(a.Tags) };
                SearchIndexing.Fill(document, a.Language, a.Slug, a.Title, a.Summary, SearchIndexing.WithTags(SearchIndexing.PlainText(a.BodyHtml), a.Tags), a.PublishAt ?? a.UpdatedAt);
                db.SearchDocuments.Add(document);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            count += articles.Count;
            lastId = articles[^1].Id;
        }
        // Conference records and processes are few; each is saved through the interceptor's own rules by touching it.
        var conferences = await db.Conferences.Include(c => c.Topics).Include(c => c.Documents).Include(c => c.Speakers).ThenInclude(s => s.Person)
            .Include(c => c.Organisations).ThenInclude(o => o.Organisation)
            .Where(c => c.Status == PublicationStatus.Published).ToListAsync(ct);
        foreach (var conference in conferences)
        {
            db.Entry(conference).State = EntityState.Modified;
        }
        var processes = await db.Processes.Where(p => p.Status == PublicationStatus.Published).ToListAsync(ct);
        foreach (var process in processes)
        {
            db.Entry(process).State = EntityState.Modified;
        }
        await db.SaveChangesAsync(ct);
        count += conferences.Count + processes.Count;
        if (db.Database.IsSqlite())
        {
            // PostgreSQL computes each document's vector with the row; SQLite's FTS5 index is rebuilt from them.
            await db.Database.ExecuteSqlRawAsync(SearchIndexSql.Rebuild, ct);
            await OptimizeAsync(ct);
        }
        await transaction.CommitAsync(ct);
        logger.LogInformation("Rebuilt the search index: {Count} documents", count);
        return count;
    }

    /// <summary>
    /// On SQLite, merges the full-text index into one segment (see <see cref="SearchIndexSql.Optimize"/>): a search for a
    /// word in every document then reads one list instead of merging several. PostgreSQL's GIN index needs no such step.
    /// </summary>
    public async Task<bool> OptimizeAsync(CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return false;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await db.Database.ExecuteSqlRawAsync(SearchIndexSql.Optimize, ct);
        logger.LogInformation("Merged the search index in {Elapsed:0} ms", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    /// <summary>Whether public content exists that the index does not hold (a database from before search, or a repair).</summary>
    public async Task<bool> NeedsRebuildAsync(CancellationToken ct) =>
        !await db.SearchDocuments.AnyAsync(ct) && await db.Articles.AnyAsync(a => a.Status == PublicationStatus.Published, ct);
}

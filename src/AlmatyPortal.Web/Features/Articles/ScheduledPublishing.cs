using System.Globalization;
using AlmatyPortal.Web.Features.Audit;
using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>Publishes every scheduled article whose time has come, each as its own revision and audit entry.</summary>
public sealed class ScheduledPublishing(PortalDbContext db, AuditLog audit, OfficeClock clock, ILogger<ScheduledPublishing> logger)
{
    public const string Publisher = "scheduler";

    /// <summary>The PostgreSQL advisory lock that lets one instance at a time publish ("AlmatyP1").</summary>
    private const long SchedulerLock = 0x416C6D6174795031;

    /// <summary>
    /// Publishes what is due. On PostgreSQL, where several instances share the database, only the instance holding
    /// the scheduler's advisory lock does; the others find it taken and leave the round to it.
    /// </summary>
    public async Task<int> PublishDueAsync(CancellationToken ct = default)
    {
        var published = 0;
        await AdvisoryLock.RunAsync(db, SchedulerLock, wait: false, async () => published = await PublishRoundAsync(ct), ct);
        return published;
    }

    private async Task<int> PublishRoundAsync(CancellationToken ct)
    {
        var now = clock.UtcNow;
        var due = await db.Articles.Include(a => a.Tags)
            .Where(a => a.Status == PublicationStatus.Scheduled && a.PublishAt <= now)
            .OrderBy(a => a.PublishAt).Take(100).ToListAsync(ct);
        var published = 0;
        foreach (var article in due)
        {
            article.Status = PublicationStatus.Published;
            article.Version++;
            article.UpdatedAt = now;
            db.ArticleRevisions.Add(ArticleRevision.Of(article, article.Tags, Publisher, now, "published on schedule", autosave: false));
            audit.Add(AuditLog.Publish, AuditText.Format(AuditText.Article, article.Id, article.Slug), AuditText.Format(AuditText.PublishedOnSchedule, article.PublishAt?.ToString("u", CultureInfo.InvariantCulture)), actor: Publisher);
            try
            {
                await db.SaveChangesAsync(ct);
                published++;
                logger.LogInformation("Published scheduled article {ArticleId} ({Slug}), due {Due}", article.Id, article.Slug, article.PublishAt);
            }
            catch (DbUpdateException ex)
            {
                // Someone saved it meanwhile (an editor, or another process): either their UPDATE moved the version (a
                // concurrency failure) or their revision took this version number (a unique-index failure). Look at
                // what is there now. The rest of this round's articles were read with it, so the round ends; the next
                // one reads them afresh.
                var (id, versionRead) = (article.Id, article.Version - 1);
                db.ChangeTracker.Clear();
                if (ex is not DbUpdateConcurrencyException && await db.Articles.AnyAsync(a => a.Id == id && a.Version == versionRead, ct))
                {
                    throw;
                }
                logger.LogInformation("Scheduled article {ArticleId} was saved by someone else during the round; the next round reads it afresh", id);
                break;
            }
        }
        return published;
    }

    /// <summary>Scheduled articles whose time has passed by more than a minute: the dashboard flags them.</summary>
    public IQueryable<Article> Overdue() =>
        db.Articles.AsNoTracking().Where(a => a.Status == PublicationStatus.Scheduled && a.PublishAt < clock.UtcNow.AddMinutes(-1));
}

/// <summary>Runs <see cref="ScheduledPublishing"/> at start-up (catching up after downtime) and then every interval.</summary>
internal sealed class ScheduledPublisher(IServiceScopeFactory scopes, IOptions<PortalOptions> options, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.SchedulerIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ScheduledPublishing>().PublishDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Scheduled publishing failed; it will try again in {Interval}", interval);
            }
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

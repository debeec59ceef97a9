using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlmatyPortal.Web.Features.PageCache;

/// <summary>What one feature knows about its records: which cached pages show a record that is being saved.</summary>
public interface IPagePurgeRule
{
    /// <summary>
    /// Adds the <see cref="PageTags"/> of every page that shows, or may now show, what these entries change. Called
    /// before the save, so original values (an old slug, the section an article moved out of) are still there.
    /// </summary>
    Task AddTagsAsync(DbContext db, IReadOnlyList<EntityEntry> changed, ISet<string> tags, CancellationToken ct);
}

/// <summary>
/// Purges cached pages when the records they show change: every save through EF (the admin, the scheduler, the
/// content import) is asked of each feature's <see cref="IPagePurgeRule"/> before it runs, and the tags are evicted
/// the moment it commits (at the end of the transaction when there is one). A page being rendered while a purge
/// happens is not stored (<see cref="Sequence"/>), so a page read before the commit never outlives it in the cache.
/// </summary>
public sealed class PagePurge(IOutputCacheStore store, IEnumerable<IPagePurgeRule> rules, IServiceScopeFactory scopes, TimeProvider clock, ILogger<PagePurge> logger)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>This process, in the purge log (<see cref="PurgeRecord"/>).</summary>
    public string Origin { get; } = Guid.NewGuid().ToString("N");

    private readonly ConditionalWeakTable<DbContext, HashSet<string>> _pending = new();
    private long _sequence;

    /// <summary>Counts purges; a response whose rendering saw it change may show what was purged, and is not stored.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    /// <summary>
    /// Evicts pages by tag now and, unless <paramref name="record"/> is false (the purge came from the log), writes the
    /// tags to the purge log for the other processes on this database.
    /// </summary>
    public async Task EvictAsync(IReadOnlyCollection<string> tags, bool record = true)
    {
        if (tags.Count == 0)
        {
            return;
        }
        Interlocked.Increment(ref _sequence);
        foreach (var tag in tags)
        {
            // Never the request's token: a reader hanging up must not leave a page stale.
            await store.EvictByTagAsync(tag, CancellationToken.None);
        }
        Interlocked.Increment(ref _sequence);
        logger.LogDebug("Purged cached pages tagged {Tags}", tags);
        if (record)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var now = clock.GetUtcNow().UtcDateTime;
                db.Set<PurgeRecord>().AddRange(tags.Select(t => new PurgeRecord { Tag = t, Origin = Origin, AtUtc = now }));
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The change itself is saved and this process is purged; other processes see it when their pages expire.
                logger.LogWarning(ex, "Could not record a purge for other processes");
            }
        }
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            await CollectAsync(db, cancellationToken);
        }
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db)
        {
            CollectAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null)
        {
            await FlushAsync(db);
        }
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null)
        {
            FlushAsync(db).GetAwaiter().GetResult();
        }
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            FlushAsync(db).GetAwaiter().GetResult();
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            await FlushAsync(db);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private async Task CollectAsync(DbContext db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count == 0)
        {
            return;
        }
        var tags = _pending.GetOrCreateValue(db);
        foreach (var rule in rules)
        {
            await rule.AddTagsAsync(db, changed, tags, ct);
        }
    }

    private async Task FlushAsync(DbContext db)
    {
        if (_pending.TryGetValue(db, out var tags))
        {
            _pending.Remove(db);
            await EvictAsync(tags);
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            _pending.Remove(db);
        }
    }
}

/// <summary>Reading the values an entry had before the change, and the join rows of many-to-many links.</summary>
public static class PurgeEntries
{
    /// <summary>The current and the original value of a property (both, when it changed; once when not).</summary>
    public static IEnumerable<T> Values<T>(EntityEntry entry, string property)
    {
        var p = entry.Property(property);
        var values = new List<T>(2);
        if (p.CurrentValue is T current)
        {
            values.Add(current);
        }
        if (entry.State != EntityState.Added && p.OriginalValue is T original && !values.Contains(original))
        {
            values.Add(original);
        }
        return values;
    }

    /// <summary>The entity's own key, unless it is a temporary one (a row not inserted yet, which no page shows).</summary>
    public static int? Id(EntityEntry entry, string property = "Id")
    {
        var p = entry.Property(property);
        return p.IsTemporary || p.CurrentValue is not int id || id <= 0 ? null : id;
    }

    /// <summary>Join rows (a shared-type entity such as "ArticleTags") among the changed entries.</summary>
    public static IEnumerable<EntityEntry> Joins(IEnumerable<EntityEntry> changed, string joinName) =>
        changed.Where(e => e.Metadata.Name == joinName);
}

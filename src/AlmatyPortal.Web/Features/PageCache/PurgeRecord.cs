using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.PageCache;

/// <summary>
/// One purge, written to the database so that every process sharing it purges too: another portal instance, or the
/// running portal when a command (an import, a search rebuild) changed the data from the command line.
/// </summary>
public sealed class PurgeRecord
{
    public long Id { get; set; }
    public string Tag { get; set; } = "";

    /// <summary>The process that purged; it has purged its own cache already.</summary>
    public string Origin { get; set; } = "";

    public DateTime AtUtc { get; set; }
}

internal sealed class PurgeRecordConfiguration : IEntityTypeConfiguration<PurgeRecord>
{
    public void Configure(EntityTypeBuilder<PurgeRecord> b)
    {
        b.ToTable("PagePurges");
        b.Property(p => p.Tag).HasMaxLength(400);
        b.Property(p => p.Origin).HasMaxLength(40);
        b.HasIndex(p => p.AtUtc);
    }
}

/// <summary>Applies the purges other processes wrote, every PageCache:PurgeLogPollSeconds, and forgets those older than a day.</summary>
internal sealed class PurgeLogFollower(IServiceScopeFactory scopes, PagePurge purge, IEnumerable<IOtherProcessChanges> listeners,
    IOptions<PageCacheOptions> options, TimeProvider clock, ILogger<PurgeLogFollower> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? last = null;
        var lastCleanup = DateTime.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PurgeLogPollSeconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                if (last is null)
                {
                    // Start from now: this process's cache was empty before.
                    last = await db.Set<PurgeRecord>().MaxAsync(p => (long?)p.Id, stoppingToken) ?? 0;
                    continue;
                }
                var from = last.Value;
                var records = await db.Set<PurgeRecord>().AsNoTracking().Where(p => p.Id > from).OrderBy(p => p.Id).Take(10_000).ToListAsync(stoppingToken);
                if (records.Count > 0)
                {
                    last = records[^1].Id;
                    var tags = records.Where(r => r.Origin != purge.Origin).Select(r => r.Tag).Distinct().ToList();
                    if (tags.Count > 0)
                    {
                        // What this process keeps in memory is brought up to date first, so the pages rendered after
                        // the purge show the change.
                        foreach (var listener in listeners)
                        {
                            await listener.ChangedElsewhereAsync(tags, stoppingToken);
                        }
                        await purge.EvictAsync(tags, record: false);
                        logger.LogInformation("Purged {Count} page tags changed by another process", tags.Count);
                    }
                }
                var now = clock.GetUtcNow().UtcDateTime;
                if (now - lastCleanup > TimeSpan.FromHours(1))
                {
                    lastCleanup = now;
                    var cutoff = now.AddDays(-1);
                    await db.Set<PurgeRecord>().Where(p => p.AtUtc < cutoff).ExecuteDeleteAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not read the purges of other processes; trying again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>
/// A feature that keeps records in memory (the name book) and must reload them when another process changed them:
/// told the tags another process purged, before this process purges them.
/// </summary>
public interface IOtherProcessChanges
{
    Task ChangedElsewhereAsync(IReadOnlyCollection<string> tags, CancellationToken ct);
}

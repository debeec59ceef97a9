using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace AlmatyPortal.Web.Features.PageCache;

/// <summary>
/// The output cache in Redis (ConnectionStrings:Redis), shared by every instance, kept from ever failing a request:
/// while Redis cannot be reached, every lookup is a miss (the page is rendered from the database), nothing is stored,
/// and one warning says so. Purges that could not reach Redis are not lost: when Redis answers again, every cached
/// page is purged before the first lookup, so nothing stale from before the outage is served.
/// </summary>
public sealed class SharedPageStore(IOutputCacheStore redis, TimeProvider clock, ILogger<SharedPageStore> logger) : IOutputCacheBufferStore
{
    /// <summary>How long after a failure Redis is left alone before it is tried again.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private DateTimeOffset? _downSince;
    private DateTimeOffset _nextTry;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        await Guarded(() => redis.GetAsync(key, cancellationToken), default(byte[]));

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        await Guarded(async () => { await redis.SetAsync(key, value, tags, validFor, cancellationToken); return true; }, false);

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        await Guarded(async () => { await redis.EvictByTagAsync(tag, cancellationToken); return true; }, false);

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken) =>
        await Guarded(() => ((IOutputCacheBufferStore)redis).TryGetAsync(key, destination, cancellationToken), false);

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        await Guarded(async () => { await ((IOutputCacheBufferStore)redis).SetAsync(key, value, tags, validFor, cancellationToken); return true; }, false);

    private async ValueTask<T> Guarded<T>(Func<ValueTask<T>> work, T whenDown)
    {
        bool recovering;
        lock (_gate)
        {
            if (_downSince is not null && clock.GetUtcNow() < _nextTry)
            {
                return whenDown;
            }
            recovering = _downSince is not null;
        }
        try
        {
            if (recovering)
            {
                // Purges made during the outage never reached Redis: forget every page it holds before using it again.
                await redis.EvictByTagAsync(PageTags.All, CancellationToken.None);
                DateTimeOffset? since;
                lock (_gate)
                {
                    since = _downSince;
                    _downSince = null;
                }
                logger.LogWarning("The shared page cache (Redis) answers again after {Outage}; its pages were purged and it is in use again",
                    clock.GetUtcNow() - since);
            }
            return await work();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            lock (_gate)
            {
                var first = _downSince is null;
                _downSince ??= clock.GetUtcNow();
                _nextTry = clock.GetUtcNow() + RetryAfter;
                if (first)
                {
                    logger.LogWarning("The shared page cache (Redis) cannot be reached ({Reason}): pages are rendered from the database until it answers",
                        ex.Message);
                }
            }
            return whenDown;
        }
    }
}

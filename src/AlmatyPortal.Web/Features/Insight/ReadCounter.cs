using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace AlmatyPortal.Web.Features.Insight;

/// <summary>
/// Counts reads of public pages in memory and adds them to the daily rows every few seconds, so a read served from the
/// output cache costs one dictionary increment and never waits for the database. Each instance adds its own counts
/// with one upsert a row, so several instances never overwrite each other.
/// </summary>
public sealed partial class ReadCounter(IServiceScopeFactory scopes, OfficeClock clock, ILogger<ReadCounter> logger)
{
    private ConcurrentDictionary<(DateOnly Day, string Path, bool IsBot), int> _pending = new();

    /// <summary>Paths that are not pages a reader reads: staff, files, machines, errors.</summary>
    private static readonly string[] NotPages = ["/admin", "/account", "/api/", "/feeds/", "/media/", "/css/", "/js/", "/lib/", "/donate", "/healthz", "/status/", "/error", "/search"];

    /// <summary>The path a read counts under, or null when the request is not a reader's read of a page.</summary>
    public static string? CountablePath(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || http.User.Identity?.IsAuthenticated == true
            || http.Response.StatusCode is not (StatusCodes.Status200OK or StatusCodes.Status304NotModified)
            || http.Request.Headers["Sec-Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase)
            || http.Request.Headers["Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var path = (http.Request.PathBase + http.Request.Path).Value ?? "/";
        var bare = Cultures.Translate(path, Languages.Default);
        if (NotPages.Any(p => bare.StartsWith(p, StringComparison.OrdinalIgnoreCase)) || Path.HasExtension(bare))
        {
            return null;
        }
        var normal = path.Length > 1 ? path.TrimEnd('/').ToLowerInvariant() : path;
        return normal.Length <= PageReadConfiguration.PathMaxLength && PagePath().IsMatch(normal) ? normal : null;
    }

    /// <summary>A bot by its own word (bot, crawler, spider…), a tool rather than a browser, or no user agent at all.</summary>
    public static bool IsBot(string? userAgent) => string.IsNullOrWhiteSpace(userAgent) || BotAgent().IsMatch(userAgent);

    public void Count(string path, bool isBot) => _pending.AddOrUpdate((clock.Today, path, isBot), 1, (_, n) => n + 1);

    /// <summary>Adds what was counted since the last flush to the database; counts that fail to write are kept for the next.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<(DateOnly, string, bool), int>());
        if (batch.IsEmpty)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var ((day, path, isBot), count) in batch)
            {
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "PageReads" ("Day", "Path", "IsBot", "Count") VALUES ({day}, {path}, {isBot}, {count}) ON CONFLICT ("Day", "Path", "IsBot") DO UPDATE SET "Count" = "PageReads"."Count" + {count}""",
                    ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex)
        {
            // Whatever the database said, the counts wait in memory for the next flush; a background service that
            // threw would stop the whole portal.
            foreach (var (key, count) in batch)
            {
                _pending.AddOrUpdate(key, count, (_, n) => n + count);
            }
            logger.LogWarning("Page read counts were not written ({Rows} rows kept for the next try): {Reason}", batch.Count, ex.Message);
        }
    }

    [GeneratedRegex(@"^/[a-z0-9\-._~/%]*$")]
    private static partial Regex PagePath();

    [GeneratedRegex(@"bot|crawl|spider|slurp|scrape|fetch|preview|monitor|checker|archiver|facebookexternalhit|embedly|headless|lighthouse|curl|wget|python|java/|go-http|okhttp|axios|node-fetch|libwww|httpclient|feed|rss",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BotAgent();
}

/// <summary>Writes counted reads every few seconds and at shutdown, and removes days older than the ones kept, once a day.</summary>
internal sealed class ReadCounterFlush(ReadCounter counter, IServiceScopeFactory scopes, IOptions<InsightOptions> options, OfficeClock clock, ILogger<ReadCounterFlush> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pruned = DateOnly.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.FlushSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await counter.FlushAsync(stoppingToken);
                if (pruned != clock.Today)
                {
                    try
                    {
                        await PruneAsync(stoppingToken);
                        pruned = clock.Today;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // A busy or unreachable database: old days wait for the next tick. Counting goes on.
                        logger.LogWarning("Old daily read counts were not removed; trying again shortly: {Reason}", ex.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // What was counted since the last tick is written before the process ends.
        await counter.FlushAsync(CancellationToken.None);
    }

    private async Task PruneAsync(CancellationToken ct)
    {
        var before = clock.Today.AddDays(-options.Value.KeepDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var removed = await db.Set<PageRead>().Where(r => r.Day < before).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Rows} daily read counts older than {Day}", removed, before);
        }
    }
}

/// <summary>Counts each reader's read of a public page, before the output cache, so a page served from the cache counts too.</summary>
internal sealed class ReadCounting(RequestDelegate next, ReadCounter counter, IOptionsMonitor<InsightOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (options.CurrentValue.CountReads && ReadCounter.CountablePath(context) is { } path)
        {
            counter.Count(path, ReadCounter.IsBot(context.Request.Headers.UserAgent));
        }
    }
}

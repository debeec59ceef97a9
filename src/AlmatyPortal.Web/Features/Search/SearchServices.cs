namespace AlmatyPortal.Web.Features.Search;

/// <summary>Registers the Search feature: full-text search: the index and its queries.</summary>
public static class SearchServices
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchQueries>();
        services.AddScoped<SearchIndex>();
        services.AddSingleton<PageCache.IPagePurgeRule, SearchPurgeRules>();
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateOnStart();
        services.AddHostedService<SearchIndexUpkeep>();
        return services;
    }
}

/// <summary>
/// Merges the SQLite full-text index once a day at <see cref="SearchOptions.MergeAt"/> office time
/// (<see cref="SearchIndex.OptimizeAsync"/>); a failed merge waits for the next day.
/// </summary>
internal sealed class SearchIndexUpkeep(IServiceScopeFactory scopes, OfficeClock clock, TimeProvider time, IOptions<SearchOptions> options,
    ILogger<SearchIndexUpkeep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var after = clock.UtcNow;
        while (true)
        {
            var due = NextMerge(after, options.Value.MergeAt, clock);
            var wait = due - clock.UtcNow;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stoppingToken);
            // The next is counted from this one's hour, so a timer that fires a moment early never merges twice a night.
            after = due > clock.UtcNow ? due : clock.UtcNow;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SearchIndex>().OptimizeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("The search index was not merged; searches still work and the next try is in a day: {Reason}", ex.Message);
            }
        }
    }

    /// <summary>
    /// The first instant after <paramref name="utcNow"/> whose office-local time is <paramref name="at"/> (read as
    /// <see cref="OfficeClock.ToUtc"/> reads it on the nights the clock changes).
    /// </summary>
    public static DateTime NextMerge(DateTime utcNow, TimeOnly at, OfficeClock clock)
    {
        for (var day = DateOnly.FromDateTime(clock.ToLocal(utcNow)); ; day = day.AddDays(1))
        {
            var instant = clock.ToUtc(day.ToDateTime(at));
            if (instant > utcNow)
            {
                return instant;
            }
        }
    }
}

namespace AlmatyPortal.Web.Features.Search;

/// <summary>Registers the Search feature: full-text search: the index and its queries.</summary>
public static class SearchServices
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchQueries>();
        services.AddScoped<SearchIndex>();
        services.AddSingleton<PageCache.IPagePurgeRule, SearchPurgeRules>();
        services.AddHostedService<SearchIndexUpkeep>();
        return services;
    }
}

/// <summary>Merges the SQLite full-text index once a day (<see cref="SearchIndex.OptimizeAsync"/>); a failed merge waits for the next day.</summary>
internal sealed class SearchIndexUpkeep(IServiceScopeFactory scopes, ILogger<SearchIndexUpkeep> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
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
}

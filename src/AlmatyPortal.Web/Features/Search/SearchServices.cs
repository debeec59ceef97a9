namespace AlmatyPortal.Web.Features.Search;

/// <summary>Registers the Search feature: full-text search: the index and its queries.</summary>
public static class SearchServices
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchQueries>();
        services.AddScoped<SearchIndex>();
        services.AddSingleton<PageCache.IPagePurgeRule, SearchPurgeRules>();
        return services;
    }
}

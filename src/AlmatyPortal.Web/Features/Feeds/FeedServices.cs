namespace AlmatyPortal.Web.Features.Feeds;

/// <summary>Registers the Feeds feature: the reads behind the feeds and the sitemap.</summary>
public static class FeedServices
{
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddScoped<FeedQueries>();
        services.AddScoped<SitemapQueries>();
        return services;
    }
}

namespace AlmatyPortal.Web.Features.News;

/// <summary>Registers the News feature: the news reads and the staff changes to sections and tags.</summary>
public static class NewsServices
{
    public static IServiceCollection AddNews(this IServiceCollection services)
    {
        services.AddScoped<NewsQueries>();
        services.AddSingleton<ArticleReads>();
        services.AddSingleton<NewsLists>();
        services.AddScoped<SiteStructure>();
        services.AddSingleton<ArchiveCounting>();
        services.AddScoped<ArchiveMonthCounts>();
        services.AddSingleton<PageCache.IPagePurgeRule, NewsPurgeRules>();
        return services;
    }
}

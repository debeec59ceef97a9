namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>Registers the Conferences feature: conference records: reads, the editor and translations.</summary>
public static class ConferenceServices
{
    public static IServiceCollection AddConferences(this IServiceCollection services)
    {
        services.AddScoped<ConferenceQueries>();
        services.AddSingleton<ConferenceLists>();
        services.AddSingleton<ConferenceRecord>();
        services.AddSingleton<News.IArticleLinkSource, ConferenceArticleLinks>();
        services.AddScoped<ConferenceEditor>();
        services.AddScoped<ConferenceForms>();
        services.AddScoped<ConferenceTranslations>();
        services.AddScoped<ReferenceDirectory>();
        services.AddSingleton<PageCache.IPagePurgeRule, ConferencePurgeRules>();
        return services;
    }
}

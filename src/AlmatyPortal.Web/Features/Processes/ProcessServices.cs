namespace AlmatyPortal.Web.Features.Processes;

/// <summary>Registers the Processes feature: process records, their timelines, the editor and the cache purge rules.</summary>
public static class ProcessServices
{
    public static IServiceCollection AddProcesses(this IServiceCollection services)
    {
        services.AddScoped<ProcessQueries>();
        services.AddSingleton<News.IArticleLinkSource, ProcessArticleLinks>();
        services.AddSingleton<Conferences.IConferencePartSource, ProcessConferenceParts>();
        services.AddScoped<ProcessEditor>();
        services.AddScoped<ProcessForms>();
        services.AddSingleton<PageCache.IPagePurgeRule, ProcessPurgeRules>();
        return services;
    }
}

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>Registers the Articles feature: the article editor, its forms, the dashboard, translations and the scheduled publisher.</summary>
public static class ArticleServices
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddScoped<ArticleEditor>();
        services.AddScoped<ArticleForms>();
        services.AddScoped<ArticleTranslations>();
        services.AddScoped<ScheduledPublishing>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}

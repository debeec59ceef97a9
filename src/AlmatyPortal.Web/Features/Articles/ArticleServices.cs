namespace AlmatyPortal.Web.Features.Articles;

/// <summary>Registers the Articles feature: the article editor, its forms, the dashboard, translations, the pre-publish checks and the scheduled publisher.</summary>
public static class ArticleServices
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddScoped<ArticleEditor>();
        services.AddScoped<ArticleForms>();
        services.AddScoped<ArticleTranslations>();
        services.AddScoped<PublishChecks>();
        services.AddScoped<PublishCheckSettings>();
        services.AddScoped<InternalLinks>();
        services.AddScoped<ScheduledPublishing>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}

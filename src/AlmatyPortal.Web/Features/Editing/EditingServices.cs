namespace AlmatyPortal.Web.Features.Editing;

/// <summary>Registers the Editing feature: the article editor, its forms, the dashboard, translations and the scheduled publisher.</summary>
public static class EditingServices
{
    public static IServiceCollection AddEditing(this IServiceCollection services)
    {
        services.AddScoped<ArticleEditor>();
        services.AddScoped<ArticleForms>();
        services.AddScoped<Dashboard>();
        services.AddScoped<ArticleTranslations>();
        services.AddScoped<ScheduledPublishing>();
        services.AddHostedService<ScheduledPublisher>();
        return services;
    }
}

namespace AlmatyPortal.Web.Features.Content;

/// <summary>Registers the Content feature: import and export of content/ files.</summary>
public static class ContentServices
{
    public static IServiceCollection AddContent(this IServiceCollection services)
    {
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        return services;
    }
}

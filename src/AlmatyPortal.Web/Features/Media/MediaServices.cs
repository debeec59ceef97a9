namespace AlmatyPortal.Web.Features.Media;

/// <summary>Registers the Media feature: the media library, its file store, the upload limits and the start-up sweep.</summary>
public static class MediaServices
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddSingleton<MediaStore>();
        services.AddScoped<MediaLibrary>();
        services.AddUploadLimits();
        services.AddSingleton<PageCache.IPagePurgeRule, MediaPurgeRules>();
        services.AddHostedService<MediaSweepAtStart>();
        return services;
    }
}

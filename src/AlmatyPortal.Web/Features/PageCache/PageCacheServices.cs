using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Features.PageCache;

public static class PageCacheServices
{
    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PageCacheOptions>, PageCacheOptionsValidator>();
        services.AddOutputCache(o =>
        {
            // /news/Report and /news/report are different pages (slugs are compared exactly).
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(PublicPagePolicy.Name, b => b.AddPolicy<PublicPagePolicy>(), excludeDefaultPolicy: true);
        });
        // The limits come from the validated PageCache options, the one place they are read.
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<PageCacheOptions>>((o, page) =>
        {
            o.SizeLimit = page.Value.SizeLimitMegabytes * 1024L * 1024;
            o.MaximumBodySize = page.Value.MaximumPageKilobytes * 1024L;
        });
        services.AddSingleton<PublicPagePolicy>();
        services.AddSingleton<PagePurge>();
        services.AddHostedService<PurgeLogFollower>();
        return services;
    }

    /// <summary>The output cache, then the validators inside it, so ETag and Cache-Control are stored with each page.</summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app) =>
        app.UseOutputCache().UseMiddleware<PageValidators>();

    /// <summary>A machine endpoint (feed, sitemap, calendar) cached like a page, varying by the given query keys only.</summary>
    public static TBuilder CachedAsPublicPage<TBuilder>(this TBuilder builder, params string[] queryKeys) where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(b =>
        {
            b.AddPolicy<PublicPagePolicy>();
            b.SetVaryByQuery(queryKeys);
        }, excludeDefaultPolicy: true);
}

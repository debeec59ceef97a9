using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Features.PageCache;

public static class PageCacheServices
{
    /// <summary>The page cache: in this process's memory, or in Redis when <paramref name="redis"/> names one (shared by every instance).</summary>
    public static IServiceCollection AddPageCache(this IServiceCollection services, string? redis)
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
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var configuration = StackExchange.Redis.ConfigurationOptions.Parse(redis);
            // Never wait long for a Redis that is gone: a lookup that fails is a miss, rendered from the database.
            configuration.AbortOnConnectFail = false;
            configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 2000);
            configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, 1000);
            configuration.SyncTimeout = Math.Min(configuration.SyncTimeout, 1000);
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.ConfigurationOptions = configuration;
                o.InstanceName = "almaty-portal:";
            });
            var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.Remove(store);
            services.AddSingleton(sp => new SharedPageStore(
                (IOutputCacheStore)(store.ImplementationInstance ?? store.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SharedPageStore>>()));
            services.AddSingleton<IOutputCacheStore>(sp => sp.GetRequiredService<SharedPageStore>());
        }
        services.AddSingleton<PublicPagePolicy>();
        services.AddSingleton<PagePurge>();
        services.AddHostedService<PurgeLogFollower>();
        return services;
    }

    /// <summary>The output cache, then the validators inside it, so ETag and Cache-Control are stored with each page.</summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app) =>
        app.UseOutputCache().UseMiddleware<PageValidators>();

    /// <summary>
    /// A machine endpoint (feed, sitemap, calendar, read API) cached like a page, varying by the given query keys only,
    /// and answering HEAD as a page does (routing reads the last method list an endpoint is given, so this one replaces
    /// MapGet's GET alone; the server sends no body to a HEAD).
    /// </summary>
    public static TBuilder CachedAsPublicPage<TBuilder>(this TBuilder builder, params string[] queryKeys) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])).CacheOutput(b =>
        {
            b.AddPolicy<PublicPagePolicy>();
            b.SetVaryByQuery(queryKeys);
        }, excludeDefaultPolicy: true);
}

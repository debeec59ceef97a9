namespace AlmatyPortal.Web.Features.Insight;

/// <summary>Registers reader and donor insight: the read counter, its flush, its options and the dashboard's queries.</summary>
public static class InsightServices
{
    public static IServiceCollection AddInsight(this IServiceCollection services)
    {
        services.AddOptions<InsightOptions>().BindConfiguration(InsightOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InsightOptions>, InsightOptionsValidator>();
        services.AddSingleton<ReadCounter>();
        services.AddHostedService<ReadCounterFlush>();
        services.AddScoped<InsightQueries>();
        return services;
    }

    /// <summary>Counts reads of public pages; goes before the output cache so that cached pages count too.</summary>
    public static IApplicationBuilder UseReadCounting(this IApplicationBuilder app) => app.UseMiddleware<ReadCounting>();
}

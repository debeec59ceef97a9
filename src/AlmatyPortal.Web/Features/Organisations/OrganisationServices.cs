namespace AlmatyPortal.Web.Features.Organisations;

/// <summary>Registers the Organisations feature: the organisation directory.</summary>
public static class OrganisationServices
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.AddScoped<OrganisationDirectory>();
        services.AddSingleton<PageCache.IPagePurgeRule, OrganisationPurgeRules>();
        return services;
    }
}

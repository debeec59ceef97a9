namespace AlmatyPortal.Web.Features.Backups;

/// <summary>Registers the Backups feature: online backup, verify and restore.</summary>
public static class BackupServices
{
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddScoped<PortalBackup>();
        return services;
    }
}

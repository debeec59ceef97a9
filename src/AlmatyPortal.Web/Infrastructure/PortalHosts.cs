using Microsoft.AspNetCore.HostFiltering;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>
/// Which Host headers the portal answers. Absolute links (canonical, og:url, feeds, sitemap) are built from
/// Portal:PublicUrl, or from the request's host when it is unset; a foreign Host must therefore never reach a page, or
/// one request could poison a shared cache. The portal answers its public address, the hosts named in AllowedHosts,
/// and the loopback names (for the machine's own health checks); every other Host gets 400.
/// </summary>
public static class PortalHosts
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static IServiceCollection AddPortalHostFiltering(this IServiceCollection services, PortalOptions portal)
    {
        services.AddOptions<HostFilteringOptions>().PostConfigure<IConfiguration>((o, configuration) =>
            o.AllowedHosts = Allowed(portal.PublicUrl, configuration["AllowedHosts"]).ToList());
        return services;
    }

    /// <summary>The public address's host, the AllowedHosts entries ("*" is ignored: it would trust any Host) and loopback.</summary>
    public static IEnumerable<string> Allowed(string? publicUrl, string? allowedHosts)
    {
        var hosts = new List<string>(Loopback);
        if (!string.IsNullOrWhiteSpace(publicUrl) && Uri.TryCreate(publicUrl, UriKind.Absolute, out var url))
        {
            hosts.Add(url.Host);
        }
        hosts.AddRange((allowedHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(h => h != "*"));
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase);
    }
}

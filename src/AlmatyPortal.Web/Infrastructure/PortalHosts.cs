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

    /// <summary>
    /// X-Forwarded-For and -Proto are believed only from Portal:KnownProxies and Portal:KnownNetworks, so the rate
    /// limiter, the audit log and the security log see the reader's address, and cookies and links see https; a
    /// forged header from anyone else is ignored. The framework's default of trusting loopback is dropped.
    /// </summary>
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, PortalOptions portal)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // Each hop is believed only if the one that sent it is a known proxy, so no limit on the count is needed.
            o.ForwardLimit = null;
            foreach (var proxy in PortalOptions.ListOf(portal.KnownProxies))
            {
                if (System.Net.IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
            }
            foreach (var network in PortalOptions.ListOf(portal.KnownNetworks))
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    o.KnownIPNetworks.Add(parsed);
                }
            }
            // With both lists empty the middleware would believe every sender, so then it believes none.
            o.ForwardedHeaders = o.KnownProxies.Count + o.KnownIPNetworks.Count == 0
                ? Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None
                : Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        });
        return services;
    }

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

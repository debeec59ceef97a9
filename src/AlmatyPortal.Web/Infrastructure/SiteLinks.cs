
namespace AlmatyPortal.Web.Infrastructure;

/// <summary>Absolute addresses for canonical links, feeds, sitemaps and calendars: Portal:PublicUrl, or the request's own scheme and host.</summary>
public sealed class SiteLinks(IOptions<PortalOptions> options, IHttpContextAccessor http)
{
    public string Base
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl))
            {
                return options.Value.PublicUrl.TrimEnd('/');
            }
            var request = http.HttpContext?.Request;
            return request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}";
        }
    }

    public string Absolute(string path) => Base + (path.StartsWith('/') ? path : "/" + path);
}

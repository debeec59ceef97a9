using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace AlmatyPortal.Web.Features.PageCache;

/// <summary>
/// The one output-cache policy of the public site. Only an anonymous GET or HEAD is looked up or stored; only a 200 that
/// sets no cookie, is not marked no-store (an antiforgery token) or private, and saw no purge while it was rendered is
/// stored. Entries vary by path, by the query keys the page names (others never make an entry) and by the encoding the
/// client gets, so each variant is compressed once, when stored, and by the office's date.
/// </summary>
public sealed class PublicPagePolicy(IOptionsMonitor<PageCacheOptions> options, PagePurge purge, IResponseCompressionProvider compression, OfficeClock clock)
    : IOutputCachePolicy
{
    public const string Name = "public-page";

    private static readonly object StartedAt = new();
    private static readonly object Marker = new();

    /// <summary>True when this request is for a public page under this policy (a staff member's included).</summary>
    public static bool IsPublicPage(HttpContext context) => context.Items.ContainsKey(Marker);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var settings = options.CurrentValue;
        var cacheable = settings.Enabled && IsAnonymousRead(http);
        http.Items[Marker] = true;
        http.Items[StartedAt] = purge.Sequence;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(settings.DurationSeconds);
        context.Tags.Add(PageTags.All);
        context.CacheVaryByRules.VaryByValues["encoding"] = compression.GetCompressionProvider(http)?.EncodingName ?? "identity";
        // What is "upcoming" changes at the office's midnight with no record changing: each day has its own pages.
        context.CacheVaryByRules.VaryByValues["day"] = clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (options.CurrentValue.DebugHeader)
        {
            var response = context.HttpContext.Response;
            response.OnStarting(() =>
            {
                response.Headers["X-Page-Cache"] = "hit";
                return Task.CompletedTask;
            });
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        var cacheControl = response.Headers.CacheControl;
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.SetCookie.Count > 0
            || HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.NoStoreString)
            || HeaderUtilities.ContainsCacheDirective(cacheControl, CacheControlHeaderValue.PrivateString)
            || !Equals(http.Items[StartedAt], purge.Sequence))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }

    private static bool IsAnonymousRead(HttpContext http) =>
        (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        && http.Request.Headers.Authorization.Count == 0
        && http.User.Identity?.IsAuthenticated != true;
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace AlmatyPortal.Web.Features.Feeds;

/// <summary>ETag and Last-Modified for machine endpoints, and the 304 answer when the client already has this version.</summary>
public static class ConditionalGet
{
    /// <summary>Sets the validators; true when the request's own validators match and a 304 should be sent.</summary>
    public static bool NotModified(HttpContext context, DateTime lastModifiedUtc, string versionKey)
    {
        var lastModified = new DateTimeOffset(DateTime.SpecifyKind(lastModifiedUtc, DateTimeKind.Utc)).AddTicks(-(lastModifiedUtc.Ticks % TimeSpan.TicksPerSecond));
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(versionKey)))[..20] + "\"";
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(etag);
        headers.LastModified = lastModified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };

        var request = context.Request.GetTypedHeaders();
        if (request.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Tag == "*" || t.Tag.Equals(etag, StringComparison.Ordinal));
        }
        return request.IfModifiedSince is { } since && lastModified <= since;
    }

    public static string Key(params object?[] parts) => string.Join('|', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
}

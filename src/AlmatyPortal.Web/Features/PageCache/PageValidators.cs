using System.IO.Hashing;
using Microsoft.IO;
using Microsoft.Net.Http.Headers;

namespace AlmatyPortal.Web.Features.PageCache;

/// <summary>
/// Gives each public page a strong ETag (a hash of the bytes sent, so each encoding has its own), answers a matching
/// If-None-Match with 304, and sets Cache-Control: public with stale-while-revalidate for readers, private for a signed-in
/// editor. It sits inside the output cache, so what it sets is stored with the page and replayed on every hit.
/// </summary>
/// <remarks>
/// The hash is XxHash128: an ETag only has to tell two versions of a page apart, not resist a forger, and a cryptographic
/// hash (SHA-256 before) cost a cache miss about 3 % of its throughput. The page is buffered in pooled 32 KiB blocks
/// (RecyclableMemoryStream), so a miss neither allocates and clears a new array for each page nor copies a page over
/// 16 KiB (most Russian articles) into a larger one; only the bytes written are ever hashed or sent.
/// </remarks>
internal sealed class PageValidators(RequestDelegate next, IOptionsMonitor<PageCacheOptions> options)
{
    /// <summary>Blocks kept for reuse: enough for 128 pages at once; a page past them takes fresh blocks, freed after it.</summary>
    private readonly RecyclableMemoryStreamManager _buffers = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 32 * 1024,
        MaximumSmallPoolFreeBytes = 128 * 32 * 1024,
        MaximumLargePoolFreeBytes = 4 * 1024 * 1024,
    });

    public async Task InvokeAsync(HttpContext context)
    {
        if (!PublicPagePolicy.IsPublicPage(context))
        {
            await next(context);
            return;
        }
        var response = context.Response;
        var original = response.Body;
        await using var buffer = _buffers.GetStream(nameof(PageValidators));
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }
        if (buffer.Length == 0)
        {
            // Nothing written: a 404 or a redirect whose page the status-code pages write later, or a 304 from a feed.
            return;
        }
        var page = buffer.GetReadOnlySequence();
        if (response.HasStarted)
        {
            // Something flushed early: the headers are gone, send the rest as it is.
            await SendAsync(page, original, context.RequestAborted);
            return;
        }
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var headers = response.Headers;
            if (context.User.Identity?.IsAuthenticated == true)
            {
                // An editor may see links readers do not; no shared cache may keep their copy.
                headers.CacheControl = "private, no-cache";
            }
            else if (headers.CacheControl.Count == 0)
            {
                var settings = options.CurrentValue;
                headers.CacheControl = $"public, max-age={settings.BrowserMaxAgeSeconds}, stale-while-revalidate={settings.StaleWhileRevalidateSeconds}";
            }
            if (headers.ETag.Count == 0)
            {
                var hash = new XxHash128();
                foreach (var block in page)
                {
                    hash.Append(block.Span);
                }
                headers.ETag = "\"" + Convert.ToBase64String(hash.GetCurrentHash()).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";
            }
            if (Matches(context.Request.Headers.IfNoneMatch, headers.ETag.ToString()))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                headers.ContentLength = null;
                headers.ContentType = default;
                return;
            }
        }
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            response.ContentLength = buffer.Length;
        }
        await SendAsync(page, original, context.RequestAborted);
    }

    private static async Task SendAsync(System.Buffers.ReadOnlySequence<byte> page, Stream to, CancellationToken ct)
    {
        foreach (var block in page)
        {
            await to.WriteAsync(block, ct);
        }
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.Count > 0 && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && tags.Any(t => t.Tag == "*" || t.Tag.Equals(etag, StringComparison.Ordinal));
}

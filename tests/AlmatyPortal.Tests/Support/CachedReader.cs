using System.Net;

namespace AlmatyPortal.Tests.Support;

/// <summary>
/// An anonymous reader of a portal started with PageCache:DebugHeader on, so each response says whether the output cache
/// served it (X-Page-Cache: hit).
/// </summary>
public sealed class CachedReader(PortalFactory portal)
{
    public static readonly Dictionary<string, string?> Settings = new() { ["PageCache:DebugHeader"] = "true" };

    private readonly HttpClient _client = portal.CreateReader();

    public static bool IsHit(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Page-Cache", out var values) && values.Contains("hit");

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url);

    /// <summary>Reads each page until the cache serves it, so a later read tells whether a change purged it.</summary>
    public async Task WarmAsync(params string[] urls)
    {
        foreach (var url in urls)
        {
            var first = await _client.GetAsync(url);
            Assert.True(first.StatusCode == HttpStatusCode.OK, $"{url}: {(int)first.StatusCode}");
            Assert.True(IsHit(await _client.GetAsync(url)), $"{url} was not served from the cache on the second read");
        }
    }

    /// <summary>The page as rendered now: asserts it did not come from the cache, and returns its text.</summary>
    public async Task<string> FreshAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.False(IsHit(response), $"{url} was still served from the cache after the change");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Asserts each page is still served from the cache: the change did not purge it.</summary>
    public async Task StillCachedAsync(params string[] urls)
    {
        foreach (var url in urls)
        {
            Assert.True(IsHit(await _client.GetAsync(url)), $"{url} was purged by a change that does not affect it");
        }
    }
}

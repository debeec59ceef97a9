namespace AlmatyPortal.Web.Features.PageCache;

/// <summary>How public pages are kept in the output cache and by shared caches in front; bound from the "PageCache" section.</summary>
public sealed class PageCacheOptions
{
    public const string SectionName = "PageCache";

    /// <summary>Serve anonymous public pages from the output cache. Off: every request is rendered.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The most memory the cached pages may use, in megabytes; the least used go first past it.</summary>
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>A page larger than this (in kilobytes, as sent) is served but not cached.</summary>
    public int MaximumPageKilobytes { get; set; } = 1024;

    /// <summary>
    /// How long a cached page may be served, in seconds. Every change purges the pages it affects at once, so this only
    /// bounds what depends on the clock alone (which conferences are "upcoming").
    /// </summary>
    public int DurationSeconds { get; set; } = 600;

    /// <summary>max-age for browsers and CDNs in front, in seconds.</summary>
    public int BrowserMaxAgeSeconds { get; set; } = 60;

    /// <summary>How long a CDN may serve a page past max-age while it fetches a fresh one, in seconds.</summary>
    public int StaleWhileRevalidateSeconds { get; set; } = 300;

    /// <summary>How often purges made by other processes on the same database are picked up, in seconds.</summary>
    public double PurgeLogPollSeconds { get; set; } = 2;

    /// <summary>Send X-Page-Cache: hit on responses served from the cache (for tests and diagnosis).</summary>
    public bool DebugHeader { get; set; }
}

internal sealed class PageCacheOptionsValidator : IValidateOptions<PageCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, PageCacheOptions options)
    {
        var failures = new List<string>();
        if (options.SizeLimitMegabytes is < 1 or > 16_384)
        {
            failures.Add($"PageCache:SizeLimitMegabytes must be between 1 and 16384 (it is {options.SizeLimitMegabytes}).");
        }
        if (options.MaximumPageKilobytes is < 16 or > 65_536)
        {
            failures.Add($"PageCache:MaximumPageKilobytes must be between 16 and 65536 (it is {options.MaximumPageKilobytes}).");
        }
        if (options.DurationSeconds is < 1 or > 86_400)
        {
            failures.Add($"PageCache:DurationSeconds must be between 1 and 86400 (it is {options.DurationSeconds}).");
        }
        if (options.BrowserMaxAgeSeconds is < 0 or > 86_400)
        {
            failures.Add($"PageCache:BrowserMaxAgeSeconds must be between 0 and 86400 (it is {options.BrowserMaxAgeSeconds}).");
        }
        if (options.StaleWhileRevalidateSeconds is < 0 or > 86_400)
        {
            failures.Add($"PageCache:StaleWhileRevalidateSeconds must be between 0 and 86400 (it is {options.StaleWhileRevalidateSeconds}).");
        }
        if (options.PurgeLogPollSeconds is < 0.05 or > 3600)
        {
            failures.Add($"PageCache:PurgeLogPollSeconds must be between 0.05 and 3600 (it is {options.PurgeLogPollSeconds}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

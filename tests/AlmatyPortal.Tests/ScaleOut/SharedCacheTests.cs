using System.Net;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.ScaleOut;

/// <summary>
/// Two instances on one PostgreSQL with their page cache in one real Redis: a page either cached is a hit on both,
/// a publish on one is on the other's next request, and losing Redis costs speed, never a page.
/// </summary>
public sealed class SharedCacheTests : IDisposable
{
    private readonly RedisServer _redis = new();
    private readonly PortalFactory _a;
    private readonly PortalFactory _b;

    public SharedCacheTests()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = _redis.ConnectionString,
            ["PageCache:DebugHeader"] = "true",
            // The purge log is not what these tests rely on: a purge must reach the other instance through Redis.
            ["PageCache:PurgeLogPollSeconds"] = "3600",
        };
        _a = new PortalFactory(null, settings, PortalDatabase.PostgreSql);
        _ = _a.Services;
        _b = _a.AnotherInstance(settings);
        _ = _b.Services;
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
        _redis.Dispose();
    }

    private static async Task<(bool Hit, HttpStatusCode Status, string Html)> ReadAsync(PortalFactory instance, string path)
    {
        var response = await instance.CreateReader().GetAsync(path);
        return (response.Headers.Contains("X-Page-Cache"), response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task PublishOnAAsync(string title, string slug)
    {
        var editor = await Staff.SignedInAsync(_a, StaffRoles.Editor);
        var section = await _a.WithDbAsync(db => db.Sections.Where(s => s.Slug == "news").Select(s => s.Id).SingleAsync());
        Editor.IdFrom(await Editor.PostAsync(editor, null, "Publish", Editor.Fields(title, "Text.", section, slug: slug)));
    }

    [Fact]
    public async Task A_page_cached_by_one_instance_is_a_hit_on_the_other_and_a_publish_on_one_shows_on_the_others_next_request()
    {
        var first = await ReadAsync(_b, "/news");
        var other = await ReadAsync(_a, "/news");
        var again = await ReadAsync(_b, "/news");

        await PublishOnAAsync("Shared cache bulletin", "shared-cache-bulletin");
        var after = await ReadAsync(_b, "/news");

        Assert.False(first.Hit);
        Assert.True(other.Hit, "the page B stored is served to A from Redis");
        Assert.True(again.Hit);
        Assert.False(after.Hit);
        Assert.Contains("Shared cache bulletin", after.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_that_loses_Redis_serves_every_page_from_the_database_and_nothing_stale_when_it_returns()
    {
        Assert.False((await ReadAsync(_a, "/news")).Hit);
        Assert.True((await ReadAsync(_a, "/news")).Hit);

        _redis.Pause();
        var during = new List<(bool Hit, HttpStatusCode Status, string Html)>();
        foreach (var path in new[] { "/", "/news", Seed.ArticleUrl, "/news", "/conferences", "/ru/news" })
        {
            during.Add(await ReadAsync(_a, path));
        }
        await PublishOnAAsync("Published while Redis was away", "published-while-redis-was-away");
        var afterPublish = await ReadAsync(_a, "/news");
        _redis.Resume();
        // Redis is tried again a few seconds after the outage began.
        _a.Clock.Set(DateTimeOffset.UtcNow.AddSeconds(30));
        var back = await ReadAsync(_a, "/news");
        var backAgain = await ReadAsync(_a, "/news");

        Assert.All(during, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(during, r => Assert.False(r.Hit));
        Assert.Contains("Published while Redis was away", afterPublish.Html, StringComparison.Ordinal);
        Assert.False(back.Hit, "the page cached before the outage was purged when Redis returned");
        Assert.Contains("Published while Redis was away", back.Html, StringComparison.Ordinal);
        Assert.True(backAgain.Hit, "the cache is in use again");
        var log = await LogFile.ReadAllAsync(Path.Combine(_a.DataPath, "logs"));
        Assert.Single(log, l => l.Contains("cannot be reached", StringComparison.Ordinal));
        Assert.DoesNotContain(log, l => l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal));
    }
}

using System.Net;
using AlmatyPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Integration;

public class DonateTests : IDisposable
{
    private readonly PortalFactory _portal;

    public DonateTests() : this(PortalDatabase.Sqlite)
    {
    }

    protected DonateTests(PortalDatabase database) => _portal = new(null, new Dictionary<string, string?>
    {
        ["Donate:Url"] = "https://donate.example.org/give",
        // These tests click from one address far more often than a reader would.
        ["Donate:CountsPerClientPerMinute"] = "1000",
    }, database);

    public void Dispose()
    {
        _portal.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<List<(DateOnly Day, string Source, int Count)>> ClicksAsync() =>
        _portal.WithDbAsync(async db => (await db.DonationClicks.AsNoTracking().ToListAsync())
            .Select(c => (c.Day, c.SourcePath, c.Count)).OrderBy(c => c.SourcePath, StringComparer.Ordinal).ToList());

    [Fact]
    public async Task Donate_redirects_to_the_configured_url_and_counts_the_click_per_page_and_day()
    {
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.Zero)); // 29 November in Almaty
        var client = _portal.CreateReader();

        var response = await client.GetAsync("/donate?from=" + Uri.EscapeDataString(Seed.ArticleUrl));
        await client.GetAsync("/donate?from=" + Uri.EscapeDataString(Seed.ArticleUrl));
        await client.GetAsync("/donate?from=%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://donate.example.org/give", response.Headers.Location?.ToString());
        Assert.Equal(
            [(new DateOnly(2026, 11, 29), "/", 1), (new DateOnly(2026, 11, 29), Seed.ArticleUrl, 2)],
            await ClicksAsync());
    }

    [Fact]
    public async Task A_new_day_starts_a_new_count()
    {
        var client = _portal.CreateReader();
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        await client.GetAsync("/donate?from=%2F");
        _portal.Clock.Set(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        await client.GetAsync("/donate?from=%2F");

        Assert.Equal([(new DateOnly(2026, 11, 27), "/", 1), (new DateOnly(2026, 11, 28), "/", 1)], (await ClicksAsync()).OrderBy(c => c.Day).ToList());
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/news/<script>")]
    [InlineData("")]
    public async Task A_hostile_or_missing_source_is_counted_as_unknown_and_still_redirects_to_the_configured_url(string from)
    {
        var response = await _portal.CreateReader().GetAsync("/donate?from=" + Uri.EscapeDataString(from));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://donate.example.org/give", response.Headers.Location?.ToString());
        Assert.Equal("(unknown)", Assert.Single(await ClicksAsync()).Source);
    }

    [Fact]
    public async Task The_source_is_kept_without_its_query_so_no_personal_data_is_stored()
    {
        await _portal.CreateReader().GetAsync("/donate?from=" + Uri.EscapeDataString(Seed.ArticleUrl + "?email=someone@example.org"));

        Assert.Equal(Seed.ArticleUrl, Assert.Single(await ClicksAsync()).Source);
    }

    [Fact]
    public async Task Concurrent_clicks_are_all_counted()
    {
        var client = _portal.CreateReader();

        var responses = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => client.GetAsync("/donate?from=%2Fconferences")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(25, Assert.Single(await ClicksAsync()).Count);
    }
}

/// <summary>The same donate counting (one upsert per click) on PostgreSQL.</summary>
public sealed class DonateOnPostgreSqlTests() : DonateTests(PortalDatabase.PostgreSql);

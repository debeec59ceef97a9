using System.Net;
using AlmatyPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Security;

/// <summary>/donate counts only real public pages, and only so often per client, while every click still redirects.</summary>
public sealed class DonateLimitTests : IDisposable
{
    private readonly PortalFactory _portal = new(null, new Dictionary<string, string?> { ["Donate:CountsPerClientPerMinute"] = "5" });

    public void Dispose() => _portal.Dispose();

    private Task<List<(string Source, int Count)>> ClicksAsync() =>
        _portal.WithDbAsync(async db => (await db.DonationClicks.AsNoTracking().ToListAsync())
            .Select(c => (c.SourcePath, c.Count)).OrderBy(c => c.SourcePath, StringComparer.Ordinal).ToList());

    [Fact]
    public async Task Invented_paths_are_counted_as_unknown_and_add_no_rows()
    {
        var client = _portal.CreateReader();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/donate?from=/x/{Guid.NewGuid():N}")).StatusCode);
        }

        Assert.Equal([("(unknown)", 5)], await ClicksAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/news")]
    [InlineData("/ru/news")]
    [InlineData(Seed.ArticleUrl)]
    [InlineData(Seed.ConferenceUrl)]
    [InlineData("/conferences")]
    [InlineData("/sections/news")]
    [InlineData("/tags/refugee-protection")]
    [InlineData("/news/archive/2011/3")]
    public async Task A_real_public_page_is_counted_under_its_own_path(string from)
    {
        await _portal.CreateReader().GetAsync("/donate?from=" + Uri.EscapeDataString(from));

        Assert.Equal([(from, 1)], await ClicksAsync());
    }

    [Theory]
    [InlineData("/news/no-such-article")]
    [InlineData("/conferences/no-such-conference")]
    [InlineData("/admin")]
    [InlineData("/kk/news")]
    public async Task A_path_that_is_no_public_page_is_unknown(string from)
    {
        await _portal.CreateReader().GetAsync("/donate?from=" + Uri.EscapeDataString(from));

        Assert.Equal([("(unknown)", 1)], await ClicksAsync());
    }

    [Fact]
    public async Task One_client_is_counted_at_most_the_configured_times_a_minute_but_every_click_redirects()
    {
        var client = _portal.CreateReader();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            responses.Add(await client.GetAsync("/donate?from=%2F"));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal([("/", 5)], await ClicksAsync());
    }
}

using System.Net;
using AlmatyPortal.Tests.Support;

namespace AlmatyPortal.Tests.Caching;

/// <summary>
/// Every public address answers HEAD as it answers GET: a CDN, a link checker or a feed reader asks HEAD to see whether
/// a feed, sitemap or calendar changed. The pages did; the machine endpoints answered 405. (Kestrel sends no body to a
/// HEAD; the test server sends what was written, so the body is not checked here.)
/// </summary>
public sealed class HeadRequestTests : IClassFixture<HeadRequestTests.Portal>
{
    public sealed class Portal : IDisposable
    {
        public PortalFactory Factory { get; } = new(null);

        public void Dispose() => Factory.Dispose();
    }

    private readonly PortalFactory _portal;

    public HeadRequestTests(Portal portal) => _portal = portal.Factory;

    [Theory]
    [InlineData("/")]
    [InlineData(Seed.ArticleUrl)]
    [InlineData("/robots.txt")]
    [InlineData("/sitemap.xml")]
    [InlineData("/feeds/news.rss")]
    [InlineData("/ru/feeds/news.atom")]
    [InlineData("/conferences/calendar.ics")]
    [InlineData("/conferences/" + Seed.ConferenceSlug + ".ics")]
    [InlineData("/api/v1/articles")]
    public async Task A_head_request_gets_the_status_type_and_length_of_a_get(string url)
    {
        var client = _portal.CreateReader();

        var get = await client.GetAsync(url);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Equal((await get.Content.ReadAsByteArrayAsync()).Length, head.Content.Headers.ContentLength);
    }
}

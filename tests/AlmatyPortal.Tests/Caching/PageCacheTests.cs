using System.Net;
using System.Net.Http.Headers;
using AlmatyPortal.Tests.Support;
using AlmatyPortal.Web.Features.Accounts;

namespace AlmatyPortal.Tests.Caching;

/// <summary>What the output cache serves, to whom, and what it never keeps.</summary>
public sealed class PageCacheTests : IDisposable
{
    private readonly PortalFactory _portal = new(null, CachedReader.Settings);

    public void Dispose() => _portal.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/news")]
    [InlineData("/news?page=1")]
    [InlineData("/sections/news")]
    [InlineData("/tags/migration")]
    [InlineData("/news/archive")]
    [InlineData("/news/archive/2011/03")]
    [InlineData(Seed.ArticleUrl)]
    [InlineData("/conferences")]
    [InlineData(Seed.ConferenceUrl)]
    [InlineData("/processes")]
    [InlineData("/processes/almaty-process")]
    [InlineData("/feeds/processes/almaty-process.atom")]
    [InlineData("/search?q=almaty")]
    [InlineData("/feeds/news.rss")]
    [InlineData("/feeds/sections/news.atom")]
    [InlineData("/feeds/tags/migration.rss")]
    [InlineData("/sitemap.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/conferences/calendar.ics")]
    [InlineData("/conferences/" + Seed.ConferenceSlug + ".ics")]
    [InlineData("/ru/")]
    [InlineData("/ru/news/" + Seed.RussianArticleSlug)]
    [InlineData("/ru/conferences/" + Seed.RussianConferenceSlug)]
    public async Task A_public_page_read_twice_is_served_from_the_cache_without_a_query(string url)
    {
        var reader = _portal.CreateReader();
        var first = await reader.GetAsync(url);
        using var counter = new QueryCounter(_portal);

        var second = await reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(CachedReader.IsHit(first));
        Assert.True(CachedReader.IsHit(second));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Empty(counter.Commands);
    }

    [Fact]
    public async Task A_signed_in_editor_is_never_served_a_cached_page_and_never_stores_one()
    {
        var editor = await Staff.SignedInAsync(_portal, StaffRoles.Editor);
        var reader = _portal.CreateReader();
        await reader.GetAsync(Seed.ArticleUrl);

        var first = await editor.GetAsync(Seed.ArticleUrl);
        var second = await editor.GetAsync("/news");
        var third = await editor.GetAsync("/news");

        Assert.All([first, second, third], r => Assert.False(CachedReader.IsHit(r)));
        Assert.All([first, second, third], r => Assert.False(r.Headers.CacheControl?.Public ?? true, "an editor's page must not be public"));
        Assert.All([first, second, third], r => Assert.True(r.Headers.CacheControl is { NoCache: true } or { Private: true } or { NoStore: true }));
        Assert.False(CachedReader.IsHit(await reader.GetAsync("/news")), "the editor's read of /news was stored for readers");
    }

    [Fact]
    public async Task The_sign_in_page_with_its_antiforgery_token_is_never_cached()
    {
        var reader = _portal.CreateReader();

        var first = await reader.GetAsync("/account/login");
        var second = await reader.GetAsync("/account/login");

        Assert.False(CachedReader.IsHit(second));
        Assert.Contains("no-store", second.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Donate_clicks_are_all_counted_and_never_served_from_the_cache()
    {
        var reader = _portal.CreateReader();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            responses.Add(await reader.GetAsync("/donate?from=" + Uri.EscapeDataString(Seed.ArticleUrl)));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.False(CachedReader.IsHit(r)));
        Assert.Equal(3, await _portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SumAsync(db.DonationClicks, c => c.Count)));
    }

    [Theory]
    [InlineData("/news/no-such-article")]
    [InlineData("/admin")]
    [InlineData("/healthz")]
    public async Task Errors_staff_pages_and_machine_checks_are_not_cached(string url)
    {
        var reader = _portal.CreateReader();

        await reader.GetAsync(url);
        var second = await reader.GetAsync(url);

        Assert.False(CachedReader.IsHit(second));
    }

    [Fact]
    public async Task A_post_to_a_public_address_is_not_answered_from_the_cache()
    {
        var reader = _portal.CreateReader();
        await reader.GetAsync("/news");
        Assert.True(CachedReader.IsHit(await reader.GetAsync("/news")));

        var post = await reader.PostAsync("/news", new FormUrlEncodedContent([]));

        Assert.False(CachedReader.IsHit(post));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }

    [Fact]
    public async Task Query_keys_a_page_does_not_read_share_its_entry_and_those_it_reads_do_not()
    {
        var reader = _portal.CreateReader();
        await reader.GetAsync("/news?x=1");

        var otherUnknown = await reader.GetAsync("/news?x=" + Guid.NewGuid().ToString("N"));
        var noQuery = await reader.GetAsync("/news");
        var search = await reader.GetAsync("/search?q=almaty");
        var otherSearch = await reader.GetAsync("/search?q=refugee");

        Assert.True(CachedReader.IsHit(otherUnknown));
        Assert.True(CachedReader.IsHit(noQuery));
        Assert.False(CachedReader.IsHit(otherSearch));
        Assert.NotEqual(await search.Content.ReadAsStringAsync(), await otherSearch.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_page_answers_a_matching_If_None_Match_with_304_and_a_stale_one_with_the_page()
    {
        var reader = _portal.CreateReader();
        var first = await reader.GetAsync(Seed.ArticleUrl);
        var etag = first.Headers.ETag;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, Seed.ArticleUrl);
        conditional.Headers.IfNoneMatch.Add(etag!);
        var notModified = await reader.SendAsync(conditional);
        using var stale = new HttpRequestMessage(HttpMethod.Get, Seed.ArticleUrl);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-version\""));
        var full = await reader.SendAsync(stale);

        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(etag, full.Headers.ETag);
    }

    [Fact]
    public async Task A_page_larger_than_the_buffer_s_blocks_is_sent_whole_with_the_etag_of_all_its_bytes()
    {
        using var content = new ContentFolder();
        var paragraphs = Enumerable.Range(1, 5000).Select(i => $"Paragraph {i} of the long record, kept word for word.");
        content.WriteArticle("2012-06-01-long.md", "title: A long record\nsection: news\nstatus: published\npublish_date: 2012-06-01T09:00:00+06:00",
            string.Join("\n\n", paragraphs));
        using var portal = new PortalFactory(content.Path, CachedReader.Settings);
        var reader = portal.CreateReader();

        var miss = await reader.GetAsync("/news/a-long-record");
        var hit = await reader.GetAsync("/news/a-long-record");
        var bytes = await miss.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        Assert.InRange(bytes.Length, 256 * 1024, int.MaxValue);
        Assert.Equal(bytes.Length, miss.Content.Headers.ContentLength);
        Assert.Contains("Paragraph 5000 of the long record", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.EndsWith("</html>", System.Text.Encoding.UTF8.GetString(bytes).TrimEnd(), StringComparison.Ordinal);
        var hash = Convert.ToBase64String(System.IO.Hashing.XxHash128.Hash(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal($"\"{hash}\"", miss.Headers.ETag?.Tag);
        Assert.True(CachedReader.IsHit(hit));
        Assert.Equal(bytes, await hit.Content.ReadAsByteArrayAsync());
        Assert.Equal(miss.Headers.ETag, hit.Headers.ETag);
    }

    [Fact]
    public async Task A_page_not_yet_cached_also_answers_If_None_Match_with_304()
    {
        var etag = (await _portal.CreateReader().GetAsync("/conferences")).Headers.ETag!;
        using var other = new PortalFactory(null, CachedReader.Settings);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/conferences");
        conditional.Headers.IfNoneMatch.Add(etag);

        var response = await other.CreateReader().SendAsync(conditional);

        Assert.False(CachedReader.IsHit(response));
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Each_encoding_is_cached_compressed_with_its_own_etag_and_identity_clients_get_plain_bytes()
    {
        var reader = _portal.CreateReader();

        async Task<HttpResponseMessage> Get(string? encoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Seed.ArticleUrl);
            if (encoding is not null)
            {
                request.Headers.AcceptEncoding.ParseAdd(encoding);
            }
            return await reader.SendAsync(request);
        }
        var br = await Get("br");
        var brAgain = await Get("br");
        var gzip = await Get("gzip");
        var gzipAgain = await Get("gzip");
        var plain = await Get(null);
        var plainAgain = await Get(null);

        Assert.Equal(["br", "br"], [.. br.Content.Headers.ContentEncoding, .. brAgain.Content.Headers.ContentEncoding]);
        Assert.Equal(["gzip", "gzip"], [.. gzip.Content.Headers.ContentEncoding, .. gzipAgain.Content.Headers.ContentEncoding]);
        Assert.Empty(plainAgain.Content.Headers.ContentEncoding);
        Assert.Equal([false, true, false, true, false, true], new[] { br, brAgain, gzip, gzipAgain, plain, plainAgain }.Select(CachedReader.IsHit));
        Assert.Equal(3, new[] { br, gzip, plain }.Select(r => r.Headers.ETag!.Tag).Distinct().Count());
        Assert.Contains("UNHCR convenes", await plainAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var decoded = new System.IO.Compression.BrotliStream(await brAgain.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        Assert.Equal(await plainAgain.Content.ReadAsStringAsync(), await new StreamReader(decoded).ReadToEndAsync());
    }

    [Fact]
    public async Task Public_pages_let_a_cdn_keep_them_briefly_and_serve_stale_while_revalidating()
    {
        var response = await _portal.CreateReader().GetAsync("/news");
        var hit = await _portal.CreateReader().GetAsync("/news");

        Assert.Equal("public, max-age=60, stale-while-revalidate=300", response.Headers.CacheControl?.ToString());
        Assert.Equal("public, max-age=60, stale-while-revalidate=300", hit.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_cache_keeps_no_more_than_its_configured_size()
    {
        using var small = new PortalFactory(null, new Dictionary<string, string?>(CachedReader.Settings) { ["PageCache:SizeLimitMegabytes"] = "1" });
        var reader = small.CreateReader();
        var urls = Enumerable.Range(0, 700).Select(i => $"/search?q=almaty{i}").ToList();
        var bytes = 0L;
        foreach (var url in urls)
        {
            bytes += (await (await reader.GetAsync(url)).Content.ReadAsByteArrayAsync()).Length;
        }

        // Newest first: those still kept are hits before the misses of older ones push them out.
        var hits = 0;
        foreach (var url in Enumerable.Reverse(urls))
        {
            hits += CachedReader.IsHit(await reader.GetAsync(url)) ? 1 : 0;
        }

        Assert.True(bytes > 2 * 1024 * 1024, $"the pages read must exceed the limit twice over to test it ({bytes} bytes)");
        Assert.InRange(hits, 1, (int)(1024 * 1024 / (bytes / urls.Count)));
    }

    [Fact]
    public async Task An_invalid_cache_setting_stops_start_up_with_a_message_naming_it()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["PageCache:SizeLimitMegabytes"] = "0" });

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateReader());

        Assert.Contains("PageCache:SizeLimitMegabytes must be between 1 and 16384 (it is 0).", error.ToString(), StringComparison.Ordinal);
    }
}

using System.Net;
using AlmatyPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlmatyPortal.Tests.Security;

/// <summary>A foreign Host header never reaches a page, and the security headers are what a production site needs.</summary>
public sealed class HostAndHeaderTests
{
    private static HttpClient ClientFor(PortalFactory portal, string baseAddress) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });

    [Theory]
    [InlineData("/")]
    [InlineData(Seed.ArticleUrl)]
    [InlineData("/feeds/news.rss")]
    [InlineData("/sitemap.xml")]
    public async Task Without_a_public_url_a_foreign_host_is_refused_and_never_written_into_a_response(string url)
    {
        using var portal = new PortalFactory(null);

        var response = await ClientFor(portal, "http://attacker.example").GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("attacker.example", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(true, response.Headers.CacheControl?.Public);
    }

    [Fact]
    public async Task Without_a_public_url_the_portal_still_answers_on_localhost()
    {
        using var portal = new PortalFactory(null);

        var html = await ClientFor(portal, "http://localhost").GetStringAsync(Seed.ArticleUrl);

        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost" + Seed.ArticleUrl + "\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_public_url_its_host_is_answered_and_a_foreign_host_is_refused()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:PublicUrl"] = "https://news.example.org" });

        var own = await ClientFor(portal, "https://news.example.org").GetAsync("/");
        var foreign = await ClientFor(portal, "https://attacker.example").GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
    }

    [Fact]
    public async Task Hosts_named_in_allowed_hosts_are_answered_too()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["AllowedHosts"] = "intranet.example.org" });

        var response = await ClientFor(portal, "http://intranet.example.org").GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_content_security_policy_forbids_any_base_element()
    {
        using var portal = new PortalFactory(null);

        var response = await portal.CreateReader().GetAsync("/");

        Assert.Contains("base-uri 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_the_site_asks_browsers_to_keep_to_https_for_a_year()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:PublicUrl"] = "https://news.example.org" });

        var secure = await ClientFor(portal, "https://news.example.org").GetAsync("/");
        var plain = await ClientFor(portal, "http://news.example.org").GetAsync("/");

        Assert.Contains("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("https://localhost", true)]
    [InlineData("http://localhost", false)]
    public async Task The_antiforgery_cookie_is_secure_whenever_the_request_is_https(string baseAddress, bool secure)
    {
        using var portal = new PortalFactory(null);

        var response = await ClientFor(portal, baseAddress).GetAsync("/account/login");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }
}

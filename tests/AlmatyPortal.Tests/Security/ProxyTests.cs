using System.Net;
using AlmatyPortal.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Tests.Security;

/// <summary>X-Forwarded-For and -Proto are believed from configured proxies only.</summary>
public sealed class ProxyTests
{
    private const string Reader = "198.51.100.9";

    private static async Task<string?> AddressOfFailedSignInAsync(PortalFactory portal, string? forwardedFor, string? forwardedProto = null)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var token = await Staff.TokenAsync(client, "/account/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = Staff.Form(token, ("Email", "nobody@example.org"), ("Password", "wrong password")),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        return await portal.WithDbAsync(db => db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.IpAddress).FirstAsync());
    }

    [Fact]
    public async Task A_forged_forwarded_for_from_an_unknown_peer_is_ignored()
    {
        using var portal = new PortalFactory(null);

        Assert.Equal(ClientAddress.Address.ToString(), await AddressOfFailedSignInAsync(portal, Reader));
    }

    [Fact]
    public async Task Behind_a_known_proxy_the_audit_log_records_the_readers_address()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:KnownProxies"] = ClientAddress.Address.ToString() });

        Assert.Equal(Reader, await AddressOfFailedSignInAsync(portal, Reader));
    }

    [Fact]
    public async Task A_known_network_is_trusted_like_a_known_proxy()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:KnownNetworks"] = "203.0.113.0/24" });

        Assert.Equal(Reader, await AddressOfFailedSignInAsync(portal, Reader));
    }

    [Fact]
    public async Task Sign_in_is_throttled_per_reader_behind_the_proxy_not_per_proxy()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:KnownProxies"] = ClientAddress.Address.ToString() });
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var token = await Staff.TokenAsync(client, "/account/login");

        async Task<HttpStatusCode> AttemptAsync(string reader)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = Staff.Form(token, ("Email", "x@example.org"), ("Password", "wrong")) };
            request.Headers.Add("X-Forwarded-For", reader);
            return (await client.SendAsync(request)).StatusCode;
        }

        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            first.Add(await AttemptAsync(Reader));
        }
        var other = await AttemptAsync("198.51.100.10");

        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.Equal(HttpStatusCode.OK, other);
    }

    [Fact]
    public void A_known_proxy_that_is_not_an_address_stops_start_up_naming_the_setting()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:KnownProxies"] = "not-an-address" });

        var error = Assert.ThrowsAny<Exception>(() => portal.CreateReader());
        Assert.Contains("Portal:KnownProxies: 'not-an-address' is not an IP address", Integration.StartupValidationTests.Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_known_proxies_setting_is_allowed_and_believes_no_forwarded_header()
    {
        using var portal = new PortalFactory(null, new Dictionary<string, string?> { ["Portal:KnownProxies"] = "" });

        Assert.Equal(ClientAddress.Address.ToString(), await AddressOfFailedSignInAsync(portal, Reader));
    }
}

using System.Net;
using System.Net.Sockets;
using AlmatyPortal.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AlmatyPortal.Tests.Operations;

/// <summary>
/// The published portal behind a real nginx from Debian. Loopback has room for several addresses, so the reader
/// (127.0.0.3), nginx's side towards the portal (127.0.0.4) and another reader (127.0.0.5) are told apart.
/// </summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private const string ReaderAddress = "127.0.0.3";
    private const string ProxyAddress = "127.0.0.4";
    private const string OtherReader = "127.0.0.5";
    private const string PublicHost = "news.example.org";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "almaty-proxy", Guid.NewGuid().ToString("N"));
    private ServerProcess _portal = null!;
    private System.Diagnostics.Process? _nginx;
    private int _nginxPort;

    public Task InitializeAsync() => StartOrStop.RunAsync(StartAsync, DisposeAsync);

    private async Task StartAsync()
    {
        Directory.CreateDirectory(_root);
        _portal = await PublishedPortal.StartAsync(Path.Combine(_root, "data"), null,
            $"--Portal:KnownProxies={ProxyAddress}", $"--Portal:PublicUrl=https://{PublicHost}");
        _nginxPort = PublishedPortal.FreePort();
        // As README's "Running in production" shows it, with TLS ended in front of nginx (X-Forwarded-Proto https).
        _nginx = await Nginx.StartAsync(_root, _nginxPort, $$"""
                server {
                    listen 127.0.0.1:{{_nginxPort}};
                    location / {
                        proxy_pass http://127.0.0.1:{{_portal.Port}};
                        proxy_bind {{ProxyAddress}};
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto https;
                    }
                }
            """);
    }

    public Task DisposeAsync()
    {
        Nginx.Stop(_nginx);
        _portal?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder; best effort.
        }
        return Task.CompletedTask;
    }

    /// <summary>A client whose connections come from a given loopback address, asking for the public host.</summary>
    private static HttpClient From(string source, int port)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            // The cookies nginx's https carries back are Secure; this client speaks plain http to nginx, so it
            // returns them by hand, as the browser on the far side of the TLS terminator would.
            UseCookies = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Host = PublicHost;
        return client;
    }

    private static async Task<HttpStatusCode> FailedSignInAsync(HttpClient client, string? forgedFor = null)
    {
        var page = await client.GetAsync("/account/login");
        var html = await page.Content.ReadAsStringAsync();
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = Staff.Form(token, ("Email", "nobody@example.org"), ("Password", "wrong password")),
        };
        request.Headers.Add("Cookie", cookies);
        if (forgedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forgedFor);
        }
        return (await client.SendAsync(request)).StatusCode;
    }

    private async Task<string?> LastAuditAddressAsync()
    {
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_root, "data", "portal.db")};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT IpAddress FROM AuditEntries ORDER BY Id DESC LIMIT 1";
        return (string?)await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task Through_nginx_the_audit_log_records_the_readers_own_address_even_when_the_reader_forges_one()
    {
        using var client = From(ReaderAddress, _nginxPort);

        Assert.Equal(HttpStatusCode.OK, await FailedSignInAsync(client, forgedFor: "198.51.100.66"));

        Assert.Equal(ReaderAddress, await LastAuditAddressAsync());
    }

    [Fact]
    public async Task Straight_to_the_portal_a_forged_forwarded_for_is_ignored()
    {
        using var client = From(ReaderAddress, _portal.Port);

        Assert.Equal(HttpStatusCode.OK, await FailedSignInAsync(client, forgedFor: "198.51.100.66"));

        Assert.Equal(ReaderAddress, await LastAuditAddressAsync());
    }

    [Fact]
    public async Task Through_nginx_the_https_scheme_is_honoured_for_cookies_and_hsts_and_straight_access_is_plain_http()
    {
        using var proxied = From(ReaderAddress, _nginxPort);
        using var direct = From(ReaderAddress, _portal.Port);

        var viaProxy = await proxied.GetAsync("/account/login");
        var straight = await direct.GetAsync("/account/login");

        Assert.Contains("; secure", viaProxy.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=31536000", viaProxy.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("; secure", straight.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_is_throttled_per_reader_behind_nginx_while_another_reader_still_gets_through()
    {
        using var reader = From(ReaderAddress, _nginxPort);
        using var other = From(OtherReader, _nginxPort);

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            codes.Add(await FailedSignInAsync(reader));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, codes[^1]);
        Assert.Equal(HttpStatusCode.OK, await FailedSignInAsync(other));
    }

    [Fact]
    public async Task Through_nginx_a_foreign_host_is_refused()
    {
        using var client = From(ReaderAddress, _nginxPort);
        client.DefaultRequestHeaders.Host = "attacker.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/")).StatusCode);
    }
}

using System.Diagnostics;
using System.Net;
using AlmatyPortal.Tests.Support;
using Npgsql;

namespace AlmatyPortal.Tests.Operations;

/// <summary>
/// The scale-out stack as README's "Scale out" runs it on one machine: PostgreSQL, Redis, two published instances
/// started together, and nginx in front with deploy/almaty-portal.nginx.conf (only its ports and TLS lines changed). A
/// reader and an editor use it through nginx while one instance is killed with SIGKILL.
/// </summary>
public sealed class ScaleOutStackTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string PublicHost = "www.example.org";
    private const string AdminEmail = "chief@example.org";
    private const string AdminPassword = "a long passphrase for the chief";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "almaty-stack", Guid.NewGuid().ToString("N"));
    private readonly RedisServer _redis = new();
    private readonly string _database = PostgreSqlServer.CreateDatabase();
    private ServerProcess _a = null!;
    private ServerProcess _b = null!;
    private Process? _nginx;
    private int _nginxPort;

    public Task InitializeAsync() => StartOrStop.RunAsync(StartAsync, async () =>
    {
        await DisposeAsync();
        Dispose();
    });

    private async Task StartAsync()
    {
        Directory.CreateDirectory(_root);
        string[] settings =
        [
            "--Portal:Database=PostgreSQL", $"--ConnectionStrings:Portal={_database}", $"--ConnectionStrings:Redis={_redis.ConnectionString}",
            $"--Portal:MediaPath={Path.Combine(_root, "media")}", "--Portal:KnownProxies=127.0.0.1", $"--Portal:PublicUrl=https://{PublicHost}",
            $"--Admin:Email={AdminEmail}", $"--Admin:Password={AdminPassword}",
        ];
        // Started together, as systemd starts them after a boot, on an empty database.
        Task<ServerProcess>[] starting =
        [
            PublishedPortal.StartAsync(Path.Combine(_root, "a"), null, settings),
            PublishedPortal.StartAsync(Path.Combine(_root, "b"), null, settings),
        ];
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            // One that started is stopped with the rest if the other did not.
            (_a, _b) = (Started(starting[0]), Started(starting[1]));
        }

        _nginxPort = PublishedPortal.FreePort();
        var deployed = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(PortalFactory.RepositoryContent)!, "deploy", "almaty-portal.nginx.conf"));
        var site = deployed
            .Replace("127.0.0.1:5001", $"127.0.0.1:{_a.Port}", StringComparison.Ordinal)
            .Replace("127.0.0.1:5002", $"127.0.0.1:{_b.Port}", StringComparison.Ordinal)
            .Replace("listen 443 ssl;", $"listen 127.0.0.1:{_nginxPort};", StringComparison.Ordinal)
            // TLS ends in front of this nginx in the test, as in ReverseProxyTests.
            .Replace("$scheme;", "https;", StringComparison.Ordinal);
        site = string.Join('\n', site.Split('\n').Where(l => !l.TrimStart().StartsWith("ssl_certificate", StringComparison.Ordinal)));
        Assert.Contains($"127.0.0.1:{_b.Port}", site, StringComparison.Ordinal);
        _nginx = await Nginx.StartAsync(_root, _nginxPort, site);
    }

    private static ServerProcess Started(Task<ServerProcess> start) => start.IsCompletedSuccessfully ? start.Result : null!;

    public Task DisposeAsync()
    {
        Nginx.Stop(_nginx);
        _a?.Dispose();
        _b?.Dispose();
        PostgreSqlServer.DropDatabase(_database);
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

    /// <summary>After <see cref="DisposeAsync"/> has stopped the instances.</summary>
    public void Dispose() => _redis.Dispose();

    /// <summary>A browser reaching the site through nginx; it keeps its cookies (https ends in front of nginx).</summary>
    private HttpClient Browser() => new(new Cookies(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }))
    {
        BaseAddress = new Uri($"http://127.0.0.1:{_nginxPort}"),
        DefaultRequestHeaders = { Host = PublicHost },
        Timeout = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task Killing_one_instance_costs_readers_at_most_the_requests_in_flight_and_loses_nothing_acknowledged()
    {
        var editor = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(editor, AdminEmail, AdminPassword)).StatusCode);
        int section;
        await using (var db = new NpgsqlConnection(_database))
        {
            await db.OpenAsync();
            await using var query = new NpgsqlCommand("""SELECT "Id" FROM "Sections" WHERE "Slug" = 'news'""", db);
            section = (int)(await query.ExecuteScalarAsync())!;
        }

        const int Readers = 4;
        var stop = new CancellationTokenSource();
        var killedAt = long.MaxValue;
        var readerResults = new List<(long At, int Status)>();
        string[] paths = ["/", "/news", Seed.ArticleUrl, "/ru/news", "/conferences", Seed.ConferenceUrl];
        var readers = Enumerable.Range(0, Readers).Select(r => Task.Run(async () =>
        {
            using var reader = Browser();
            for (var i = r; !stop.IsCancellationRequested; i++)
            {
                int status;
                try
                {
                    status = (int)(await reader.GetAsync(paths[i % paths.Length])).StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }
                lock (readerResults)
                {
                    readerResults.Add((Stopwatch.GetTimestamp(), status));
                }
            }
        })).ToList();
        var acknowledged = new List<(string Slug, long At)>();
        var editing = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                try
                {
                    var saved = await Editor.PostAsync(editor, null, "Publish", Editor.Fields($"Stack story {n}", $"Story {n}.", section, slug: $"stack-story-{n}"));
                    if (saved.StatusCode == HttpStatusCode.Redirect)
                    {
                        acknowledged.Add(($"stack-story-{n}", Stopwatch.GetTimestamp()));
                    }
                }
                catch (HttpRequestException)
                {
                    // Not acknowledged: the editor would see an error and save again.
                }
            }
        });

        await Task.Delay(TimeSpan.FromSeconds(3));
        killedAt = Stopwatch.GetTimestamp();
        _b.Kill();
        await Task.Delay(TimeSpan.FromSeconds(4));
        await stop.CancelAsync();
        await Task.WhenAll([.. readers, editing]);

        var failures = readerResults.Where(r => r.Status is 0 or >= 500).ToList();
        output.WriteLine($"{readerResults.Count} reader requests ({readerResults.Count(r => r.At > killedAt)} after the kill), {failures.Count} failed; " +
            $"{acknowledged.Count} articles acknowledged ({acknowledged.Count(a => a.At > killedAt)} after the kill)");
        Assert.True(failures.Count <= Readers, $"{failures.Count} reader requests failed: {string.Join(", ", failures.Select(f => f.Status))}");
        Assert.Contains(readerResults, r => r.At > killedAt && r.Status == 200);
        Assert.Contains(acknowledged, a => a.At > killedAt);
        using var check = Browser();
        foreach (var (slug, _) in acknowledged)
        {
            Assert.Equal(HttpStatusCode.OK, (await check.GetAsync("/news/" + slug)).StatusCode);
        }
    }

    /// <summary>Keeps the cookies a response sets and sends them back, whatever their Secure flag (TLS ends in front).</summary>
    private sealed class Cookies(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly Dictionary<string, string> _jar = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_jar)
            {
                if (_jar.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", _jar.Select(c => $"{c.Key}={c.Value}")));
                }
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                lock (_jar)
                {
                    foreach (var cookie in cookies)
                    {
                        var pair = cookie.Split(';', 2)[0];
                        var equals = pair.IndexOf('=', StringComparison.Ordinal);
                        _jar[pair[..equals]] = pair[(equals + 1)..];
                    }
                }
            }
            return response;
        }
    }
}

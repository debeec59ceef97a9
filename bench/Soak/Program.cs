using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using SkiaSharp;
using Soak;

// The crash, load and sign-in timing runs of issue 10, against the published portal as real processes.
//   dotnet run --project bench/Soak -c Release -- crash  <AlmatyPortal.Web.dll> <content> [rounds]
//   dotnet run --project bench/Soak -c Release -- load   <AlmatyPortal.Web.dll> <content> [seconds] [readers] [editors]
//   dotnet run --project bench/Soak -c Release -- timing <AlmatyPortal.Web.dll> <content> [tries]
// bench/soak.sh publishes the portal and runs all three.
if (args.Length < 3)
{
    Console.Error.WriteLine("Usage: Soak crash|load|timing <AlmatyPortal.Web.dll> <content folder> [count]");
    return 2;
}
var (mode, dll, content) = (args[0], Path.GetFullPath(args[1]), Path.GetFullPath(args[2]));
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var data = Path.Combine(Path.GetTempPath(), "almaty-soak", Guid.NewGuid().ToString("N"));
if (await Portal.RunCommandAsync(dll, data, Shared.Password, "users", "add", "--email", Shared.AdminEmail, "--role", "Admin") != 0)
{
    Console.Error.WriteLine("could not create the staff account");
    return 1;
}
try
{
    return mode switch
    {
        "crash" => await Crash.RunAsync(dll, data, content, Arg(3, 10)),
        "load" => await Load.RunAsync(dll, data, content, Arg(3, 120), Arg(4, 50), Arg(5, 3)),
        "timing" => await Timing.RunAsync(dll, data, content, Arg(3, 20)),
        _ => 2,
    };
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(data, recursive: true);
}

internal static class Shared
{
    public const string AdminEmail = "soak-admin@example.org";
    public const string Password = "soak password that is long";

    public static async Task<int> NewsSectionAsync(string data)
    {
        await using var db = Open(data);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT Id FROM Sections WHERE Slug = 'news'";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static SqliteConnection Open(string data)
    {
        var db = new SqliteConnection($"Data Source={Path.Combine(data, "portal.db")};Pooling=False");
        db.Open();
        return db;
    }

    public static (string, string)[] Article(string title, string slug, int section, int version = 0) =>
    [
        ("Input.Title", title), ("Input.Slug", slug), ("Input.Summary", "Soak test."), ("Input.Body", "Written by the soak harness."),
        ("Input.SectionId", section.ToString(CultureInfo.InvariantCulture)), ("Input.Tags", ""), ("Input.PublishAt", ""),
        ("Input.FeaturedImageId", ""), ("Input.Version", version.ToString(CultureInfo.InvariantCulture)),
    ];

    public static byte[] Jpeg(int n)
    {
        using var bitmap = new SKBitmap(64, 48);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)(n * 37), (byte)(n * 91 >> 2), (byte)(n * 13 >> 1)));
            using var paint = new SKPaint { Color = new SKColor((byte)(n % 251), (byte)(n / 251 % 251), 200) };
            canvas.DrawRect(n % 40, n / 40 % 30, 12, 9, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return encoded.ToArray();
    }
}

/// <summary>kill -9 at random moments while an editor publishes and uploads; then every acknowledged write must be whole.</summary>
internal static class Crash
{
    public static async Task<int> RunAsync(string dll, string data, string content, int rounds)
    {
        var articles = new List<(int Id, string Slug)>();
        var uploads = new List<string>();
        var random = new Random(10);
        var n = 0;
        using var portal = new Portal(dll, data, content);
        for (var round = 1; round <= rounds; round++)
        {
            await portal.StartAsync();
            var section = await Shared.NewsSectionAsync(data);
            using var staff = new StaffClient(portal.Url);
            await staff.SignInAsync(Shared.AdminEmail, Shared.Password);
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var slug = $"crash-{Interlocked.Increment(ref n)}";
                    var token = await staff.TokenAsync("/admin/articles/edit");
                    var response = await staff.SendAsync(HttpMethod.Post, "/admin/articles/edit?handler=Publish", StaffClient.Form(token, Shared.Article(slug, slug, section)));
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        var id = int.Parse(response.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
                        lock (articles) { articles.Add((id, slug)); }
                    }
                }
            });
            var uploader = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var i = Interlocked.Increment(ref n);
                    var token = await staff.TokenAsync("/admin/media");
                    using var form = new MultipartFormDataContent
                    {
                        { new ByteArrayContent(Shared.Jpeg(i)), "Upload", $"soak-{i}.jpg" },
                        { new StringContent("A test image"), "Details.AltText" },
                        { new StringContent("© Soak"), "Details.Credit" },
                        { new StringContent(token), "__RequestVerificationToken" },
                    };
                    var response = await staff.SendAsync(HttpMethod.Post, "/admin/media?handler=Upload", form);
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        lock (uploads) { uploads.Add($"soak-{i}"); }
                    }
                }
            });
            await Task.Delay(random.Next(1000, 4000));
            portal.Kill();
            await stop.CancelAsync();
            foreach (var task in new[] { writer, uploader })
            {
                try { await task; } catch (HttpRequestException) { } catch (TaskCanceledException) { } catch (IOException) { }
            }
            Console.WriteLine($"round {round}: killed; {articles.Count} articles and {uploads.Count} uploads acknowledged so far");
        }
        // The last start recovers (WAL replay, media sweep); then the checks read what is on disk.
        await portal.StartAsync();
        portal.Kill();
        return await CheckAsync(data, articles, uploads);
    }

    private static async Task<int> CheckAsync(string data, List<(int Id, string Slug)> articles, List<string> uploads)
    {
        var problems = new List<string>();
        await using var db = Shared.Open(data);
        async Task<string> Scalar(string sql)
        {
            await using var command = db.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
        }
        var integrity = await Scalar("PRAGMA integrity_check");
        if (integrity != "ok") { problems.Add("integrity_check: " + integrity); }
        foreach (var (id, slug) in articles)
        {
            if (await Scalar($"SELECT COUNT(*) FROM Articles a JOIN ArticleRevisions r ON r.ArticleId = a.Id WHERE a.Id = {id} AND a.Slug = '{slug}'") == "0")
            {
                problems.Add($"acknowledged article {id} ({slug}) is missing or has no revision");
            }
        }
        foreach (var name in uploads)
        {
            if (await Scalar($"SELECT COUNT(*) FROM Media WHERE Name = '{name}'") == "0") { problems.Add($"acknowledged upload {name} is missing"); }
        }
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = db.CreateCommand())
        {
            command.CommandText = "SELECT FileName, Variants FROM Media";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                referenced.Add(reader.GetString(0));
                foreach (var variant in reader.GetString(1).Split(';', StringSplitOptions.RemoveEmptyEntries)) { referenced.Add(variant.Split('=')[1]); }
            }
        }
        var media = Path.Combine(data, "media");
        var onDisk = Directory.GetFiles(media).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(referenced.Where(f => !onDisk.Contains(f)).Select(f => $"a row points at the missing file {f}"));
        problems.AddRange(onDisk.Where(f => !referenced.Contains(f!)).Select(f => $"no row names the file {f}"));
        Console.WriteLine($"checked {articles.Count} acknowledged articles, {uploads.Count} acknowledged uploads, {referenced.Count} media files: {(problems.Count == 0 ? "all present, integrity_check ok, no orphan and no missing file" : problems.Count + " problems")}");
        problems.ForEach(p => Console.WriteLine("  " + p));
        return problems.Count == 0 ? 0 : 1;
    }
}

/// <summary>Readers and editors together for a while: no 5xx, readers never throttled, sign-in throttled.</summary>
internal static class Load
{
    private static readonly string[] Pages =
    [
        "/", "/news", "/news?page=2", "/conferences", "/news/archive", "/ru", "/ru/news", "/search?q=refugee", "/feeds/news.rss", "/sitemap.xml",
        "/news/unhcr-convenes-regional-conference-on-refugee-protection-and-migration",
        "/conferences/refugee-protection-and-international-migration-almaty-2011",
    ];

    public static async Task<int> RunAsync(string dll, string data, string content, int seconds, int readers, int editors)
    {
        using var portal = new Portal(dll, data, content);
        await portal.StartAsync();
        var section = await Shared.NewsSectionAsync(data);
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        void Count(string key) => counts.AddOrUpdate(key, 1, (_, v) => v + 1);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var tasks = new List<Task>();
        using var shared = new HttpClient { BaseAddress = new Uri(portal.Url), Timeout = TimeSpan.FromSeconds(30) };
        for (var r = 0; r < readers; r++)
        {
            var seed = r;
            tasks.Add(Task.Run(async () =>
            {
                var random = new Random(seed);
                while (!stop.IsCancellationRequested)
                {
                    var response = await shared.GetAsync(Pages[random.Next(Pages.Length)]);
                    Count((int)response.StatusCode >= 500 ? "reader 5xx" : response.StatusCode == HttpStatusCode.TooManyRequests ? "reader throttled" : "reads");
                }
            }));
        }
        for (var e = 0; e < editors; e++)
        {
            var me = e;
            tasks.Add(Task.Run(async () =>
            {
                using var staff = new StaffClient(portal.Url);
                await staff.SignInAsync(Shared.AdminEmail, Shared.Password);
                var version = 0;
                var id = 0;
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var path = id == 0 ? "/admin/articles/edit" : $"/admin/articles/edit/{id}";
                    var token = await staff.TokenAsync(path);
                    // Every third save starts from an old version, as an editor with a stale tab would.
                    var sent = i % 3 == 2 ? Math.Max(1, version - 1) : version;
                    var response = await staff.SendAsync(HttpMethod.Post, path + "?handler=Save", StaffClient.Form(token, Shared.Article($"Load {me}", $"load-{me}", section, sent)));
                    if (response.StatusCode == HttpStatusCode.Redirect)
                    {
                        id = int.Parse(response.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
                        version = sent + 1;
                        Count("saves");
                    }
                    else
                    {
                        Count((int)response.StatusCode >= 500 ? "editor 5xx" : response.StatusCode == HttpStatusCode.Conflict ? "conflicts" : $"editor {(int)response.StatusCode}");
                    }
                }
            }));
        }
        tasks.Add(Task.Run(async () =>
        {
            using var attacker = new StaffClient(portal.Url);
            while (!stop.IsCancellationRequested)
            {
                var status = await attacker.SignInAsync(Shared.AdminEmail, "guessing " + Guid.NewGuid());
                Count(status == HttpStatusCode.TooManyRequests ? "sign-in throttled" : (int)status >= 500 ? "sign-in 5xx" : "sign-in tried");
                await Task.Delay(200);
            }
        }));
        try { await Task.WhenAll(tasks); } catch (TaskCanceledException) { }
        foreach (var (key, value) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"{key,-20} {value,10}");
        }
        var ok = counts.GetValueOrDefault("reader 5xx") == 0 && counts.GetValueOrDefault("editor 5xx") == 0 && counts.GetValueOrDefault("sign-in 5xx") == 0
            && counts.GetValueOrDefault("reader throttled") == 0 && counts.GetValueOrDefault("sign-in throttled") > 0;
        Console.WriteLine($"{seconds} s, {readers} readers, {editors} editors: {(ok ? "0 5xx, readers never throttled, sign-in throttled" : "FAILED")}");
        return ok ? 0 : 1;
    }
}

/// <summary>Median time of a failed sign-in for a real account and for an unknown email, each try from its own address.</summary>
internal static class Timing
{
    public static async Task<int> RunAsync(string dll, string data, string content, int tries)
    {
        using var portal = new Portal(dll, data, content);
        // Each try comes "through" the local proxy from its own address, so the sign-in limit of 10 a minute per
        // address stays out of the measurement.
        await portal.StartAsync("--Portal:KnownProxies=127.0.0.1");
        var times = new Dictionary<string, List<double>> { ["wrong password"] = [], ["unknown email"] = [] };
        for (var i = 0; i < tries * 2 + 4; i++)
        {
            var kind = i % 2 == 0 ? "wrong password" : "unknown email";
            using var staff = new StaffClient(portal.Url);
            var from = $"198.51.{i / 250}.{i % 250 + 1}";
            var token = await staff.TokenAsync("/account/login", from);
            var email = kind == "wrong password" ? Shared.AdminEmail : $"nobody-{i}@example.org";
            var clock = Stopwatch.StartNew();
            await staff.SendAsync(HttpMethod.Post, "/account/login", StaffClient.Form(token, ("Email", email), ("Password", "not it")), from);
            clock.Stop();
            if (i >= 4)
            {
                // The first two of each are warm-up (JIT, first hash).
                times[kind].Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        foreach (var (kind, list) in times)
        {
            list.Sort();
            Console.WriteLine($"{kind,-16} median {list[list.Count / 2],7:0.0} ms  (n={list.Count}, min {list[0]:0.0}, max {list[^1]:0.0})");
        }
        return 0;
    }
}

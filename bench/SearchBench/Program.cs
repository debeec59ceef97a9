// Search benchmark: generates N published articles in a fresh SQLite database, times the index rebuild, then times a
// fixed mix of queries through the portal's own SearchQueries and reports median and p95.
//   dotnet run -c Release --project bench/SearchBench -- [articles=100000] [rounds=20]
using System.Diagnostics;
using System.Globalization;
using AlmatyPortal.Web.Features.Search;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var data = Path.Combine(Path.GetTempPath(), "almaty-search-bench", Guid.NewGuid().ToString("N"));

var builder = WebApplication.CreateBuilder([$"--Portal:DataPath={data}", "--Portal:ImportOnStartup=false", "--Serilog:MinimumLevel:Default=Warning"]);
builder.AddPortal();
await using var app = builder.Build();
foreach (var service in app.Services.GetServices<IHostedService>().OfType<IHostedLifecycleService>())
{
    await service.StartingAsync(CancellationToken.None);
}

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
    await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Sections" ("Slug", "Name", "SortOrder") VALUES ('news', 'News', 1)""");
    var generate = Stopwatch.StartNew();
    await Generate(db, count);
    Console.WriteLine($"generated {count:N0} articles in {generate.Elapsed.TotalSeconds:F1} s");
}

await using (var scope = app.Services.CreateAsyncScope())
{
    var rebuild = Stopwatch.StartNew();
    var indexed = await scope.ServiceProvider.GetRequiredService<SearchIndex>().RebuildAsync();
    Console.WriteLine($"rebuild: {indexed:N0} documents in {rebuild.Elapsed.TotalSeconds:F1} s");
}

string[] queries =
[
    "refugee", "declaration", "almaty process", "migration border", "statelessness registration", "capacity building",
    "trafficking children", "zz", "protection asylum integration", "декларация", "conference 2011", "minister",
];
var timings = new List<double>();
await using (var scope = app.Services.CreateAsyncScope())
{
    var search = scope.ServiceProvider.GetRequiredService<SearchQueries>();
    foreach (var q in queries)
    {
        await search.SearchAsync(new SearchRequest("en", q, null, null, null, 1), 10, CancellationToken.None);
    }
    for (var round = 0; round < rounds; round++)
    {
        foreach (var q in queries)
        {
            var watch = Stopwatch.StartNew();
            var results = await search.SearchAsync(new SearchRequest("en", q, null, null, round % 3 == 2 ? 2015 : null, 1 + round % 2), 10, CancellationToken.None);
            timings.Add(watch.Elapsed.TotalMilliseconds);
            if (round == 0)
            {
                Console.WriteLine($"  '{q}': {results.Total:N0} hits");
            }
        }
    }
}
timings.Sort();
double Percentile(double p) => timings[(int)Math.Min(timings.Count - 1, Math.Ceiling(p * timings.Count) - 1)];
Console.WriteLine($"queries: {timings.Count} runs, median {Percentile(0.5):F2} ms, p95 {Percentile(0.95):F2} ms, max {timings[^1]:F2} ms");
Console.WriteLine($"database: {new FileInfo(Path.Combine(data, "portal.db")).Length / (1024.0 * 1024):F0} MB on disk");
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(data, recursive: true);

static async Task Generate(PortalDbContext db, int count)
{
    var random = new Random(2011);
    string[] common = ["refugee", "protection", "migration", "border", "asylum", "integration", "conference", "regional", "government", "cooperation",
        "declaration", "almaty", "process", "capacity", "building", "trafficking", "children", "statelessness", "registration", "minister",
        "central", "asia", "office", "report", "meeting", "support", "rights", "people", "displacement", "return"];
    var words = common.Concat(Enumerable.Range(0, 3000).Select(i => "word" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
    string Text(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[(int)Math.Min(words.Length - 1, Math.Abs(random.NextDouble() * random.NextDouble() * words.Length))]));

    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = """
        INSERT INTO "Articles" ("Language", "TranslationGroup", "Slug", "Title", "Summary", "BodyMarkdown", "BodyHtml", "Status", "PublishAt", "SectionId", "CreatedAt", "UpdatedAt", "Version")
        VALUES ('en', $group, $slug, $title, $summary, $body, $html, 'Published', $at, 1, $at, $at, 1)
        """;
    string[] names = ["$group", "$slug", "$title", "$summary", "$body", "$html", "$at"];
    var parameters = names.Select(n => { var p = command.CreateParameter(); p.ParameterName = n; command.Parameters.Add(p); return p; }).ToArray();
    for (var i = 0; i < count; i++)
    {
        var body = Text(150);
        parameters[0].Value = Guid.NewGuid().ToString().ToUpperInvariant();
        parameters[1].Value = "article-" + i.ToString(CultureInfo.InvariantCulture);
        parameters[2].Value = Text(8);
        parameters[3].Value = Text(25);
        parameters[4].Value = body;
        parameters[5].Value = "<p>" + body + "</p>";
        parameters[6].Value = new DateTime(2010, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i * 80);
        await command.ExecuteNonQueryAsync();
    }
    await transaction.CommitAsync();
    await connection.CloseAsync();
}

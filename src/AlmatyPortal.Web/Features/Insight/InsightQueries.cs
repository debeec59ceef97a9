using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AlmatyPortal.Web.Features.Insight;

/// <summary>The reads behind the insight dashboard and its CSV export: reads and donate clicks by day and by page.</summary>
public sealed partial class InsightQueries(PortalDbContext db, OfficeClock clock)
{
    public const int ChartDays = 30;

    public async Task<InsightView> DashboardAsync(CancellationToken ct)
    {
        var until = clock.Today;
        var since = until.AddDays(-(ChartDays - 1));
        var daily = await db.Set<PageRead>().AsNoTracking().Where(r => r.Day >= since)
            .GroupBy(r => new { r.Day, r.IsBot }).Select(g => new { g.Key.Day, g.Key.IsBot, Count = g.Sum(r => r.Count) }).ToListAsync(ct);
        var dailyClicks = await db.DonationClicks.AsNoTracking().Where(c => c.Day >= since)
            .GroupBy(c => c.Day).Select(g => new { Day = g.Key, Count = g.Sum(c => c.Count) }).ToListAsync(ct);
        var days = Enumerable.Range(0, ChartDays).Select(i => since.AddDays(i)).ToList();
        IReadOnlyList<DayCount> Series(Func<DateOnly, int> count) => days.Select(d => new DayCount(d, count(d))).ToList();

        var byPage = await PagesAsync(since, until, ct);
        var titles = await TitlesAsync(byPage.Select(p => p.Path), ct);
        PageLine Line(PageTotals p) => new(p.Path, titles.GetValueOrDefault(p.Path), p.Reads, p.BotReads, p.Clicks);
        return new InsightView(since, until,
            Series(d => daily.Where(x => x.Day == d && !x.IsBot).Sum(x => x.Count)),
            Series(d => daily.Where(x => x.Day == d && x.IsBot).Sum(x => x.Count)),
            Series(d => dailyClicks.Where(x => x.Day == d).Sum(x => x.Count)),
            byPage.Where(p => ArticlePath().IsMatch(p.Path) && p.Reads > 0).OrderByDescending(p => p.Reads).ThenBy(p => p.Path, StringComparer.Ordinal).Take(20).Select(Line).ToList(),
            byPage.Where(p => p.Clicks > 0).OrderByDescending(p => p.Clicks).ThenBy(p => p.Path, StringComparer.Ordinal).Take(50).Select(Line).ToList());
    }

    /// <summary>The days from <paramref name="days"/> ago to today as CSV, a line per day and page: reads by people and bots, donate clicks.</summary>
    public async Task<string> CsvAsync(int days, CancellationToken ct)
    {
        var since = clock.Today.AddDays(-(days - 1));
        var reads = await db.Set<PageRead>().AsNoTracking().Where(r => r.Day >= since).ToListAsync(ct);
        var clicks = await db.DonationClicks.AsNoTracking().Where(c => c.Day >= since).Select(c => new { c.Day, c.SourcePath, c.Count }).ToListAsync(ct);
        var lines = reads.Select(r => (r.Day, r.Path)).Concat(clicks.Select(c => (c.Day, Path: c.SourcePath))).Distinct()
            .OrderBy(l => l.Day).ThenBy(l => l.Path, StringComparer.Ordinal).ToList();
        var titles = await TitlesAsync(lines.Select(l => l.Path).Distinct(), ct);
        // Each count looked up by its key, so a year of pages is one pass, not a scan a line.
        var readCounts = reads.ToDictionary(r => (r.Day, r.Path, r.IsBot), r => r.Count);
        var clickCounts = clicks.ToDictionary(c => (c.Day, c.SourcePath), c => c.Count);
        var csv = new StringBuilder("day,path,title,reads,bot_reads,donate_clicks\r\n");
        foreach (var (day, path) in lines)
        {
            csv.Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(Cell(path)).Append(',')
                .Append(Cell(titles.GetValueOrDefault(path) ?? "")).Append(',')
                .Append(readCounts.GetValueOrDefault((day, path, false)).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(readCounts.GetValueOrDefault((day, path, true)).ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(clickCounts.GetValueOrDefault((day, path)).ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }
        return csv.ToString();
    }

    private async Task<List<PageTotals>> PagesAsync(DateOnly since, DateOnly until, CancellationToken ct)
    {
        var reads = await db.Set<PageRead>().AsNoTracking().Where(r => r.Day >= since && r.Day <= until)
            .GroupBy(r => new { r.Path, r.IsBot }).Select(g => new { g.Key.Path, g.Key.IsBot, Count = g.Sum(r => r.Count) }).ToListAsync(ct);
        var clicks = await db.DonationClicks.AsNoTracking().Where(c => c.Day >= since && c.Day <= until)
            .GroupBy(c => c.SourcePath).Select(g => new { Path = g.Key, Count = g.Sum(c => c.Count) }).ToListAsync(ct);
        var readCounts = reads.ToDictionary(r => (r.Path, r.IsBot), r => r.Count);
        var clickCounts = clicks.ToDictionary(c => c.Path, c => c.Count);
        return readCounts.Keys.Select(k => k.Path).Concat(clickCounts.Keys).Distinct()
            .Select(path => new PageTotals(path, readCounts.GetValueOrDefault((path, false)), readCounts.GetValueOrDefault((path, true)), clickCounts.GetValueOrDefault(path)))
            .ToList();
    }

    /// <summary>The titles of the articles, conferences and processes among the paths, in one query each kind.</summary>
    private async Task<Dictionary<string, string>> TitlesAsync(IEnumerable<string> paths, CancellationToken ct)
    {
        var records = paths.Select(p => (Path: p, Match: RecordPath().Match(Cultures.Translate(p, Languages.Default)), Language: Cultures.LanguageOf(p)))
            .Where(r => r.Match.Success).Select(r => (r.Path, Kind: r.Match.Groups["kind"].Value, Slug: r.Match.Groups["slug"].Value, r.Language)).ToList();
        var slugs = records.Select(r => r.Slug).Distinct().ToList();
        var found = new List<(string Kind, string Language, string Slug, string Title)>();
        if (records.Any(r => r.Kind == "news"))
        {
            found.AddRange((await db.Articles.AsNoTracking().Where(a => slugs.Contains(a.Slug)).Select(a => new { a.Language, a.Slug, a.Title }).ToListAsync(ct))
                .Select(a => ("news", a.Language, a.Slug, a.Title)));
        }
        if (records.Any(r => r.Kind == "conferences"))
        {
            found.AddRange((await db.Conferences.AsNoTracking().Where(c => slugs.Contains(c.Slug)).Select(c => new { c.Language, c.Slug, c.Title }).ToListAsync(ct))
                .Select(c => ("conferences", c.Language, c.Slug, c.Title)));
        }
        if (records.Any(r => r.Kind == "processes"))
        {
            found.AddRange((await db.Processes.AsNoTracking().Where(p => slugs.Contains(p.Slug)).Select(p => new { p.Language, p.Slug, p.Name }).ToListAsync(ct))
                .Select(p => ("processes", p.Language, p.Slug, p.Name)));
        }
        return records.Select(r => (r.Path, Title: found.FirstOrDefault(f => f.Kind == r.Kind && f.Language == r.Language && f.Slug == r.Slug).Title))
            .Where(r => r.Title is not null).ToDictionary(r => r.Path, r => r.Title);
    }

    // A cell a spreadsheet will not run: quoted, quotes doubled, and a leading = + - @ made plain text.
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private sealed record PageTotals(string Path, int Reads, int BotReads, int Clicks);

    [GeneratedRegex(@"^(/[a-z]{2})?/news/(?!archive(/|$))[a-z0-9-]+$")]
    private static partial Regex ArticlePath();

    [GeneratedRegex(@"^/(?<kind>news|conferences|processes)/(?<slug>[a-z0-9-]{1,120})$")]
    private static partial Regex RecordPath();
}

/// <summary>One day's count.</summary>
public sealed record DayCount(DateOnly Day, int Count);

/// <summary>A page's reads and donate clicks over the dashboard's days; its title when it is a record.</summary>
public sealed record PageLine(string Path, string? Title, int Reads, int BotReads, int Clicks)
{
    /// <summary>Donate clicks per 1,000 reads by people; null without reads.</summary>
    public double? ClicksPerThousand => Reads == 0 ? null : Clicks * 1000.0 / Reads;
}

/// <summary>What the insight dashboard shows: 30 days of reads (people and bots) and donate clicks, the most-read articles, and donate clicks by page.</summary>
public sealed record InsightView(DateOnly Since, DateOnly Until, IReadOnlyList<DayCount> Reads, IReadOnlyList<DayCount> BotReads, IReadOnlyList<DayCount> Clicks,
    IReadOnlyList<PageLine> MostRead, IReadOnlyList<PageLine> DonateClicks);

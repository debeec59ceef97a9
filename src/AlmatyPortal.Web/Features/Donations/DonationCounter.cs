using System.Text.RegularExpressions;

namespace AlmatyPortal.Web.Features.Donations;

/// <summary>
/// Counts donate clicks per source page and day, atomically, storing nothing about the reader. Only real public pages
/// are counted under their own path; anything else is "(unknown)", so invented paths cannot add rows.
/// </summary>
public sealed partial class DonationCounter(PortalDbContext db, OfficeClock clock)
{
    public const int SourcePathMaxLength = 200;
    public const string UnknownSource = "(unknown)";

    /// <summary>Keeps only a local page path made of URL-safe characters; anything else counts as unknown.</summary>
    public static string NormaliseSource(string? from)
    {
        if (string.IsNullOrEmpty(from))
        {
            return UnknownSource;
        }
        var path = from.Split('?', '#')[0];
        return path.Length <= SourcePathMaxLength && LocalPath().IsMatch(path) ? path : UnknownSource;
    }

    public async Task CountAsync(string? from, CancellationToken ct)
    {
        var normalised = NormaliseSource(from);
        var source = await PublicPageAsync(normalised, ct) ? normalised : UnknownSource;
        var day = clock.Today;
        // One statement, so concurrent clicks never lose a count.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "DonationClicks" ("Day", "SourcePath", "Count") VALUES ({day}, {source}, 1) ON CONFLICT ("Day", "SourcePath") DO UPDATE SET "Count" = "DonationClicks"."Count" + 1""",
            ct);
    }

    /// <summary>Whether a path is one of the site's public pages: a list, or a record that exists (one indexed read at most).</summary>
    private async Task<bool> PublicPageAsync(string path, CancellationToken ct)
    {
        if (path == UnknownSource)
        {
            return false;
        }
        var language = Cultures.LanguageOf(path);
        var bare = Cultures.Translate(path, Languages.Default);
        if (bare is "/" or "/news" or "/conferences" or "/processes" or "/search" || ArchivePath().IsMatch(bare))
        {
            return true;
        }
        var match = RecordPath().Match(bare);
        if (!match.Success)
        {
            return false;
        }
        var slug = match.Groups["slug"].Value;
        return match.Groups["kind"].Value switch
        {
            "news" => await db.Articles.AnyAsync(a => a.Slug == slug && a.Language == language && a.Status == PublicationStatus.Published, ct),
            "conferences" => await db.Conferences.AnyAsync(c => c.Slug == slug && c.Language == language && c.Status == PublicationStatus.Published, ct),
            "processes" => await db.Processes.AnyAsync(p => p.Slug == slug && p.Language == language && p.Status == PublicationStatus.Published, ct),
            "sections" => await db.Sections.AnyAsync(s => s.Slug == slug, ct),
            _ => await db.Tags.AnyAsync(t => t.Slug == slug, ct),
        };
    }

    [GeneratedRegex(@"^/(?!/)[A-Za-z0-9\-._~/%]*$")]
    private static partial Regex LocalPath();

    [GeneratedRegex(@"^/news/archive(/\d{4}(/\d{1,2})?)?$")]
    private static partial Regex ArchivePath();

    [GeneratedRegex(@"^/(?<kind>news|conferences|processes|sections|tags)/(?<slug>[a-z0-9-]{1,120})$")]
    private static partial Regex RecordPath();
}

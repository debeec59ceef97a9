using System.Text.RegularExpressions;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Web.Features.Donations;

/// <summary>Counts donate clicks per source page and day, atomically, storing nothing about the reader.</summary>
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
        var source = NormaliseSource(from);
        var day = clock.Today;
        // One statement, so concurrent clicks never lose a count.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "DonationClicks" ("Day", "SourcePath", "Count") VALUES ({day}, {source}, 1) ON CONFLICT ("Day", "SourcePath") DO UPDATE SET "Count" = "Count" + 1""",
            ct);
    }

    [GeneratedRegex(@"^/(?!/)[A-Za-z0-9\-._~/%]*$")]
    private static partial Regex LocalPath();
}

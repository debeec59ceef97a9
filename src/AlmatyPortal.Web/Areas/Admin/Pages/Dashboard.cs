using AlmatyPortal.Web.Features.Articles;

namespace AlmatyPortal.Web.Areas.Admin.Pages;

/// <summary>What the admin dashboard shows: drafts, scheduled (with overdue ones flagged), recent publishing, donate clicks.</summary>
public sealed class Dashboard(PortalDbContext db, ArticleForms forms, ArticleTranslations translations, Features.Conferences.ConferenceTranslations conferenceTranslations, OfficeClock clock)
{
    public async Task<DashboardView> LoadAsync(CancellationToken ct)
    {
        var drafts = await forms.ListAsync(PublicationStatus.Draft, 20, ct);
        var scheduled = await forms.ListAsync(PublicationStatus.Scheduled, 20, ct);
        var published = await forms.ListAsync(PublicationStatus.Published, 10, ct);
        var since = clock.Today.AddDays(-29);
        var clicks = await db.DonationClicks.AsNoTracking().Where(c => c.Day >= since)
            .GroupBy(c => c.SourcePath).Select(g => new { Source = g.Key, Clicks = g.Sum(c => c.Count) })
            .OrderByDescending(s => s.Clicks).ThenBy(s => s.Source).Take(50)
            .Select(s => new DonateSource(s.Source, s.Clicks)).ToListAsync(ct);
        var overdueBefore = clock.UtcNow.AddMinutes(-1);
        return new DashboardView(drafts, scheduled, published, clicks, scheduled.Where(a => a.PublishAt < overdueBefore).Select(a => a.Id).ToHashSet(),
            await translations.OutOfDateAsync(ct), await conferenceTranslations.OutOfDateAsync(ct));
    }
}

public sealed record DashboardView(
    IReadOnlyList<ArticleRow> Drafts, IReadOnlyList<ArticleRow> Scheduled, IReadOnlyList<ArticleRow> Published,
    IReadOnlyList<DonateSource> DonateClicks, IReadOnlySet<int> Overdue, IReadOnlyList<OutOfDateTranslation> OutOfDate,
    IReadOnlyList<(int Id, string Title, string Language)> OutOfDateConferences)
{
    public int TotalClicks => DonateClicks.Sum(c => c.Clicks);
}

public sealed record DonateSource(string SourcePath, int Clicks);

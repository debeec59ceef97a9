using System.Linq.Expressions;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>
/// The conference lists (upcoming soonest first, past latest first), compiled once so that a miss on the home page or
/// the conference list does not look them up in EF's query cache again. One per host, not static: a compiled query
/// belongs to the model it first ran on (see <see cref="News.NewsLists"/>).
/// </summary>
public sealed class ConferenceLists
{
    // What a list shows of each conference.
    private static readonly Expression<Func<Conference, ConferenceSummary>> Summary =
        c => new ConferenceSummary(c.Slug, c.Title, c.Summary, c.StartDate, c.EndDate, c.City, c.Country == null ? null : c.Country.Name);

    /// <summary>Published conferences in the language that end on or after the day, soonest first, at most count.</summary>
    public Func<PortalDbContext, string, DateOnly, int, IAsyncEnumerable<ConferenceSummary>> Upcoming { get; } =
        EF.CompileAsyncQuery((PortalDbContext db, string language, DateOnly today, int count) =>
            db.Conferences.AsNoTracking()
                .Where(c => c.Language == language && c.Status == PublicationStatus.Published && c.EndDate >= today)
                .OrderBy(c => c.StartDate)
                .Select(Summary)
                .Take(count));

    /// <summary>Published conferences in the language that ended before the day, latest first, at most count.</summary>
    public Func<PortalDbContext, string, DateOnly, int, IAsyncEnumerable<ConferenceSummary>> Past { get; } =
        EF.CompileAsyncQuery((PortalDbContext db, string language, DateOnly today, int count) =>
            db.Conferences.AsNoTracking()
                .Where(c => c.Language == language && c.Status == PublicationStatus.Published && c.EndDate < today)
                .OrderByDescending(c => c.StartDate)
                .Select(Summary)
                .Take(count));
}

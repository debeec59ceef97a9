using System.Globalization;
using AlmatyPortal.Web.Features.Feeds;
using AlmatyPortal.Web.Features.PageCache;

namespace AlmatyPortal.Web.Features.Calendar;

/// <summary>A .ics file for each conference record, and a calendar feed of them all.</summary>
public static class CalendarEndpoints
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendars(this IEndpointRouteBuilder routes)
    {
        foreach (var language in Languages.Supported)
        {
            MapCalendars(routes, Cultures.Prefix(language));
        }
        return routes;
    }

    private static void MapCalendars(IEndpointRouteBuilder routes, string prefix)
    {
        routes.MapGet(prefix + "/conferences/calendar.ics", async (HttpContext http, PortalDbContext db, SiteLinks links, IOptions<PortalOptions> options, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var events = await EventsAsync(db, http.Language(), null, ct);
            http.TagPage([PageTags.Conferences(http.Language()), .. PageTags.Names(events.Select(e => e.Country))]);
            return Answer(http, events, t["{0}: regional conferences", t[options.Value.SiteName]], links, t, "calendar");
        }).CachedAsPublicPage();
        routes.MapGet(prefix + "/conferences/{slug}.ics", async (string slug, HttpContext http, PortalDbContext db, SiteLinks links, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        {
            var events = await EventsAsync(db, http.Language(), slug, ct);
            http.TagPage([.. events.Select(e => PageTags.Conference(e.Id)), .. PageTags.Names(events.Select(e => e.Country))]);
            return events.Count == 0 ? Results.NotFound() : Answer(http, events, events[0].Title, links, t, slug, download: $"{slug}.ics");
        }).CachedAsPublicPage();
    }

    private static IResult Answer(HttpContext http, IReadOnlyList<CalendarEvent> events, string name, SiteLinks links, IStringLocalizer t, string key, string? download = null)
    {
        var updated = events.Select(e => e.UpdatedAt).DefaultIfEmpty(DateTime.UnixEpoch).Max();
        if (ConditionalGet.NotModified(http, updated, ConditionalGet.Key("ics", key, updated.Ticks, events.Count)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var calendar = new ICalendar(name);
        foreach (var e in events)
        {
            var place = string.Join(", ", new[] { e.Venue, e.City, e.Country is null ? null : t[e.Country].Value }.Where(p => !string.IsNullOrWhiteSpace(p)));
            calendar.AllDayEvent($"conference-{e.Id.ToString(CultureInfo.InvariantCulture)}@almatyportal", e.StartDate, e.EndDate, e.UpdatedAt,
                e.Title, place, e.Summary, links.Absolute(Cultures.Prefix(http.Language()) + SitePaths.Conference(e.Slug)));
        }
        if (download is not null)
        {
            http.Response.Headers.ContentDisposition = $"inline; filename=\"{download}\"";
        }
        return Results.Text(calendar.ToString(), ContentType);
    }

    private static async Task<List<CalendarEvent>> EventsAsync(PortalDbContext db, string language, string? slug, CancellationToken ct)
    {
        var query = db.Conferences.AsNoTracking().Where(c => c.Language == language && c.Status == PublicationStatus.Published);
        if (slug is not null)
        {
            query = query.Where(c => c.Slug == slug);
        }
        return await query.OrderBy(c => c.StartDate).Take(500)
            .Select(c => new CalendarEvent(c.Id, c.Slug, c.Title, c.Summary, c.StartDate, c.EndDate, c.Venue, c.City, c.Country == null ? null : c.Country.Name, c.UpdatedAt))
            .ToListAsync(ct);
    }

    private sealed record CalendarEvent(int Id, string Slug, string Title, string Summary, DateOnly StartDate, DateOnly EndDate, string? Venue, string City, string? Country, DateTime UpdatedAt);
}

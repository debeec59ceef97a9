
namespace AlmatyPortal.Web.Infrastructure;

/// <summary>The time as the regional office sees it: today's date and article dates in the office's time zone.</summary>
public sealed class OfficeClock(TimeProvider clock, IOptions<PortalOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>The office's time zone (Portal:TimeZone), as the system names it.</summary>
    public string ZoneId => _zone.Id;

    public DateOnly Today => DateDisplay.LocalDay(UtcNow, _zone);

    /// <summary>
    /// An office-local date and time (as a datetime-local field sends it) in UTC. A time the clock skips when it moves
    /// forward is read at the offset in force before the change (02:30 on a night that goes from 02:00 to 03:00 is the
    /// instant the clock then shows as 03:30), where the conversion itself would throw; a time it shows twice when it
    /// moves back is the later one.
    /// </summary>
    public DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (!_zone.IsInvalidTime(unspecified))
        {
            return TimeZoneInfo.ConvertTimeToUtc(unspecified, _zone);
        }
        var asUtc = DateTime.SpecifyKind(unspecified, DateTimeKind.Utc);
        return asUtc - OffsetAt(asUtc.AddDays(-1));
    }

    /// <summary>
    /// The first instant of an office-local month, in UTC: the first instant whose local time is in that month. Where
    /// the clock skips the month's midnight (moved forward at 00:00) it is the first local time after the gap, where
    /// converting the midnight itself would throw.
    /// </summary>
    public DateTime MonthStartUtc(int year, int month)
    {
        var local = new DateTime(year, month, 1);
        var asUtc = DateTime.SpecifyKind(local, DateTimeKind.Utc);
        // Each offset in force near the midnight gives a candidate (with one offset, simply midnight minus it); the answer
        // is the earliest that is in the month one tick after the month before.
        var candidates = new[] { asUtc - OffsetAt(asUtc.AddDays(-2)), asUtc - OffsetAt(asUtc.AddDays(2)) }.Order().ToList();
        return candidates.FirstOrDefault(c => ToLocal(c) >= local && ToLocal(c.AddTicks(-1)) < local, candidates[0]);
    }

    /// <summary>
    /// Whether the office's clock goes back within two days of a month's first midnight, so that some local times near
    /// it happen twice and instants on either side of the month's first instant may belong to either month.
    /// </summary>
    public bool GoesBackNear(int year, int month)
    {
        var asUtc = DateTime.SpecifyKind(new DateTime(year, month, 1), DateTimeKind.Utc);
        return OffsetAt(asUtc.AddDays(2)) < OffsetAt(asUtc.AddDays(-2));
    }

    /// <summary>A UTC instant as the office's wall-clock time.</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>A UTC instant as an office-local value for a datetime-local field.</summary>
    public string ForInput(DateTime? utc) => utc is { } value
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), _zone).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        : "";

    /// <summary>The office time zone's offset at an instant, for writing that instant as local time.</summary>
    public TimeSpan OffsetAt(DateTime utc) => _zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public string ArticleDate(DateTime? utc) => utc is { } value ? DateDisplay.ArticleDate(value, _zone) : "";

    /// <summary>The office-local date and time of an instant, for machine-readable attributes.</summary>
    public string IsoLocal(DateTime? utc) => utc is { } value
        ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToOffset(OffsetAt(value)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)
        : "";
}

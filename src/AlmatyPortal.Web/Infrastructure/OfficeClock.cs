using AlmatyPortal.Web.Features.Publishing;
using Microsoft.Extensions.Options;

namespace AlmatyPortal.Web.Infrastructure;

/// <summary>The time as the regional office sees it: today's date and article dates in the office's time zone.</summary>
public sealed class OfficeClock(TimeProvider clock, IOptions<PortalOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateDisplay.LocalDay(UtcNow, _zone);

    public string ArticleDate(DateTime? utc) => utc is { } value ? DateDisplay.ArticleDate(value, _zone) : "";

    /// <summary>The office-local date and time of an instant, for machine-readable attributes.</summary>
    public string IsoLocal(DateTime? utc) => utc is { } value
        ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToOffset(_zone.GetUtcOffset(value)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)
        : "";
}

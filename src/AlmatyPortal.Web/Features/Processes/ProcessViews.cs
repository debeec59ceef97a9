namespace AlmatyPortal.Web.Features.Processes;

/// <summary>A process as a line in a list.</summary>
public sealed record ProcessSummary(string Slug, string Name, string Summary);

/// <summary>What a line of a process's timeline is.</summary>
public enum TimelineKind
{
    FoundingConference = 0,
    FollowUpConference = 1,
    Document = 2,
    News = 3,
}

/// <summary>
/// One line of a process's timeline: a meeting (with its last day and place), a document (dated by the meeting that
/// adopted it, named in <see cref="Context"/>), or a news report. <see cref="Path"/> is the page (in the page's language, without its prefix) or document it links.
/// </summary>
public sealed record TimelineEntry(TimelineKind Kind, DateOnly Date, string Title, string Summary, string? Path, int Id)
{
    public DateOnly? EndDate { get; init; }
    public string? City { get; init; }
    public string? CountryName { get; init; }

    /// <summary>For a document: the meeting that adopted it.</summary>
    public string? Context { get; init; }

    /// <summary>For news: when it was published, to the minute.</summary>
    public DateTime? PublishedAt { get; init; }

    /// <summary>The language the line is written in: the page's own, or the original's for a meeting not yet translated.</summary>
    public string Language { get; init; } = "";

    /// <summary>The line's page with its language's prefix, or a document's own address; null when it has none.</summary>
    public string? AddressIn() => Path is null || Kind == TimelineKind.Document ? Path : SitePaths.In(Language, Path);

    public bool IsMeeting => Kind is TimelineKind.FoundingConference or TimelineKind.FollowUpConference;
}

/// <summary>Everything the process page shows: the record and its timeline in date order.</summary>
public sealed record ProcessView(int Id, Guid TranslationGroup, string Language, string Slug, string Name, string Summary, string BodyHtml,
    DateTime UpdatedAt, IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>Each language's published version (language → site path), this one included.</summary>
    public Dictionary<string, string> Translations { get; init; } = [];

    public IEnumerable<TimelineEntry> Meetings => Timeline.Where(e => e.IsMeeting);
}

/// <summary>The process a conference or article belongs to, as the link back to it.</summary>
public sealed record ProcessLink(int Id, string Slug, string Name);

/// <summary>How a timeline reads: each kind's name, each line's anchor, and the cache tags of a page or feed that shows it.</summary>
public static class ProcessTimeline
{
    public static string KindName(TimelineKind kind) => kind switch
    {
        TimelineKind.FoundingConference => "Founding conference",
        TimelineKind.FollowUpConference => "Follow-up meeting",
        TimelineKind.Document => "Outcome document",
        _ => "News",
    };

    /// <summary>The line's id on the process page, e.g. "document-3".</summary>
    public static string Anchor(TimelineEntry entry) => $"{entry.Kind.ToString().ToLowerInvariant()}-{entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// A timeline shows meetings and news: it changes with them, and with any news of the language being published
    /// (which may be a report on one of its meetings).
    /// </summary>
    public static IEnumerable<string> PageTagsOf(ProcessView process) =>
    [
        PageCache.PageTags.ProcessGroup(process.TranslationGroup), PageCache.PageTags.Process(process.Id), PageCache.PageTags.News(process.Language),
        .. process.Timeline.Where(e => e.IsMeeting).Select(e => PageCache.PageTags.Conference(e.Id)),
        .. process.Timeline.Where(e => e.Kind == TimelineKind.News).Select(e => PageCache.PageTags.Article(e.Id)),
        .. PageCache.PageTags.Names(process.Timeline.Select(e => e.CountryName)),
    ];
}

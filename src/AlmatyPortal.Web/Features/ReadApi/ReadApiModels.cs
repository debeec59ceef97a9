namespace AlmatyPortal.Web.Features.ReadApi;

// What partners read: published content only, in one language, with absolute addresses. No database ids, states,
// versions, Markdown sources or staff names: only what the public pages already show.

/// <summary>One page of a list: its items, where it sits, and the addresses of its neighbours.</summary>
public sealed record ApiPage<T>(string Language, int Page, int PageSize, int Total, IReadOnlyList<T> Items, string? Next, string? Previous);

public sealed record ApiSection(string Slug, string Name, string Url);

public sealed record ApiTag(string Slug, string Name, string Url);

public sealed record ApiImage(string Url, int Width, int Height, string AltText, string Credit);

/// <summary>An article in a list.</summary>
public sealed record ApiArticleSummary(string Slug, string Title, string Summary, DateTime? PublishedAt, DateTime UpdatedAt, string Url,
    ApiSection Section, ApiImage? Image);

/// <summary>A whole article: its body as the site shows it, tags, the records it belongs to and its other languages.</summary>
public sealed record ApiArticle(string Slug, string Language, string Title, string Summary, string BodyHtml, DateTime? PublishedAt, DateTime UpdatedAt,
    string Url, ApiSection? Section, ApiImage? Image, IReadOnlyList<ApiTag> Tags, IReadOnlyList<ApiLink> Conferences, IReadOnlyList<ApiLink> Processes,
    IReadOnlyDictionary<string, string> Translations);

/// <summary>A record an article or process links: its slug, title and page.</summary>
public sealed record ApiLink(string Slug, string Title, string Url);

public sealed record ApiConference(string Slug, string Title, string Summary, DateOnly StartDate, DateOnly EndDate, string City, string? Country,
    DateTime UpdatedAt, string Url);

public sealed record ApiProcessSummary(string Slug, string Name, string Summary, DateTime UpdatedAt, string Url);

/// <summary>A process with its timeline in date order.</summary>
public sealed record ApiProcess(string Slug, string Language, string Name, string Summary, string DescriptionHtml, DateTime UpdatedAt, string Url,
    IReadOnlyList<ApiTimelineEntry> Timeline, IReadOnlyDictionary<string, string> Translations);

/// <summary>A line of a process's timeline: kind (founding-conference, follow-up-conference, document, news), its date, title and address.</summary>
public sealed record ApiTimelineEntry(string Kind, DateOnly Date, DateOnly? EndDate, string Title, string Summary, string? Url);

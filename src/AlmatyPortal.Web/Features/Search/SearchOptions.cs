namespace AlmatyPortal.Web.Features.Search;

/// <summary>Settings of the Search feature ("Search" in configuration).</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// The office-local time of day at which the SQLite full-text index is merged into one segment (it blocks saves for
    /// under a second at 100,000 articles, so a quiet hour). Not counted from start-up: a portal restarted every day still
    /// merges. PostgreSQL's index needs no merge.
    /// </summary>
    public TimeOnly MergeAt { get; set; } = new(3, 30);
}

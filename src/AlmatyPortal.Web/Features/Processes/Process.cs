namespace AlmatyPortal.Web.Features.Processes;

/// <summary>
/// A regional process, such as the Almaty Process: the conference that founded it, the documents it produced, the
/// meetings that followed and the news about it, read as one timeline. One language version of the record.
/// </summary>
public sealed class Process : ITranslatableRecord
{
    public int Id { get; set; }
    public string Language { get; set; } = "en";
    public Guid TranslationGroup { get; set; } = Guid.NewGuid();

    /// <summary>For a translation: the source record's version it was last brought in step with.</summary>
    public int? TranslatedFromVersion { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Summary { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public PublicationStatus Status { get; set; } = PublicationStatus.Draft;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The part a conference plays in a process.</summary>
public enum ProcessRole
{
    /// <summary>The conference that started the process.</summary>
    Founding = 0,

    /// <summary>A meeting held as part of the process afterwards.</summary>
    FollowUp = 1,
}

/// <summary>
/// A conference in a process. Both sides are translation groups, so one link serves every language: the Russian
/// process page shows the Russian version of the conference.
/// </summary>
public sealed class ProcessConference
{
    public Guid ProcessGroup { get; set; }
    public Guid ConferenceGroup { get; set; }
    public ProcessRole Role { get; set; }
}

/// <summary>A news article about a process (besides the reports on its conferences, which belong to it already), by translation groups.</summary>
public sealed class ProcessArticle
{
    public Guid ProcessGroup { get; set; }
    public Guid ArticleGroup { get; set; }
}


namespace AlmatyPortal.Web.Features.News;

/// <summary>A news article: one language version of a report, with its body rendered at save time.</summary>
public sealed class Article : Publishing.ITranslatableRecord
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 600;
    public const int SlugMaxLength = 120;

    public int Id { get; set; }

    /// <summary>Two-letter language code of this version ("en", "ru").</summary>
    public string Language { get; set; } = "en";

    /// <summary>Links the language versions of one article; each version has its own slug and state.</summary>
    public Guid TranslationGroup { get; set; } = Guid.NewGuid();

    /// <summary>For a translation: the source article's version it was last brought in step with; a newer source makes it out of date.</summary>
    public int? TranslatedFromVersion { get; set; }

    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";

    /// <summary>Sanitised HTML of <see cref="BodyMarkdown"/>, produced by the one Markdown renderer when saved.</summary>
    public string BodyHtml { get; set; } = "";

    public PublicationStatus Status { get; set; } = PublicationStatus.Draft;

    /// <summary>When the article is (or was, or will be) public, in UTC.</summary>
    public DateTime? PublishAt { get; set; }

    public int SectionId { get; set; }
    public Section Section { get; set; } = null!;

    public int? FeaturedImageId { get; set; }
    public Media.MediaAsset? FeaturedImage { get; set; }

    public List<Tag> Tags { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Application-managed concurrency token: every save increments it, a save from an older value is refused.</summary>
    public int Version { get; set; }
}

using System.ComponentModel.DataAnnotations;
using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>What the article editor form posts. Only these fields can be set from the form: author, status and times are the server's.</summary>
public sealed class ArticleInput
{
    public const int BodyMaxLength = 200_000;

    public int? Id { get; set; }

    /// <summary>The version the editor started from; a save from an older one is a conflict.</summary>
    public int Version { get; set; }

    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(Article.TitleMaxLength, ErrorMessage = "The title can have at most {1} characters.")]
    [Display(Name = "Title")]
    public string Title { get; set; } = "";

    [StringLength(Article.SlugMaxLength, ErrorMessage = "The slug can have at most {1} characters.")]
    [Display(Name = "Slug")]
    public string? Slug { get; set; }

    [StringLength(Article.SummaryMaxLength, ErrorMessage = "The summary can have at most {1} characters.")]
    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    [StringLength(BodyMaxLength, ErrorMessage = "The body can have at most {1} characters.")]
    [Display(Name = "Body")]
    public string? Body { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Choose a section.")]
    [Display(Name = "Section")]
    public int SectionId { get; set; }

    [StringLength(1000, ErrorMessage = "The tags can have at most {1} characters.")]
    [Display(Name = "Tags")]
    public string? Tags { get; set; }

    [Display(Name = "Featured image")]
    public int? FeaturedImageId { get; set; }

    /// <summary>In the office's time zone, as a datetime-local field sends it.</summary>
    [Display(Name = "Publish date")]
    public DateTime? PublishAt { get; set; }

    /// <summary>The language of a new article; an existing one keeps its own.</summary>
    [Display(Name = "Language")]
    public string Language { get; set; } = Infrastructure.Localization.Languages.Default;

    public IReadOnlyList<string> TagList() =>
        (Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .DistinctBy(t => Publishing.Slug.From(t)).ToList();
}

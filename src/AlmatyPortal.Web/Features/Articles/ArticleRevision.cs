using AlmatyPortal.Web.Features.News;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>The full content of an article as one save left it: who saved it, when, and everything they wrote.</summary>
public sealed class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>The article version this save produced; unique per article.</summary>
    public int Version { get; set; }

    public DateTime SavedAt { get; set; }
    public string SavedBy { get; set; } = "";

    /// <summary>Autosaves keep a draft safe but stay out of the named history.</summary>
    public bool IsAutosave { get; set; }

    /// <summary>What the save did: "saved draft", "published", "restored version 3".</summary>
    public string Note { get; set; } = "";

    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Summary { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public int SectionId { get; set; }
    public string Tags { get; set; } = "";
    public int? FeaturedImageId { get; set; }
    public DateTime? PublishAt { get; set; }
    public PublicationStatus Status { get; set; }

    /// <summary>A revision holding the article exactly as it stands now.</summary>
    public static ArticleRevision Of(Article article, IEnumerable<Tag> tags, string user, DateTime at, string note, bool autosave) => new()
    {
        ArticleId = article.Id,
        Version = article.Version,
        SavedAt = at,
        SavedBy = user,
        IsAutosave = autosave,
        Note = note,
        Title = article.Title,
        Slug = article.Slug,
        Summary = article.Summary,
        BodyMarkdown = article.BodyMarkdown,
        SectionId = article.SectionId,
        Tags = string.Join(", ", tags.Select(t => t.Name).Order(StringComparer.Ordinal)),
        FeaturedImageId = article.FeaturedImageId,
        PublishAt = article.PublishAt,
        Status = article.Status,
    };
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> b)
    {
        b.Property(r => r.SavedBy).HasMaxLength(256);
        b.Property(r => r.Note).HasMaxLength(200);
        b.Property(r => r.Title).HasMaxLength(Article.TitleMaxLength);
        b.Property(r => r.Slug).HasMaxLength(Article.SlugMaxLength);
        b.Property(r => r.Summary).HasMaxLength(Article.SummaryMaxLength);
        b.Property(r => r.Tags).HasMaxLength(1000);
        b.HasIndex(r => new { r.ArticleId, r.Version }).IsUnique();
        b.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

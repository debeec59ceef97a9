using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.News;

/// <summary>An old address of an article, kept so links to it answer 301 to the current one.</summary>
public sealed class SlugRedirect
{
    public int Id { get; set; }
    public string Language { get; set; } = "";
    public string OldSlug { get; set; } = "";
    public int ArticleId { get; set; }
}

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> b)
    {
        b.Property(r => r.Language).HasMaxLength(8);
        b.Property(r => r.OldSlug).HasMaxLength(Article.SlugMaxLength);
        b.HasIndex(r => new { r.Language, r.OldSlug }).IsUnique();
        b.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

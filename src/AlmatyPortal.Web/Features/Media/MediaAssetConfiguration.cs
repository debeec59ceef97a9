using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Media;

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    public void Configure(EntityTypeBuilder<MediaAsset> b)
    {
        b.Property(m => m.FileName).HasMaxLength(200);
        b.Property(m => m.ContentType).HasMaxLength(64);
        b.Property(m => m.AltText).HasMaxLength(500);
        b.Property(m => m.Credit).HasMaxLength(200);
        b.Property(m => m.Variants).HasMaxLength(1000);
        b.Property(m => m.Photographer).HasMaxLength(200);
        b.Property(m => m.Licence).HasMaxLength(200);
        // The library lists newest first.
        b.HasIndex(m => m.CreatedAt);
        b.Property(m => m.Name).HasMaxLength(120);
        b.HasIndex(m => m.Name).IsUnique();
        b.HasIndex(m => m.FileName).IsUnique();
        b.HasMany(m => m.AltTranslations).WithOne().HasForeignKey(t => t.MediaAssetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MediaAltTextConfiguration : IEntityTypeConfiguration<MediaAltText>
{
    public void Configure(EntityTypeBuilder<MediaAltText> b)
    {
        // The key is also the index pages read the alt text of an image in their language by.
        b.HasKey(t => new { t.MediaAssetId, t.Language });
        b.Property(t => t.Language).HasMaxLength(8);
        b.Property(t => t.Text).HasMaxLength(500);
    }
}

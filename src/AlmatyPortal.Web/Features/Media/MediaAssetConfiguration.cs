using Microsoft.EntityFrameworkCore;
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
    }
}

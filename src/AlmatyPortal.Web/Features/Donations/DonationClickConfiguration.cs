using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Donations;

internal sealed class DonationClickConfiguration : IEntityTypeConfiguration<DonationClick>
{
    public void Configure(EntityTypeBuilder<DonationClick> b)
    {
        b.Property(d => d.SourcePath).HasMaxLength(DonationCounter.SourcePathMaxLength);
        b.HasIndex(d => new { d.Day, d.SourcePath }).IsUnique();
    }
}

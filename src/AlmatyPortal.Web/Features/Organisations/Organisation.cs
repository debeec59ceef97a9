using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Organisations;

/// <summary>An agency, government or body that organises, hosts, funds or supports conferences.</summary>
public sealed class Organisation
{
    public const int SlugMaxLength = 120;

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Acronym { get; set; }
    public string? Url { get; set; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.Property(o => o.Slug).HasMaxLength(Organisation.SlugMaxLength);
        b.Property(o => o.Name).HasMaxLength(200);
        b.HasIndex(o => o.Slug).IsUnique();
    }
}

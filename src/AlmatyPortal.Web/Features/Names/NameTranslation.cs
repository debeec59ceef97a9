using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Names;

/// <summary>
/// A reference name (a section, country, organisation, acronym or person) in another language, keyed like the
/// interface resources by its text in the default language: ("ru", "News of the Region") → "Новости региона".
/// Staff set these in the admin area and content/ carries them as <c>translations:</c>; pages show them through
/// the shared localizer, so every place that names a section or an organisation picks them up.
/// </summary>
public sealed class NameTranslation
{
    public string Language { get; set; } = "";
    public string Text { get; set; } = "";
    public string Translation { get; set; } = "";
}

internal sealed class NameTranslationConfiguration : IEntityTypeConfiguration<NameTranslation>
{
    public void Configure(EntityTypeBuilder<NameTranslation> b)
    {
        b.HasKey(n => new { n.Language, n.Text });
        b.Property(n => n.Language).HasMaxLength(8);
        b.Property(n => n.Text).HasMaxLength(300);
        b.Property(n => n.Translation).HasMaxLength(300);
    }
}

using AlmatyPortal.Web.Features.News;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Conferences;

internal sealed class ConferenceConfiguration : IEntityTypeConfiguration<Conference>
{
    /// <summary>The join table of conference records and the news reports on them.</summary>
    public const string ArticleConferences = "ArticleConferences";

    public void Configure(EntityTypeBuilder<Conference> b)
    {
        b.Property(c => c.Language).HasMaxLength(8);
        b.Property(c => c.Slug).HasMaxLength(Article.SlugMaxLength);
        b.Property(c => c.Title).HasMaxLength(Article.TitleMaxLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.Language, c.Slug }).IsUnique();
        // Conference list: upcoming and past by date.
        b.HasIndex(c => new { c.Language, c.Status, c.StartDate });
        b.HasIndex(c => c.TranslationGroup);
        b.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryId).OnDelete(DeleteBehavior.Restrict);

        // The news reports on a conference. The link is kept on this side only, so News never depends on Conferences.
        b.HasMany(c => c.Articles).WithMany().UsingEntity(ArticleConferences,
            right => right.HasOne(typeof(Article)).WithMany().HasForeignKey("ArticlesId").OnDelete(DeleteBehavior.Cascade),
            left => left.HasOne(typeof(Conference)).WithMany().HasForeignKey("ConferencesId").OnDelete(DeleteBehavior.Cascade),
            join =>
            {
                join.HasKey("ArticlesId", "ConferencesId");
                join.HasIndex("ConferencesId");
            });
        b.HasMany(c => c.Organisations).WithOne().HasForeignKey(o => o.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Speakers).WithOne().HasForeignKey(s => s.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Countries).WithOne().HasForeignKey(s => s.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Topics).WithOne().HasForeignKey(s => s.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Documents).WithOne().HasForeignKey(s => s.ConferenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConferenceOrganisationConfiguration : IEntityTypeConfiguration<ConferenceOrganisation>
{
    public void Configure(EntityTypeBuilder<ConferenceOrganisation> b)
    {
        b.HasKey(o => new { o.ConferenceId, o.OrganisationId, o.Role });
        b.HasOne(o => o.Organisation).WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.OrganisationId);
    }
}

internal sealed class ConferenceSpeakerConfiguration : IEntityTypeConfiguration<ConferenceSpeaker>
{
    public void Configure(EntityTypeBuilder<ConferenceSpeaker> b)
    {
        b.HasKey(s => new { s.ConferenceId, s.PersonId });
        b.Property(s => s.Title).HasMaxLength(200);
        b.HasOne(s => s.Person).WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.PersonId);
    }
}

internal sealed class ConferenceCountryConfiguration : IEntityTypeConfiguration<ConferenceCountry>
{
    public void Configure(EntityTypeBuilder<ConferenceCountry> b)
    {
        b.HasKey(c => new { c.ConferenceId, c.CountryId });
        b.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.CountryId);
    }
}

internal sealed class ReferenceDataConfiguration : IEntityTypeConfiguration<Country>, IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Country> b)
    {
        b.Property(c => c.IsoAlpha2).HasMaxLength(2);
        b.Property(c => c.IsoAlpha3).HasMaxLength(3);
        b.Property(c => c.Name).HasMaxLength(100);
        b.HasIndex(c => c.IsoAlpha2).IsUnique();
        b.HasIndex(c => c.IsoAlpha3).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.Slug).HasMaxLength(Article.SlugMaxLength);
        b.Property(p => p.Name).HasMaxLength(200);
        b.HasIndex(p => p.Slug).IsUnique();
    }
}

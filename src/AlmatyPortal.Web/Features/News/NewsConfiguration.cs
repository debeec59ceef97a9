using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.News;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    /// <summary>The join table of articles and their tags.</summary>
    public const string ArticleTags = "ArticleTags";

    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.Property(a => a.Language).HasMaxLength(8);
        b.Property(a => a.Slug).HasMaxLength(Article.SlugMaxLength);
        b.Property(a => a.Title).HasMaxLength(Article.TitleMaxLength);
        b.Property(a => a.Summary).HasMaxLength(Article.SummaryMaxLength);
        b.Property(a => a.Version).IsConcurrencyToken();

        // Article page: by language and slug.
        b.HasIndex(a => new { a.Language, a.Slug }).IsUnique();
        // Home, news list and feeds: published, newest first. The id ends it so that a page's keys are read from the
        // index alone (PostgreSQL; SQLite's indexes end with the row id anyway).
        b.HasIndex(a => new { a.Language, a.Status, a.PublishAt, a.Id });
        // Section pages.
        b.HasIndex(a => new { a.SectionId, a.Status, a.PublishAt });
        // An article's language versions; it also holds what the sitemap lists of each (status, language, address), so
        // that 50,000 alternates are read from the index and not from the articles' rows, which hold their bodies.
        b.HasIndex(a => new { a.TranslationGroup, a.Status, a.Language, a.Slug });
        // The sitemap: the most recent change (of a language: the first of that language from the top). Not led by
        // Language, so it never competes with the index the lists use; the language ends it so no row is read.
        b.HasIndex(a => new { a.Status, a.UpdatedAt, a.Language });
        // PostgreSQL has one more, for the sitemap's window (ConfigurePostgreSql).

        b.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.FeaturedImage).WithMany().HasForeignKey(a => a.FeaturedImageId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity(ArticleTags);
    }

    /// <summary>
    /// PostgreSQL only (PostgreSqlPortalDbContext): the sitemap's window of articles in list order, with what it writes of
    /// each, so that a file of 50,000 addresses is read from the index alone (at 100,000 articles its file went from 28 to
    /// 20.5 ms p50). PostgreSQL weighs an index by its size and keeps the narrower list index for counts and lists. SQLite
    /// weighs two indexes with the same leading columns alike and counted the published articles with this wider one,
    /// twice as slow (the sitemap index page 7.8 -> 11.7 ms, /news 6.0 -> 7.6 ms), so it has none.
    /// </summary>
    public static void ConfigurePostgreSql(EntityTypeBuilder<Article> b) =>
        b.HasIndex(a => new { a.Language, a.Status, a.PublishAt, a.Id, a.Slug, a.UpdatedAt, a.TranslationGroup })
            .HasDatabaseName("IX_Articles_Sitemap");
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> b)
    {
        b.Property(s => s.Slug).HasMaxLength(Article.SlugMaxLength);
        b.Property(s => s.Name).HasMaxLength(120);
        b.HasIndex(s => s.Slug).IsUnique();
        b.HasOne(s => s.Parent).WithMany(s => s.Children).HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.Property(t => t.Slug).HasMaxLength(Article.SlugMaxLength);
        b.Property(t => t.Name).HasMaxLength(80);
        b.HasIndex(t => t.Slug).IsUnique();
        b.HasIndex(t => t.TranslationGroup);
    }
}

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
        // Related stories: each scored article's date, to order a thousand candidates before the few shown are read
        // from their rows (RelatedStories). SQLite, at 100,000 articles: 6.2 ms for a tag of 1,000 articles from the rows,
        // 4.5 ms from this index.
        b.HasIndex(a => new { a.Id, a.PublishAt });
        // An article's language versions; it also holds what the sitemap lists of each (status, language, address), so
        // that 50,000 alternates are read from the index and not from the articles' rows, which hold their bodies.
        b.HasIndex(a => new { a.TranslationGroup, a.Status, a.Language, a.Slug });
        // The sitemap: the most recent change (of a language: the first of that language from the top). Not led by
        // Language, so it never competes with the index the lists use; the language ends it so no row is read.
        b.HasIndex(a => new { a.Status, a.UpdatedAt, a.Language });
        // The sitemap's window of articles in list order, with what it writes of each, so that a file of 2,000 addresses
        // is read from the index alone and not from 2,000 rows that hold their bodies (SQLite, at 100,000 articles: a
        // window of 2,000 took 4.4-6.7 ms from the rows, 1.5 ms from this index). On SQLite it is partial, holding the
        // articles with an address (all of them), and only the sitemap's query names that condition: SQLite weighs two
        // indexes with the same leading columns alike, and with this one whole it counted and listed the published
        // articles through it, twice as slow (the sitemap index page 7.8 -> 11.7 ms, /news 6.0 -> 7.6 ms). PostgreSQL
        // weighs an index by its size; there it is whole (ConfigurePostgreSql), as before.
        b.HasIndex(a => new { a.Language, a.Status, a.PublishAt, a.Id, a.Slug, a.UpdatedAt, a.TranslationGroup })
            .HasDatabaseName(SitemapIndex).HasFilter(SitemapCondition);

        b.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.FeaturedImage).WithMany().HasForeignKey(a => a.FeaturedImageId).OnDelete(DeleteBehavior.SetNull);
        // A tag's articles are read from the tag's index alone (tag pages, related stories): with the tag only, each link's
        // article was looked up in the table (related stories: 4.9 ms, not 6.2, for a tag of 1,000 articles).
        b.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity(ArticleTags, j => j.HasIndex("TagsId", "ArticlesId"));
    }

    /// <summary>The sitemap window's index (see Configure).</summary>
    private const string SitemapIndex = "IX_Articles_Sitemap";

    /// <summary>
    /// The condition of the SQLite sitemap index, as EF writes <c>a.Slug != ""</c>: SQLite uses a partial index only for a
    /// query whose WHERE holds the same term.
    /// </summary>
    private const string SitemapCondition = "\"Slug\" <> ''";

    /// <summary>PostgreSQL (PostgreSqlPortalDbContext): the sitemap's index is whole, as it was made there at first.</summary>
    public static void ConfigurePostgreSql(EntityTypeBuilder<Article> b) =>
        b.HasIndex(a => new { a.Language, a.Status, a.PublishAt, a.Id, a.Slug, a.UpdatedAt, a.TranslationGroup }).HasFilter(null);
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

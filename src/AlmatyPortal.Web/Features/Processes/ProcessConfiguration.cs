using AlmatyPortal.Web.Features.News;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Processes;

internal sealed class ProcessConfiguration : IEntityTypeConfiguration<Process>, IEntityTypeConfiguration<ProcessConference>, IEntityTypeConfiguration<ProcessArticle>
{
    public void Configure(EntityTypeBuilder<Process> b)
    {
        b.Property(p => p.Language).HasMaxLength(8);
        b.Property(p => p.Slug).HasMaxLength(Article.SlugMaxLength);
        b.Property(p => p.Name).HasMaxLength(Article.TitleMaxLength);
        b.Property(p => p.Summary).HasMaxLength(Article.SummaryMaxLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.Language, p.Slug }).IsUnique();
        // The list of a language's processes, by name.
        b.HasIndex(p => new { p.Language, p.Status, p.Name });
        b.HasIndex(p => p.TranslationGroup);
    }

    public void Configure(EntityTypeBuilder<ProcessConference> b)
    {
        b.ToTable("ProcessConferences");
        b.HasKey(l => new { l.ProcessGroup, l.ConferenceGroup });
        // A conference page finds its process.
        b.HasIndex(l => l.ConferenceGroup);
    }

    public void Configure(EntityTypeBuilder<ProcessArticle> b)
    {
        b.ToTable("ProcessArticles");
        b.HasKey(l => new { l.ProcessGroup, l.ArticleGroup });
        // An article page finds its process.
        b.HasIndex(l => l.ArticleGroup);
    }
}

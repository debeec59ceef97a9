using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.Processes;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Search;

/// <summary>
/// The searchable text of one public article, conference record or process. The FTS5 table SearchEntries indexes these rows
/// (external content), kept in step by triggers, so the index changes in the same transaction as the content.
/// </summary>
public sealed class SearchDocument
{
    public int Id { get; set; }
    public SearchKind Kind { get; set; }
    public int? ArticleId { get; set; }
    public Article? Article { get; set; }
    public int? ConferenceId { get; set; }
    public Conference? Conference { get; set; }
    public int? ProcessId { get; set; }
    public Process? Process { get; set; }
    public string Language { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Plain text: the rendered body without markup, plus for conferences their topics, speakers and organisations.</summary>
    public string Body { get; set; } = "";

    public int? SectionId { get; set; }

    /// <summary>Tag slugs as "|a|b|", for the tag filter.</summary>
    public string Tags { get; set; } = "";

    public int Year { get; set; }
    public DateTime Date { get; set; }
}

public enum SearchKind
{
    Article = 0,
    Conference = 1,
    Process = 2,
}

internal sealed class SearchDocumentConfiguration : IEntityTypeConfiguration<SearchDocument>
{
    /// <summary>
    /// What SQLite's search reads for each of its many candidates: the language and filters it checks, the date it sorts
    /// by. A document's row holds its whole text, so reading these from the row costs a page of the file for each match.
    /// The search names the index (INDEXED BY in SearchQueries): SQLite would look the row up by its key instead.
    /// </summary>
    public const string MatchesIndex = "IX_SearchDocuments_Matches";

    public void Configure(EntityTypeBuilder<SearchDocument> b)
    {
        b.Property(d => d.Language).HasMaxLength(8);
        b.Property(d => d.Slug).HasMaxLength(Article.SlugMaxLength);
        b.Property(d => d.Title).HasMaxLength(Article.TitleMaxLength);
        b.Property(d => d.Tags).HasMaxLength(2000);
        b.HasIndex(d => d.ArticleId).IsUnique();
        b.HasIndex(d => d.ConferenceId).IsUnique();
        b.HasIndex(d => d.ProcessId).IsUnique();
        b.HasIndex(d => new { d.Language, d.Year });
        b.HasIndex(d => new { d.Id, d.Language, d.Date, d.Year, d.SectionId }, MatchesIndex);
        b.HasOne(d => d.Article).WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.Conference).WithMany().HasForeignKey(d => d.ConferenceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.Process).WithMany().HasForeignKey(d => d.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }

    /// <summary>PostgreSQL (PostgreSqlPortalDbContext) searches through its GIN index and has no use for the SQLite one.</summary>
    public static void ConfigurePostgreSql(EntityTypeBuilder<SearchDocument> b) =>
        b.Metadata.RemoveIndex(b.Metadata.FindIndex(MatchesIndex)!);
}

using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlmatyPortal.Web.Features.Insight;

/// <summary>
/// How many times one public page was read on one day, by people or by bots (told apart by the user agent). This is all
/// that is kept of a read: no cookie, no address, no user agent, no time of day.
/// </summary>
public sealed class PageRead
{
    public DateOnly Day { get; set; }

    /// <summary>The page's path, without its query, in lower case: "/news/some-slug", "/ru/conferences/x".</summary>
    public string Path { get; set; } = "";

    public bool IsBot { get; set; }
    public int Count { get; set; }
}

internal sealed class PageReadConfiguration : IEntityTypeConfiguration<PageRead>
{
    public const int PathMaxLength = 200;

    public void Configure(EntityTypeBuilder<PageRead> b)
    {
        b.ToTable("PageReads");
        // Every read of the dashboard is a range of days; the key serves it.
        b.HasKey(r => new { r.Day, r.Path, r.IsBot });
        b.Property(r => r.Path).HasMaxLength(PathMaxLength);
    }
}

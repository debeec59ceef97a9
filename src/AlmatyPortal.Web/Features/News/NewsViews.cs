using AlmatyPortal.Web.Features.Media;

namespace AlmatyPortal.Web.Features.News;

/// <summary>An article as a line in a list.</summary>
public sealed record ArticleSummary(string Slug, string Title, string Summary, DateTime? PublishAt);

/// <summary>One page of a list, and where it sits among the others.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageCount, int Total)
{
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

/// <summary>Everything the article page shows.</summary>
public sealed record ArticleView(
    int Id, Guid TranslationGroup, string Language, string Slug, string Title, string Summary, string BodyHtml, DateTime? PublishAt, DateTime UpdatedAt,
    int SectionId, ImageView? Image, IReadOnlyList<TagLink> Tags);

/// <summary>A featured image and its rights, as printed beside it.</summary>
public sealed record ImageView(string FileName, int Width, int Height, string AltText, string AltLanguage, string Credit, string? Photographer, string? Licence, string Variants)
{
    public string Url => "/media/" + FileName;

    public string SrcSet => MediaAsset.SrcSet(Variants);
}

public sealed record TagLink(string Slug, string Name);

public sealed record TagNode(int Id, string Slug, string Name);

/// <summary>A section with its place in the tree.</summary>
public sealed record SectionNode(int Id, string Slug, string Name, int? ParentId);

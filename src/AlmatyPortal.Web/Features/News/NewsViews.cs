using AlmatyPortal.Web.Features.Media;

namespace AlmatyPortal.Web.Features.News;

/// <summary>An article as a line in a list.</summary>
public sealed record ArticleSummary(int Id, string Slug, string Title, string Summary, DateTime? PublishAt);

/// <summary>One page of a list, and where it sits among the others.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageCount, int Total)
{
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

/// <summary>Everything the article page shows.</summary>
public sealed record ArticleView(
    int Id, Guid TranslationGroup, string Language, string Slug, string Title, string Summary, string BodyHtml, DateTime? PublishAt, DateTime UpdatedAt,
    int SectionId, ImageView? Image, IReadOnlyList<TagLink> Tags)
{
    /// <summary>The section and its ancestors, root first, for the breadcrumbs.</summary>
    public IReadOnlyList<SectionNode> SectionPath { get; init; } = [];

    /// <summary>Each language's published version (language → site path), this one included.</summary>
    public Dictionary<string, string> Translations { get; init; } = [];
}

/// <summary>A featured image and its rights, as printed beside it.</summary>
public sealed record ImageView(int Id, string FileName, int Width, int Height, string AltText, string AltLanguage, string Credit, string? Photographer, string? Licence, string Variants)
{
    public string Url => "/media/" + FileName;

    public string SrcSet => MediaAsset.SrcSet(Variants);
}

/// <summary>
/// Something an article page links to, in one shape so that every kind is read in one query: a tag (<see cref="Tag"/>),
/// a language version (<see cref="Translation"/>), or a kind another feature adds (a conference record it reports on).
/// </summary>
public sealed record ArticleLink
{
    public const int Tag = 0;
    public const int Translation = 1;

    // Set with an object initializer, not a constructor: EF can only combine queries (UNION ALL) of member-initialised shapes.
    public int Kind { get; init; }
    public int Id { get; init; }
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string? Language { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public string? City { get; init; }
}

public sealed record TagLink(int Id, string Slug, string Name);

public sealed record TagNode(int Id, string Slug, string Name)
{
    /// <summary>The same tag in other languages: each linked tag with articles in that language.</summary>
    public IReadOnlyList<TagTranslation> Translations { get; init; } = [];
}

/// <summary>A tag linked to another as its translation, in a language it has articles in.</summary>
public sealed record TagTranslation(int Id, string Language, string Slug, string Name);

/// <summary>A section with its place in the tree.</summary>
public sealed record SectionNode(int Id, string Slug, string Name, int? ParentId);

namespace AlmatyPortal.Web.Features.News;

/// <summary>A keyword that groups articles across sections.</summary>
public sealed class Tag
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Links the same tag in other languages ("Almaty Declaration", "Алматинская декларация"); null when it has none.</summary>
    public Guid? TranslationGroup { get; set; }
    public List<Article> Articles { get; set; } = [];
}

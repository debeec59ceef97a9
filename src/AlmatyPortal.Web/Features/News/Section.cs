namespace AlmatyPortal.Web.Features.News;

/// <summary>A node of the section tree ("News of the Region" › "News") under which articles are filed.</summary>
public sealed class Section
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public int? ParentId { get; set; }
    public Section? Parent { get; set; }
    public List<Section> Children { get; set; } = [];
    public int SortOrder { get; set; }
}
